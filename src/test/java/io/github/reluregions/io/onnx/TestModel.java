package io.github.reluregions.io.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import io.github.reluregions.io.onnx.proto.OnnxProto.AttributeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.GraphProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ModelProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.NodeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorShapeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TypeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ValueInfoProto;

/** Builds small ONNX models for tests: one float input, initializers, nodes, one output. */
public final class TestModel {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private final Random random = new Random(7);
    private int nodes;

    /** The graph input {@code name} of this shape (a negative dimension is symbolic). */
    public TestModel input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
        return this;
    }

    public TestModel output(String name) {
        graph.addOutput(valueInfo(name));
        return this;
    }

    /** A float initializer, stored as raw little-endian bytes. */
    TestModel initializer(String name, long[] dims, double... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            raw.putFloat((float) value);
        }
        graph.addInitializer(TensorProto.newBuilder().setName(name).addAllDims(longs(dims))
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(raw.array())));
        return this;
    }

    /** A float initializer of Gaussian values. */
    public TestModel randomInitializer(String name, long... dims) {
        int size = 1;
        for (long dim : dims) {
            size *= (int) dim;
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return initializer(name, dims, values);
    }

    /** An int64 initializer (shapes for Reshape). */
    TestModel longs(String name, long... values) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).addDims(values.length)
                .setDataType(TensorProto.DataType.INT64_VALUE).addAllInt64Data(longs(values)));
        return this;
    }

    public TestModel node(String op, String[] inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(op.toLowerCase() + "_" + nodes++)
                .addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return this;
    }

    public static String[] in(String... names) {
        return names;
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto floatAttribute(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    static AttributeProto floatsAttribute(String name, double... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.FLOATS);
        for (double value : values) {
            attribute.addFloats((float) value);
        }
        return attribute.build();
    }

    /** A tensor attribute holding one float scalar (a Constant node's value). */
    static AttributeProto scalarAttribute(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR)
                .setT(TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData((float) value))
                .build();
    }

    /** Direct access, for tests that break the model on purpose. */
    GraphProto.Builder graph() {
        return graph;
    }

    public byte[] bytes() {
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("relu-regions tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build().toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        if (dims.length > 0) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (long dim : dims) {
                shape.addDim(dim >= 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(dim)
                        : TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    private static Iterable<Long> longs(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
