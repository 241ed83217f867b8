package io.github.reluregions.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The network on the region of one activation pattern, where it is affine: for every hidden layer the
 * pre-activations as an affine function of the input (given the pattern of the layers before it), and the
 * output as one. Immutable.
 *
 * @param preActivations one layer per hidden layer: row {@code i} of layer {@code l} gives neuron
 *     {@code i}'s pre-activation {@code w.x + c} in input coordinates on the region
 * @param termScales for every hidden neuron (layer order), the size of the terms that make up its row
 *     (the row's norm in the first layer, {@code sum_k |W_ik| |row_k|} over active {@code k} later): a row
 *     much shorter than this is cancelled, a constant neuron
 * @param output the output as an affine function of the input on the region
 */
public record LinearPiece(List<Layer> preActivations, double[] termScales, Layer output) {

    public LinearPiece {
        preActivations = List.copyOf(preActivations);
        termScales = termScales.clone();
        Objects.requireNonNull(output, "output");
    }

    /**
     * The affine maps of {@code network} on the region of {@code pattern} (one entry per hidden neuron,
     * layer by layer, true for "on"). Costs one product of each layer with the previous map.
     */
    public static LinearPiece of(Network network, boolean[] pattern) {
        if (pattern.length != network.hiddenNeuronCount()) {
            throw new IllegalArgumentException("The pattern has " + pattern.length + " entries but the network has "
                    + network.hiddenNeuronCount() + " hidden neurons.");
        }
        Layer first = network.hiddenLayer(0);
        double[][] map = first.weights();
        double[] bias = first.biases();
        double[] scales = new double[pattern.length];
        for (int i = 0; i < map.length; i++) {
            scales[i] = norm(map[i]);
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(first);
        int offset = 0;
        for (int l = 1; l < network.layers().size(); l++) {
            Layer next = network.layers().get(l);
            int width = map.length;
            double[][] nextMap = new double[next.outputSize()][map[0].length];
            double[] nextBias = new double[next.outputSize()];
            double[] nextScale = new double[next.outputSize()];
            composeNext(map, bias, next, pattern, offset, nextMap, nextBias, nextScale);
            boolean hidden = l < network.hiddenLayerCount();
            if (hidden) {
                System.arraycopy(nextScale, 0, scales, offset + width, nextScale.length);
            }
            offset += width;
            map = nextMap;
            bias = nextBias;
            if (hidden) {
                layers.add(Layer.of(map, bias));
            }
        }
        return new LinearPiece(layers, scales, Layer.of(map, bias));
    }

    /**
     * The layer composition, written once for every search and for {@link #of}: the pre-activations of
     * {@code next} on the region where the neurons of the layer before it, {@code map[k] . x + bias[k]} in
     * input coordinates, are on exactly where {@code pattern[offset + k]} is true. Fills {@code nextMap}
     * (zeroed rows of the input dimension), {@code nextBias} and {@code nextScale}, the size of the terms
     * that make up each row ({@code sum_k |W_ik| |map[k]|} over the active {@code k}). Cost: O(next width x
     * this width x input dimension).
     */
    public static void composeNext(double[][] map, double[] bias, Layer next, boolean[] pattern, int offset,
            double[][] nextMap, double[] nextBias, double[] nextScale) {
        int previous = map.length;
        int dimension = map[0].length;
        double[] previousNorm = new double[previous];
        for (int k = 0; k < previous; k++) {
            previousNorm[k] = norm(map[k]);
        }
        for (int i = 0; i < next.outputSize(); i++) {
            double b = next.bias(i);
            double s = 0;
            double[] row = nextMap[i];
            for (int k = 0; k < previous; k++) {
                if (!pattern[offset + k]) {
                    continue;
                }
                double wik = next.weight(i, k);
                if (wik == 0) {
                    continue;
                }
                double[] source = map[k];
                for (int j = 0; j < dimension; j++) {
                    row[j] += wik * source[j];
                }
                b += wik * bias[k];
                s += Math.abs(wik) * previousNorm[k];
            }
            nextBias[i] = b;
            nextScale[i] = s;
        }
    }

    @Override
    public double[] termScales() {
        return termScales.clone();
    }

    /** The term scale of hidden neuron {@code global} (layer order). */
    public double termScale(int global) {
        return termScales[global];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearPiece that && preActivations.equals(that.preActivations)
                && Arrays.equals(termScales, that.termScales) && output.equals(that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(preActivations, output) * 31 + Arrays.hashCode(termScales);
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
