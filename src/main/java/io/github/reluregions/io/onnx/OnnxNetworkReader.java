package io.github.reluregions.io.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.io.onnx.proto.OnnxProto.AttributeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.GraphProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ModelProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.NodeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorShapeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TypeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ValueInfoProto;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

/**
 * Reads a feed-forward ReLU network from an ONNX model.
 *
 * <p>The graph is run symbolically, node by node in file order: every tensor is kept as an affine function
 * of the current variables ({@link AffineTensor}). Each {@code Relu} closes a hidden layer (its input's
 * affine map becomes the layer's weights and biases) and starts a new set of variables; the graph's output
 * is the linear output layer. So input normalisation ({@code Sub}/{@code Div} by constants), {@code Flatten}
 * and {@code Reshape} fold into the layer they feed, and a graph that ends with {@code Relu} gets an
 * identity output layer (its output neurons then make regions as hidden neurons do).
 *
 * <p>Supported: {@value #SUPPORTED}. Initializers are constants, also when they are listed as graph
 * inputs (as older exporters do); the one other graph input is the network's input, flattened in row-major
 * order (a symbolic batch dimension counts as 1).
 */
public final class OnnxNetworkReader {
    /** The operators the reader understands. */
    static final String SUPPORTED = "Gemm, MatMul, Add, Sub, Mul, Div, Relu, Flatten, Reshape, Identity, Constant";

    private final String source;
    private final Map<String, AffineTensor> values = new HashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private int stage;

    private OnnxNetworkReader(String source) {
        this.source = source;
    }

