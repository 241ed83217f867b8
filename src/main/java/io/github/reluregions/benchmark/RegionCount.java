package io.github.reluregions.benchmark;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.network.Network;

/**
 * A way to count a network's regions for the benchmark. Today there is one, {@link ExactLpCount}; the
 * probabilistic counter of issue #8 will be a second, tried on the networks whose exact count did not
 * finish (see {@link TightnessBenchmark}).
 */
public interface RegionCount {
    /** The method's name in the results, e.g. {@code exact-lp}. */
    String name();

    /** Counts the regions of {@code network} in {@code domain}, giving up after {@code seconds}. */
    Outcome count(Network network, InputDomain domain, double seconds);

    /**
     * What a count gave.
     *
     * @param method the method's name
     * @param regions the count: exact when {@code complete}, else a lower bound
     * @param complete true when {@code regions} is the exact count
     * @param stopReason why it ended ({@code finished}, {@code time-limit}, ...)
     * @param seconds wall-clock time
     */
    record Outcome(String method, long regions, boolean complete, String stopReason, double seconds) {
    }
}
