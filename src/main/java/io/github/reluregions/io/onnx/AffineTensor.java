package io.github.reluregions.io.onnx;

import io.github.reluregions.InvalidInputException;

import java.util.Arrays;

/**
 * A tensor of an ONNX graph whose every entry is an affine function of the current variables: the
 * network's input before the first Relu, the outputs of the latest Relu after it. A constant (an
 * initializer, or anything computed from initializers only) depends on no variables.
 *
 * <p>{@code stage} counts the Relus before the variables the tensor depends on ({@link #CONSTANT} for a
 * constant). Coefficient rows are sparse (the variables an entry depends on, ascending), so that the
 * input's identity map costs one entry per element. Immutable.
 */
final class AffineTensor {
    /** The stage of a constant. */
    static final int CONSTANT = -1;

    private final int[] shape;
    private final int stage;
    private final int variables;
    /** Per entry: the variables it depends on, ascending; null for a constant. */
    private final int[][] indices;
    /** Per entry: the coefficients of those variables; null for a constant. */
    private final double[][] coefficients;
    private final double[] offsets;

    private AffineTensor(int[] shape, int stage, int variables, int[][] indices, double[][] coefficients,
            double[] offsets) {
        this.shape = shape;
        this.stage = stage;
        this.variables = variables;
        this.indices = indices;
        this.coefficients = coefficients;
        this.offsets = offsets;
    }

    /** A constant tensor; {@code values} in row-major order. */
    static AffineTensor constant(int[] shape, double[] values) {
        if (values.length != sizeOf(shape)) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        return new AffineTensor(shape.clone(), CONSTANT, 0, null, null, values.clone());
    }

    /** The tensor whose entries are the variables of {@code stage} themselves, in row-major order. */
    static AffineTensor variables(int[] shape, int stage) {
        int size = sizeOf(shape);
        int[][] indices = new int[size][];
        double[][] coefficients = new double[size][];
        for (int e = 0; e < size; e++) {
            indices[e] = new int[] {e};
            coefficients[e] = new double[] {1.0};
        }
        return new AffineTensor(shape.clone(), stage, size, indices, coefficients, new double[size]);
    }

