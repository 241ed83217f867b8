package io.github.reluregions.compile;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What both models share: the network and domain, and which hidden neuron has a binary or a fixed state. */
abstract class PatternModel implements CompiledModel {
    private final Network network;
    private final InputDomain domain;
    private final List<NeuronRef> binaries = new ArrayList<>();
    private final boolean[] stableState;
    private final int[] binaryOf;

    PatternModel(Network network, InputDomain domain) {
        this.network = network;
        this.domain = domain;
        this.stableState = new boolean[network.hiddenNeuronCount()];
        this.binaryOf = new int[stableState.length];
    }

    /** Records that hidden neuron {@code global} has no binary: its state is fixed to {@code on}. */
    final void fixState(int global, boolean on) {
        binaryOf[global] = -1;
        stableState[global] = on;
    }

    /** Records that neuron {@code ref} gets the next binary. */
    final void addBinary(NeuronRef ref) {
        binaryOf[ref.global()] = binaries.size();
        binaries.add(ref);
    }

    @Override
    public final Network network() {
        return network;
    }

    @Override
    public final InputDomain domain() {
        return domain;
    }

    @Override
    public final List<NeuronRef> binaries() {
        return List.copyOf(binaries);
    }

    @Override
    public final int stableNeurons() {
        return stableState.length - binaries.size();
    }

    @Override
    public final boolean[] fullPattern(boolean[] values) {
        boolean[] pattern = new boolean[stableState.length];
        for (int g = 0; g < pattern.length; g++) {
            pattern[g] = binaryOf[g] < 0 ? stableState[g] : values[binaryOf[g]];
        }
        return pattern;
    }

    static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the model file " + file + ": " + e.getMessage(),
                    "Maybe the folder does not exist or is not writable.");
        }
    }
}
