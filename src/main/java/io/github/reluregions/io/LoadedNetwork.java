package io.github.reluregions.io;

import io.github.reluregions.domain.Box;
import io.github.reluregions.model.Network;

import java.util.Objects;

/**
 * A network as read from a file, with the input range the file clips its inputs to, if it says one (the
 * NNet format does: inputs outside {@code [min, max]} are moved to the range's boundary before the network
 * sees them). Clipping creates no activation regions of its own, so counting in a domain means counting
 * in the domain's part inside this range.
 *
 * @param network the network, on raw (unclipped, unnormalised) inputs
 * @param inputRange the box inputs are clipped to, or null when the file clips nothing
 */
public record LoadedNetwork(Network network, Box inputRange) {

    public LoadedNetwork {
        Objects.requireNonNull(network, "network");
        if (inputRange != null && inputRange.dimension() != network.inputDimension()) {
            throw new IllegalArgumentException("input range of dimension " + inputRange.dimension() + " for a network of "
                    + network.inputDimension() + " inputs");
        }
    }

    /** A network whose file clips nothing. */
    public static LoadedNetwork of(Network network) {
        return new LoadedNetwork(network, null);
    }
}