    /** The number of entries of a tensor of this shape. */
    static int sizeOf(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            try {
                size = Math.multiplyExact(size, dim);
            } catch (ArithmeticException e) {
                throw new InvalidInputException("A tensor of shape " + Arrays.toString(shape) + " is too large.");
            }
        }
        return size;
    }

    boolean isConstant() {
        return stage == CONSTANT;
    }

    int stage() {
        return stage;
    }

    int[] shape() {
        return shape.clone();
    }

    int rank() {
        return shape.length;
    }

    int size() {
        return offsets.length;
    }

    /** The values of a constant, in row-major order. */
    double[] values() {
        requireConstant();
        return offsets.clone();
    }

    /** Row {@code e} of the dense coefficient matrix (one column per variable). */
    double[] denseRow(int e) {
        double[] row = new double[variables];
        for (int k = 0; k < indices[e].length; k++) {
            row[indices[e][k]] = coefficients[e][k];
        }
        return row;
    }

    double offset(int e) {
        return offsets[e];
    }

    /** The same entries under another shape with as many entries. */
    AffineTensor reshape(int[] newShape) {
        if (sizeOf(newShape) != size()) {
            throw new InvalidInputException("Cannot reshape a tensor of shape " + Arrays.toString(shape) + " ("
                    + size() + " entries) to " + Arrays.toString(newShape) + ".");
        }
        return new AffineTensor(newShape.clone(), stage, variables, indices, coefficients, offsets);
    }

    /** The transpose of a 2-D tensor. */
    AffineTensor transpose() {
        if (rank() != 2) {
            throw new InvalidInputException("Only 2-D tensors can be transposed here, not shape " + Arrays.toString(shape) + ".");
        }
        int rows = shape[0];
        int cols = shape[1];
        int[] order = new int[size()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                order[j * rows + i] = i * cols + j;
            }
        }
        return select(new int[] {cols, rows}, order);
    }

    /** {@code max(0, x)} of a constant. */
    AffineTensor reluOfConstant() {
        requireConstant();
        double[] values = offsets.clone();
        for (int e = 0; e < values.length; e++) {
            values[e] = Math.max(0.0, values[e]);
        }
        return constant(shape, values);
    }

    /** This tensor times a scalar. */
    AffineTensor scale(double factor) {
        double[] newOffsets = new double[size()];
        double[][] newCoefficients = isConstant() ? null : new double[size()][];
        for (int e = 0; e < size(); e++) {
            newOffsets[e] = factor * offsets[e];
            if (!isConstant()) {
                newCoefficients[e] = coefficients[e].clone();
                for (int k = 0; k < newCoefficients[e].length; k++) {
                    newCoefficients[e][k] *= factor;
                }
            }
        }
        return new AffineTensor(shape, stage, variables, indices, newCoefficients, newOffsets);
    }

    /** The element-wise operations with numpy-style broadcasting. */
    enum Elementwise { ADD, SUB, MUL, DIV }

    /**
     * {@code a op b} entry by entry, broadcasting as numpy does. Multiplying two tensors that both depend
     * on the input, or dividing by one, is not affine and is refused.
     */
    static AffineTensor elementwise(AffineTensor a, AffineTensor b, Elementwise op) {
        int stage = commonStage(a, b);
        int[] outShape = broadcastShape(a.shape, b.shape);
        int[] fromA = broadcastIndex(a.shape, outShape);
        int[] fromB = broadcastIndex(b.shape, outShape);
        if (op == Elementwise.MUL && !a.isConstant() && !b.isConstant()) {
            throw new InvalidInputException("It multiplies two tensors that both depend on the input: the result is "
                    + "not piecewise linear.");
        }
        if (op == Elementwise.DIV && !b.isConstant()) {
            throw new InvalidInputException("It divides by a tensor that depends on the input: the result is not "
                    + "piecewise linear.");
        }
        int variables = Math.max(a.variables, b.variables);
        int size = fromA.length;
        double[] offsets = new double[size];
        int[][] indices = stage == CONSTANT ? null : new int[size][];
        double[][] coefficients = stage == CONSTANT ? null : new double[size][];
        RowBuilder row = stage == CONSTANT ? null : new RowBuilder(variables);
        for (int e = 0; e < size; e++) {
            int ia = fromA[e];
            int ib = fromB[e];
            switch (op) {
                case ADD, SUB -> {
                    double sign = op == Elementwise.ADD ? 1.0 : -1.0;
                    offsets[e] = a.offsets[ia] + sign * b.offsets[ib];
                    if (row != null) {
                        a.addRowTo(row, ia, 1.0);
                        b.addRowTo(row, ib, sign);
                    }
                }
                case MUL -> {
                    offsets[e] = a.offsets[ia] * b.offsets[ib];
                    if (row != null) {
                        // one side is constant: its value scales the other side's row
                        a.addRowTo(row, ia, b.offsets[ib]);
                        b.addRowTo(row, ib, a.offsets[ia]);
                    }
                }
                case DIV -> {
                    double divisor = b.offsets[ib];
                    if (divisor == 0.0) {
                        throw new InvalidInputException("It divides by zero (entry " + ib + " of the divisor).");
                    }
                    offsets[e] = a.offsets[ia] / divisor;
                    if (row != null) {
                        a.addRowTo(row, ia, 1.0 / divisor);
                    }
                }
                default -> throw new IllegalStateException(op.toString());
            }
            if (row != null) {
                indices[e] = row.indices();
                coefficients[e] = row.takeCoefficients();
            }
        }
        return new AffineTensor(outShape, stage, variables, indices, coefficients, offsets);
    }

    /**
     * The matrix product as numpy's {@code matmul} defines it (1-D operands promoted, leading batch
     * dimensions broadcast). At most one operand may depend on the input.
     */
    static AffineTensor matmul(AffineTensor a, AffineTensor b) {
        int stage = commonStage(a, b);
        if (!a.isConstant() && !b.isConstant()) {
            throw new InvalidInputException("It multiplies two tensors that both depend on the input: the result is "
                    + "not piecewise linear.");
        }
        if (a.rank() == 0 || b.rank() == 0) {
            throw new InvalidInputException("MatMul needs tensors of rank 1 or more, got shapes "
                    + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape) + ".");
        }
        int[] aShape = a.rank() == 1 ? new int[] {1, a.shape[0]} : a.shape;
        int[] bShape = b.rank() == 1 ? new int[] {b.shape[0], 1} : b.shape;
        int n = aShape[aShape.length - 2];
        int k = aShape[aShape.length - 1];
        int m = bShape[bShape.length - 1];
        if (bShape[bShape.length - 2] != k) {
            throw new InvalidInputException("The shapes " + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape)
                    + " cannot be multiplied: " + k + " columns against " + bShape[bShape.length - 2] + " rows.");
        }
        int[] aBatch = Arrays.copyOf(aShape, aShape.length - 2);
        int[] bBatch = Arrays.copyOf(bShape, bShape.length - 2);
        int[] batchShape = broadcastShape(aBatch, bBatch);
        int[] batchA = broadcastIndex(aBatch, batchShape);
        int[] batchB = broadcastIndex(bBatch, batchShape);

        int[] outShape = Arrays.copyOf(batchShape, batchShape.length + 2);
        outShape[batchShape.length] = n;
        outShape[batchShape.length + 1] = m;
        if (a.rank() == 1 || b.rank() == 1) {
            // numpy drops the promoted dimensions again
            int[] dropped = new int[outShape.length - (a.rank() == 1 ? 1 : 0) - (b.rank() == 1 ? 1 : 0)];
            int d = 0;
            for (int i = 0; i < outShape.length; i++) {
                boolean promotedRow = a.rank() == 1 && i == batchShape.length;
                boolean promotedColumn = b.rank() == 1 && i == batchShape.length + 1;
                if (!promotedRow && !promotedColumn) {
                    dropped[d++] = outShape[i];
                }
            }
            outShape = dropped;
        }

        int variables = Math.max(a.variables, b.variables);
        int size = batchA.length * n * m;
        double[] offsets = new double[size];
        int[][] indices = stage == CONSTANT ? null : new int[size][];
        double[][] coefficients = stage == CONSTANT ? null : new double[size][];
        RowBuilder row = stage == CONSTANT ? null : new RowBuilder(variables);
        int batches = batchA.length;
        int e = 0;
        for (int t = 0; t < batches; t++) {
            int baseA = batchA[t] * n * k;
            int baseB = batchB[t] * k * m;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double offset = 0;
                    for (int p = 0; p < k; p++) {
                        int ea = baseA + i * k + p;
                        int eb = baseB + p * m + j;
                        offset += a.offsets[ea] * b.offsets[eb];
                        if (row != null) {
                            if (a.isConstant()) {
                                b.addRowTo(row, eb, a.offsets[ea]);
                            } else {
                                a.addRowTo(row, ea, b.offsets[eb]);
                            }
                        }
                    }
                    offsets[e] = offset;
                    if (row != null) {
                        indices[e] = row.indices();
                        coefficients[e] = row.takeCoefficients();
                    }
                    e++;
                }
            }
        }
        return new AffineTensor(outShape, stage, variables, indices, coefficients, offsets);
    }

    /** The entries {@code order[0], order[1], ...} of this tensor, as a tensor of {@code newShape}. */
    private AffineTensor select(int[] newShape, int[] order) {
        double[] newOffsets = new double[order.length];
        int[][] newIndices = isConstant() ? null : new int[order.length][];
        double[][] newCoefficients = isConstant() ? null : new double[order.length][];
        for (int e = 0; e < order.length; e++) {
            newOffsets[e] = offsets[order[e]];
            if (!isConstant()) {
                newIndices[e] = indices[order[e]];
                newCoefficients[e] = coefficients[order[e]];
            }
        }
        return new AffineTensor(newShape, stage, variables, newIndices, newCoefficients, newOffsets);
    }

    private void addRowTo(RowBuilder row, int e, double factor) {
        if (isConstant() || factor == 0.0) {
            return;
        }
        row.add(indices[e], coefficients[e], factor);
    }

    private void requireConstant() {
        if (!isConstant()) {
            throw new IllegalStateException("not a constant");
        }
    }

    /** The stage of a result computed from both: mixing different Relu stages is not a feed-forward chain. */
    private static int commonStage(AffineTensor a, AffineTensor b) {
        if (a.isConstant()) {
            return b.stage;
        }
        if (b.isConstant() || a.stage == b.stage) {
            return a.stage;
        }
        throw new InvalidInputException("It combines tensors computed after " + Math.min(a.stage, b.stage) + " and after "
                + Math.max(a.stage, b.stage) + " Relu layers (a skip connection); only feed-forward chains "
                + "(each layer reads only the previous one) are supported.");
    }

    /** The shape numpy broadcasting gives {@code a} and {@code b}. */
    static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new InvalidInputException("The shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast together.");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For every entry of a tensor of shape {@code to}, the entry of a tensor of shape {@code from} broadcast to it. */
    static int[] broadcastIndex(int[] from, int[] to) {
        int rank = to.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int fi = i - (rank - from.length);
            int dim = fi < 0 ? 1 : from[fi];
            strides[i] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        int size = sizeOf(to);
        int[] result = new int[size];
        int[] counter = new int[rank];
        for (int e = 0; e < size; e++) {
            int index = 0;
            for (int i = 0; i < rank; i++) {
                index += counter[i] * strides[i];
            }
            result[e] = index;
            for (int i = rank - 1; i >= 0; i--) {
                if (++counter[i] < to[i]) {
                    break;
                }
                counter[i] = 0;
            }
        }
        return result;
    }

    /** Sums sparse rows into one, then hands it out sparse again and starts over. */
    private static final class RowBuilder {
        private final double[] dense;
        private final boolean[] touched;
        private int[] list = new int[16];
        private int count;

        RowBuilder(int variables) {
            dense = new double[variables];
            touched = new boolean[variables];
        }

        void add(int[] index, double[] coefficient, double factor) {
            for (int q = 0; q < index.length; q++) {
                int v = index[q];
                if (!touched[v]) {
                    touched[v] = true;
                    if (count == list.length) {
                        list = Arrays.copyOf(list, 2 * count);
                    }
                    list[count++] = v;
                }
                dense[v] += factor * coefficient[q];
            }
        }

        /** The variables of the row built so far, ascending. Call before {@link #takeCoefficients()}. */
        int[] indices() {
            int[] result = Arrays.copyOf(list, count);
            Arrays.sort(result);
            System.arraycopy(result, 0, list, 0, count);
            return result;
        }

        /** The coefficients, in the order of {@link #indices()}; resets the builder. */
        double[] takeCoefficients() {
            double[] result = new double[count];
            for (int q = 0; q < count; q++) {
                int v = list[q];
                result[q] = dense[v];
                dense[v] = 0.0;
                touched[v] = false;
            }
            count = 0;
            return result;
        }
    }
}
