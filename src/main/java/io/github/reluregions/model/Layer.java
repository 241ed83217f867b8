package io.github.reluregions.model;

import io.github.reluregions.InvalidInputException;

import java.util.Arrays;

/**
 * One affine layer {@code z = W x + b}: {@code weights} has one row per output neuron. Immutable; arrays
 * are copied on the way in and out.
 */
public record Layer(double[][] weights, double[] biases) {

    public Layer {
        if (weights == null || biases == null) {
            throw new InvalidInputException("A layer needs both weights and biases.");
        }
        if (weights.length == 0) {
            throw new InvalidInputException("A layer has no neurons (empty weights).");
        }
        if (weights.length != biases.length) {
            throw new InvalidInputException("A layer has " + weights.length + " weight rows but "
                    + biases.length + " biases.");
        }
        int columns = weights[0] == null ? 0 : weights[0].length;
        if (columns == 0) {
            throw new InvalidInputException("A layer's weight rows are empty.");
        }
        double[][] copy = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null || weights[i].length != columns) {
                throw new InvalidInputException("Weight row " + i + " has "
                        + (weights[i] == null ? 0 : weights[i].length) + " entries but row 0 has " + columns + ".");
            }
            copy[i] = weights[i].clone();
        }
        weights = copy;
        biases = biases.clone();
    }

    public static Layer of(double[][] weights, double[] biases) {
        return new Layer(weights, biases);
    }

    public int inputSize() {
        return weights[0].length;
    }

    public int outputSize() {
        return weights.length;
    }

    /** Row {@code i} of the weights, without copying: callers must not modify it. */
    double[] rowView(int i) {
        return weights[i];
    }

    double biasView(int i) {
        return biases[i];
    }

    @Override
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            copy[i] = weights[i].clone();
        }
        return copy;
    }

    @Override
    public double[] biases() {
        return biases.clone();
    }

    public double weight(int neuron, int input) {
        return weights[neuron][input];
    }

    public double bias(int neuron) {
        return biases[neuron];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Layer that && Arrays.deepEquals(weights, that.weights)
                && Arrays.equals(biases, that.biases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(weights) + Arrays.hashCode(biases);
    }

    @Override
    public String toString() {
        return "Layer[" + inputSize() + " -> " + outputSize() + "]";
    }
}
