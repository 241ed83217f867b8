package io.github.reluregions.model;

import io.github.reluregions.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward ReLU network: ReLU after every layer but the last, the last layer linear. The hidden
 * layers are all layers but the last; only their neurons make regions. Immutable.
 */
public record Network(List<Layer> layers) {

    public Network {
        if (layers == null || layers.size() < 2) {
            throw new InvalidInputException("The network has " + (layers == null ? 0 : layers.size())
                    + " layer(s) but needs at least one hidden layer and an output layer.",
                    "Maybe the file holds a purely linear model: it has a single region.");
        }
        layers = List.copyOf(layers);
        for (int l = 1; l < layers.size(); l++) {
            int expected = layers.get(l - 1).outputSize();
            int got = layers.get(l).inputSize();
            if (expected != got) {
                throw new InvalidInputException("Layer " + l + " has " + got + " weight columns but layer "
                        + (l - 1) + " has " + expected + " neurons.");
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            for (int i = 0; i < layer.outputSize(); i++) {
                for (int j = 0; j < layer.inputSize(); j++) {
                    if (!Double.isFinite(layer.weight(i, j))) { // the message only when needed: big layers
                        requireFinite(layer.weight(i, j), "weight [" + i + "][" + j + "] of layer " + l);
                    }
                }
                if (!Double.isFinite(layer.bias(i))) {
                    requireFinite(layer.bias(i), "bias [" + i + "] of layer " + l);
                }
            }
        }
    }

    private static void requireFinite(double value, String where) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("The " + where + " is " + value + "; every weight and bias must be finite.");
        }
    }

    public static Network of(List<Layer> layers) {
        return new Network(layers);
    }

    public int inputDimension() {
        return layers.get(0).inputSize();
    }

    public int outputDimension() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Number of hidden (ReLU) layers. */
    public int hiddenLayerCount() {
        return layers.size() - 1;
    }

    public Layer hiddenLayer(int index) {
        return layers.get(index);
    }

    public Layer outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Widths of the hidden layers. */
    public List<Integer> hiddenWidths() {
        List<Integer> widths = new ArrayList<>();
        for (int l = 0; l < hiddenLayerCount(); l++) {
            widths.add(layers.get(l).outputSize());
        }
        return widths;
    }

    /** Total number of hidden (ReLU) neurons. */
    public int hiddenNeuronCount() {
        int total = 0;
        for (int l = 0; l < hiddenLayerCount(); l++) {
            total += layers.get(l).outputSize();
        }
        return total;
    }

    /**
     * Where each hidden layer's neurons start in an activation pattern (neurons layer by layer): element
     * {@code l} is the number of neurons in hidden layers {@code 0..l-1}.
     */
    public int[] hiddenLayerOffsets() {
        int[] offsets = new int[hiddenLayerCount()];
        for (int l = 1; l < offsets.length; l++) {
            offsets[l] = offsets[l - 1] + layers.get(l - 1).outputSize();
        }
        return offsets;
    }

    /** The output of the network at {@code x}. */
    public double[] evaluate(double[] x) {
        double[] activation = x;
        for (int l = 0; l < layers.size(); l++) {
            double[] z = affine(layers.get(l), activation);
            if (l < layers.size() - 1) {
                for (int i = 0; i < z.length; i++) {
                    z[i] = Math.max(0.0, z[i]);
                }
            }
            activation = z;
        }
        return activation;
    }

    /** The pre-activations of every hidden layer at {@code x}, layer by layer. */
    public double[][] hiddenPreActivations(double[] x) {
        double[][] result = new double[hiddenLayerCount()][];
        double[] activation = x;
        for (int l = 0; l < hiddenLayerCount(); l++) {
            double[] z = affine(layers.get(l), activation);
            result[l] = z.clone();
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.max(0.0, z[i]);
            }
            activation = z;
        }
        return result;
    }

    private static double[] affine(Layer layer, double[] x) {
        if (x.length != layer.inputSize()) {
            throw new IllegalArgumentException("Input has " + x.length + " entries, layer expects " + layer.inputSize());
        }
        double[] z = new double[layer.outputSize()];
        for (int i = 0; i < z.length; i++) {
            double[] row = layer.rowView(i);
            double sum = layer.biasView(i);
            for (int j = 0; j < row.length; j++) {
                sum += row[j] * x[j];
            }
            z[i] = sum;
        }
        return z;
    }
}
