package io.github.reluregions.report;

import io.github.reluregions.model.Network;

import java.util.List;

/** The shape of the network a report is about. */
public record NetworkSummary(String file, int inputDimension, List<Integer> hiddenWidths, int hiddenNeurons,
        int outputDimension) {

    public static NetworkSummary of(String file, Network network) {
        return new NetworkSummary(file, network.inputDimension(), network.hiddenWidths(),
                network.hiddenNeuronCount(), network.outputDimension());
    }
}
