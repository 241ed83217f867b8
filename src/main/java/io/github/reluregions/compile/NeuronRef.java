package io.github.reluregions.compile;

/**
 * One hidden neuron: {@code index} in hidden layer {@code layer} (both 0-based); {@code global} is its
 * position in an activation pattern (all hidden neurons, layer by layer).
 */
public record NeuronRef(int layer, int index, int global) {

    /** The variable-name suffix used in exported models, e.g. {@code 1_4} for layer 1, neuron 4. */
    public String label() {
        return layer + "_" + index;
    }
}
