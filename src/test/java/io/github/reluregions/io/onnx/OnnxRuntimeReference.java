package io.github.reluregions.io.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.reluregions.io.onnx.proto.OnnxProto.AttributeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.GraphProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ModelProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.NodeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorShapeProto;
import io.github.reluregions.io.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Runs an ONNX model in ONNX Runtime, independently of our reader: the reference for its forward pass.
 * The input is given flat, in row-major order, and shaped as the graph's input (symbolic dimensions 1).
 * {@link #inDouble} rewrites a float32 model to float64 (same weights, exactly), so that ONNX Runtime's
 * rounding does not hide small differences.
 */
final class OnnxRuntimeReference implements AutoCloseable {
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final boolean doubleInput;

    OnnxRuntimeReference(byte[] model) throws Exception {
        session = environment.createSession(model, new OrtSession.SessionOptions());
        GraphProto graph = ModelProto.parseFrom(model).getGraph();
        Set<String> initializers = new HashSet<>();
        for (TensorProto initializer : graph.getInitializerList()) {
            initializers.add(initializer.getName());
        }
        ValueInfoProto input = graph.getInputList().stream().filter(i -> !initializers.contains(i.getName()))
                .findFirst().orElseThrow();
        inputName = input.getName();
        doubleInput = input.getType().getTensorType().getElemType() == TensorProto.DataType.DOUBLE_VALUE;
        TensorShapeProto shape = input.getType().getTensorType().getShape();
        inputShape = new long[shape.getDimCount()];
        for (int i = 0; i < inputShape.length; i++) {
            long dim = shape.getDim(i).getDimValue();
            inputShape[i] = dim > 0 ? dim : 1;
        }
    }

    /** The graph's (first) output at {@code x}, flattened. */
    double[] run(double[] x) throws OrtException {
        try (OnnxTensor tensor = doubleInput ? OnnxTensor.createTensor(environment, DoubleBuffer.wrap(x), inputShape)
                        : OnnxTensor.createTensor(environment, FloatBuffer.wrap(toFloat(x)), inputShape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            if (doubleInput) {
                DoubleBuffer out = output.getDoubleBuffer();
                double[] y = new double[out.remaining()];
                out.get(y);
                return y;
            }
            FloatBuffer out = output.getFloatBuffer();
            double[] y = new double[out.remaining()];
            for (int i = 0; i < y.length; i++) {
                y[i] = out.get(i);
            }
            return y;
        }
    }

    /** Rewrites a float32 tensor as float64 (exactly); leaves other types alone. */
    private static void toDouble(TensorProto.Builder tensor) {
        if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            return;
        }
        // read here, not with the reader under test: raw little-endian floats or the float_data field
        List<Float> values = new ArrayList<>(tensor.getFloatDataList());
        ByteBuffer floats = tensor.getRawData().asReadOnlyByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
        while (floats.remaining() >= Float.BYTES) {
            values.add(floats.getFloat());
        }
        ByteBuffer raw = ByteBuffer.allocate(values.size() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putDouble(value);
        }
        tensor.clearFloatData().setDataType(TensorProto.DataType.DOUBLE_VALUE).setRawData(ByteString.copyFrom(raw.array()));
    }

    private static float[] toFloat(double[] x) {
        float[] values = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = (float) x[i];
        }
        return values;
    }

    /** The model with every float32 initializer, input, output and intermediate value made float64. */
    static byte[] inDouble(byte[] model) throws Exception {
        ModelProto.Builder builder = ModelProto.parseFrom(model).toBuilder();
        GraphProto.Builder graph = builder.getGraphBuilder();
        for (TensorProto.Builder initializer : graph.getInitializerBuilderList()) {
            toDouble(initializer);
        }
        for (NodeProto.Builder node : graph.getNodeBuilderList()) {
            for (AttributeProto.Builder attribute : node.getAttributeBuilderList()) {
                if (attribute.hasT()) {
                    toDouble(attribute.getTBuilder());
                } else if (node.getOpType().equals("Constant") && attribute.getName().equals("value_floats")) {
                    TensorProto.Builder tensor = TensorProto.newBuilder().addDims(attribute.getFloatsCount())
                            .setDataType(TensorProto.DataType.FLOAT_VALUE).addAllFloatData(attribute.getFloatsList());
                    toDouble(tensor);
                    attribute.setName("value").clearFloats().setType(AttributeProto.AttributeType.TENSOR).setT(tensor);
                }
            }
        }
        for (ValueInfoProto.Builder info : graph.getInputBuilderList()) {
            info.getTypeBuilder().getTensorTypeBuilder().setElemType(TensorProto.DataType.DOUBLE_VALUE);
        }
        for (ValueInfoProto.Builder info : graph.getOutputBuilderList()) {
            info.getTypeBuilder().getTensorTypeBuilder().setElemType(TensorProto.DataType.DOUBLE_VALUE);
        }
        graph.clearValueInfo();
        return builder.build().toByteArray();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