    /** Reads the ONNX model in {@code file}. */
    public static Network read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the network file " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** Reads an ONNX model from its bytes; {@code source} names it in messages. */
    public static Network parse(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw notOnnx(source, "it does not parse as a protobuf message");
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw notOnnx(source, "it holds no graph");
        }
        return new OnnxNetworkReader(source).translate(model.getGraph());
    }

    private static InvalidInputException notOnnx(String source, String why) {
        return new InvalidInputException("The network file " + source + " is not a valid ONNX model: " + why + ".",
                "Maybe it is another kind of file: give --format for files whose extension does not say.");
    }

    private Network translate(GraphProto graph) {
        for (TensorProto initializer : graph.getInitializerList()) {
            values.put(initializer.getName(), OnnxTensors.decode(initializer, "initializer '" + initializer.getName() + "'"));
        }
        ValueInfoProto input = networkInput(graph);
        values.put(input.getName(), AffineTensor.variables(inputShape(input), 0));

        for (int n = 0; n < graph.getNodeCount(); n++) {
            NodeProto node = graph.getNode(n);
            String where = "node " + n + (node.getName().isEmpty() ? "" : " '" + node.getName() + "'") + " ("
                    + node.getOpType() + ")";
            try {
                AffineTensor result = apply(node);
                if (node.getOutputCount() != 1) {
                    throw new InvalidInputException("It has " + node.getOutputCount() + " outputs; the supported "
                            + "operators have one.");
                }
                values.put(node.getOutput(0), result);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("In " + source + ", " + where + ": " + e.getMessage(), e.hint(), e);
            }
        }

        if (graph.getOutputCount() != 1) {
            throw new InvalidInputException("The ONNX graph in " + source + " has " + graph.getOutputCount()
                    + " outputs; a network here has one output tensor.");
        }
        String outputName = graph.getOutput(0).getName();
        AffineTensor output = values.get(outputName);
        if (output == null) {
            throw new InvalidInputException("The ONNX graph in " + source + " never computes its output '" + outputName + "'.");
        }
        if (output.isConstant() || output.stage() != stage) {
            throw new InvalidInputException("The output '" + outputName + "' of the ONNX graph in " + source
                    + (output.isConstant() ? " does not depend on the input." : " does not depend on the last Relu: "
                            + "only feed-forward chains are supported."));
        }
        layers.add(layerOf(output));
        try {
            return Network.of(layers);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("In " + source + ": " + e.getMessage(), e.hint(), e);
        }
    }

    /** The one graph input that is not an initializer. */
    private ValueInfoProto networkInput(GraphProto graph) {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto input : graph.getInputList()) {
            if (!values.containsKey(input.getName())) {
                inputs.add(input);
            }
        }
        if (inputs.size() != 1) {
            List<String> names = new ArrayList<>();
            inputs.forEach(input -> names.add(input.getName()));
            throw new InvalidInputException("The ONNX graph in " + source + " has " + inputs.size()
                    + " inputs that are not initializers " + names + "; a network here has exactly one.");
        }
        return inputs.get(0);
    }

    private int[] inputShape(ValueInfoProto input) {
        TypeProto type = input.getType();
        if (!type.hasTensorType() || !type.getTensorType().hasShape()) {
            throw new InvalidInputException("The input '" + input.getName() + "' of the ONNX graph in " + source
                    + " has no tensor shape.");
        }
        int elementType = type.getTensorType().getElemType();
        if (elementType != TensorProto.DataType.FLOAT_VALUE && elementType != TensorProto.DataType.DOUBLE_VALUE) {
            throw new InvalidInputException("The input '" + input.getName() + "' of the ONNX graph in " + source
                    + " has element type " + TensorProto.DataType.forNumber(elementType) + "; supported: FLOAT, DOUBLE.");
        }
        TensorShapeProto shape = type.getTensorType().getShape();
        int[] dims = new int[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension dim = shape.getDim(i);
            if (dim.hasDimValue() && dim.getDimValue() > 0) {
                dims[i] = Math.toIntExact(dim.getDimValue());
            } else if (i == 0) {
                dims[i] = 1; // a symbolic or unknown batch dimension: one input at a time
            } else {
                throw new InvalidInputException("Dimension " + i + " of the input '" + input.getName() + "' in " + source
                        + " is symbolic (" + (dim.hasDimParam() ? dim.getDimParam() : "unknown")
                        + "); only the first (batch) dimension may be.");
            }
        }
        return dims;
    }

    private AffineTensor apply(NodeProto node) {
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            throw unsupported(node, "an operator of domain '" + node.getDomain() + "'");
        }
        switch (node.getOpType()) {
            case "Identity":
                return in(node, 0);
            case "Constant":
                return constantNode(node);
            case "Relu":
                return relu(in(node, 0));
            case "Add":
                return AffineTensor.elementwise(in(node, 0), in(node, 1), AffineTensor.Elementwise.ADD);
            case "Sub":
                return AffineTensor.elementwise(in(node, 0), in(node, 1), AffineTensor.Elementwise.SUB);
            case "Mul":
                return AffineTensor.elementwise(in(node, 0), in(node, 1), AffineTensor.Elementwise.MUL);
            case "Div":
                return AffineTensor.elementwise(in(node, 0), in(node, 1), AffineTensor.Elementwise.DIV);
            case "MatMul":
                return AffineTensor.matmul(in(node, 0), in(node, 1));
            case "Gemm":
                return gemm(node);
            case "Flatten":
                return flatten(node);
            case "Reshape":
                return reshape(node);
            default:
                throw unsupported(node, "the operator " + node.getOpType());
        }
    }

    private static InvalidInputException unsupported(NodeProto node, String what) {
        return new InvalidInputException("It is " + what + ", which is not supported; supported: " + SUPPORTED + ".",
                "Maybe export the model as a fully connected ReLU network (no convolutions, pooling or other activations).");
    }

    /** Input {@code i} of the node, which must be computed already. */
    private AffineTensor in(NodeProto node, int i) {
        if (node.getInputCount() <= i || node.getInput(i).isEmpty()) {
            throw new InvalidInputException("It has no input " + i + ".");
        }
        AffineTensor value = values.get(node.getInput(i));
        if (value == null) {
            throw new InvalidInputException("Its input '" + node.getInput(i) + "' is not computed before it "
                    + "(the nodes must be in topological order).");
        }
        return value;
    }

    private AffineTensor relu(AffineTensor x) {
        if (x.isConstant()) {
            return x.reluOfConstant();
        }
        if (x.stage() != stage) {
            throw new InvalidInputException("It applies to a tensor computed before the previous Relu; only "
                    + "feed-forward chains (each layer reads only the previous one) are supported.");
        }
        layers.add(layerOf(x));
        stage++;
        return AffineTensor.variables(x.shape(), stage);
    }

    private static Layer layerOf(AffineTensor x) {
        double[][] weights = new double[x.size()][];
        double[] biases = new double[x.size()];
        for (int e = 0; e < x.size(); e++) {
            weights[e] = x.denseRow(e);
            biases[e] = x.offset(e);
        }
        return Layer.of(weights, biases);
    }

    private AffineTensor gemm(NodeProto node) {
        AffineTensor a = in(node, 0);
        AffineTensor b = in(node, 1);
        if (a.rank() != 2 || b.rank() != 2) {
            throw new InvalidInputException("Gemm needs 2-D inputs A and B, got shapes "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + ".");
        }
        if (intAttribute(node, "transA", 0) != 0) {
            a = a.transpose();
        }
        if (intAttribute(node, "transB", 0) != 0) {
            b = b.transpose();
        }
        AffineTensor product = AffineTensor.matmul(a, b);
        double alpha = floatAttribute(node, "alpha", 1.0);
        if (alpha != 1.0) {
            product = product.scale(alpha);
        }
        if (node.getInputCount() < 3 || node.getInput(2).isEmpty()) {
            return product;
        }
        AffineTensor c = in(node, 2);
        double beta = floatAttribute(node, "beta", 1.0);
        AffineTensor sum = AffineTensor.elementwise(product, beta == 1.0 ? c : c.scale(beta), AffineTensor.Elementwise.ADD);
        if (!Arrays.equals(sum.shape(), product.shape())) {
            throw new InvalidInputException("Its C of shape " + Arrays.toString(c.shape())
                    + " does not broadcast to the product's shape " + Arrays.toString(product.shape()) + ".");
        }
        return sum;
    }

    private AffineTensor flatten(NodeProto node) {
        AffineTensor x = in(node, 0);
        int[] shape = x.shape();
        long axis = intAttribute(node, "axis", 1);
        if (axis < 0) {
            axis += shape.length;
        }
        if (axis < 0 || axis > shape.length) {
            throw new InvalidInputException("Its axis " + intAttribute(node, "axis", 1) + " is outside the rank "
                    + shape.length + " of its input.");
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        return x.reshape(new int[] {outer, x.size() / Math.max(1, outer)});
    }

    private AffineTensor reshape(NodeProto node) {
        AffineTensor x = in(node, 0);
        double[] requested;
        if (node.getInputCount() >= 2) {
            AffineTensor shape = in(node, 1);
            if (!shape.isConstant()) {
                throw new InvalidInputException("Its target shape depends on the input; it must be a constant.");
            }
            requested = shape.values();
        } else {
            AttributeProto attribute = attribute(node, "shape");
            if (attribute == null) {
                throw new InvalidInputException("It has no target shape.");
            }
            requested = attribute.getIntsList().stream().mapToDouble(Long::doubleValue).toArray();
        }
        boolean allowZero = intAttribute(node, "allowzero", 0) != 0;
        int[] current = x.shape();
        int[] target = new int[requested.length];
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < target.length; i++) {
            long dim = (long) requested[i];
            if (dim == 0 && !allowZero) {
                if (i >= current.length) {
                    throw new InvalidInputException("Its target shape copies dimension " + i + " (a 0), which its input of rank "
                            + current.length + " lacks.");
                }
                dim = current[i];
            }
            if (dim == -1) {
                if (inferred >= 0) {
                    throw new InvalidInputException("Its target shape has more than one -1.");
                }
                inferred = i;
                continue;
            }
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                throw new InvalidInputException("Its target shape has the dimension " + dim + ".");
            }
            target[i] = (int) dim;
            known *= target[i];
        }
        if (inferred >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new InvalidInputException("Its target shape cannot hold the " + x.size() + " entries of its input.");
            }
            target[inferred] = x.size() / known;
        }
        return x.reshape(target);
    }

    private static AffineTensor constantNode(NodeProto node) {
        for (AttributeProto attribute : node.getAttributeList()) {
            switch (attribute.getName()) {
                case "value":
                    return OnnxTensors.decode(attribute.getT(), "value of the Constant");
                case "value_float":
                    return AffineTensor.constant(new int[0], new double[] {attribute.getF()});
                case "value_floats":
                    return AffineTensor.constant(new int[] {attribute.getFloatsCount()},
                            attribute.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
                case "value_int":
                    return AffineTensor.constant(new int[0], new double[] {attribute.getI()});
                case "value_ints":
                    return AffineTensor.constant(new int[] {attribute.getIntsCount()},
                            attribute.getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
                default:
                    break;
            }
        }
        throw new InvalidInputException("It has no value, value_float(s) or value_int(s) attribute; other kinds "
                + "of constants are not supported.");
    }

    private static AttributeProto attribute(NodeProto node, String name) {
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    private static long intAttribute(NodeProto node, String name, long fallback) {
        AttributeProto attribute = attribute(node, name);
        return attribute == null ? fallback : attribute.getI();
    }

    private static double floatAttribute(NodeProto node, String name, double fallback) {
        AttributeProto attribute = attribute(node, name);
        return attribute == null ? fallback : attribute.getF();
    }
}
