package io.github.reluregions.count.cell;

import io.github.reluregions.Vectors;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.LinearPiece;
import io.github.reluregions.query.Tolerances;

/**
 * The pre-activations of one hidden layer on one region, as affine functions of the input:
 * {@code map[i] . x + bias[i]}, with {@code scale[i]} the size of the terms that make up row {@code i}
 * (the yardstick of the constant-neuron test). The region fixes the activation pattern of every earlier
 * layer, which makes the composition affine. Arrays are shared, not copied: internal to the engines.
 */
public final class LocalLayer {
    public final double[][] map;
    public final double[] bias;
    public final double[] scale;

    private LocalLayer(double[][] map, double[] bias, double[] scale) {
        this.map = map;
        this.bias = bias;
        this.scale = scale;
    }

    /** The first hidden layer: its own weights; each row's scale is its norm. */
    public static LocalLayer first(Layer layer) {
        double[][] map = layer.weights();
        double[] scale = new double[map.length];
        for (int i = 0; i < map.length; i++) {
            scale[i] = Vectors.norm(map[i]);
        }
        return new LocalLayer(map, layer.biases(), scale);
    }

    public int size() {
        return map.length;
    }

    /**
     * True when neuron {@code i} is constant on the region (dead, zero row or cancelled): its gradient is
     * below {@code zeroGradient} times the size of its terms. Such a neuron has one state, {@code bias > 0}.
     */
    public boolean isConstant(int i, Tolerances tol) {
        return Vectors.norm(map[i]) <= tol.zeroGradient() * scale[i];
    }

    /**
     * The next hidden layer on the region where this layer's neurons are on exactly where
     * {@code pattern[offset + k]} is true ({@link LinearPiece#composeNext}). Cost: O(next width x this width x
     * input dimension).
     */
    public LocalLayer next(Layer next, boolean[] pattern, int offset) {
        int n = next.outputSize();
        double[][] nextMap = new double[n][map[0].length];
        double[] nextBias = new double[n];
        double[] nextScale = new double[n];
        LinearPiece.composeNext(map, bias, next, pattern, offset, nextMap, nextBias, nextScale);
        return new LocalLayer(nextMap, nextBias, nextScale);
    }
}
