package io.github.reluregions.io.onnx;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto.DataType;
import io.github.reluregions.io.onnx.proto.OnnxProto.TensorProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Decodes the numbers of an ONNX {@code TensorProto} (initializers, Constant nodes) into a constant tensor. */
final class OnnxTensors {
    private OnnxTensors() {
    }

    /**
     * The constant tensor {@code tensor} holds. Reads float, double, int32 and int64 data, from
     * {@code raw_data} (little-endian) or the typed fields; other types and external data are refused.
     */
    static AffineTensor decode(TensorProto tensor, String what) {
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new InvalidInputException("The " + what + " is stored in an external data file, which is not supported.",
                    "Maybe save the model with its weights inside (onnx.save(model, path, save_as_external_data=False)).");
        }
        if (tensor.hasSegment()) {
            throw new InvalidInputException("The " + what + " is stored in segments, which is not supported.");
        }
        int[] shape = new int[tensor.getDimsCount()];
        for (int i = 0; i < shape.length; i++) {
            long dim = tensor.getDims(i);
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                throw new InvalidInputException("The " + what + " has dimension " + i + " of size " + dim + ".");
            }
            shape[i] = (int) dim;
        }
        int size = AffineTensor.sizeOf(shape);
        DataType type = DataType.forNumber(tensor.getDataType());
        ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
        int width;
        int typedCount;
        IntToDoubleFunction fromRaw;
        IntToDoubleFunction fromTyped;
        if (type == DataType.FLOAT) {
            width = Float.BYTES;
            typedCount = tensor.getFloatDataCount();
            fromRaw = e -> raw.getFloat(e * Float.BYTES);
            fromTyped = tensor::getFloatData;
        } else if (type == DataType.DOUBLE) {
            width = Double.BYTES;
            typedCount = tensor.getDoubleDataCount();
            fromRaw = e -> raw.getDouble(e * Double.BYTES);
            fromTyped = tensor::getDoubleData;
        } else if (type == DataType.INT64) {
            width = Long.BYTES;
            typedCount = tensor.getInt64DataCount();
            fromRaw = e -> raw.getLong(e * Long.BYTES);
            fromTyped = tensor::getInt64Data;
        } else if (type == DataType.INT32) {
            width = Integer.BYTES;
            typedCount = tensor.getInt32DataCount();
            fromRaw = e -> raw.getInt(e * Integer.BYTES);
            fromTyped = tensor::getInt32Data;
        } else {
            throw new InvalidInputException("The " + what + " has data type " + (type == null ? tensor.getDataType() : type)
                    + "; supported: FLOAT, DOUBLE, INT32, INT64.", "Maybe convert the model to float32.");
        }
        boolean isRaw = tensor.hasRawData();
        int count = isRaw ? raw.remaining() / width : typedCount;
        if (count != size || isRaw && raw.remaining() % width != 0) {
            throw new InvalidInputException("The " + what + " holds " + count + " numbers but its shape "
                    + Arrays.toString(shape) + " needs " + size + ".");
        }
        double[] values = new double[size];
        for (int e = 0; e < size; e++) {
            values[e] = isRaw ? fromRaw.applyAsDouble(e) : fromTyped.applyAsDouble(e);
        }
        return AffineTensor.constant(shape, values);
    }
}
