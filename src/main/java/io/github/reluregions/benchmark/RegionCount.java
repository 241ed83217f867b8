package io.github.reluregions.benchmark;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

/**
 * A way to count a network's regions for the benchmark: {@link ExactLpCount}, and
 * {@link ProbabilisticLpCount}, tried on the networks whose exact count did not finish (see
 * {@link TightnessBenchmark}).
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
     * @param estimate a probabilistic estimate of the count (within a factor 1 + epsilon with probability
     *     {@code confidence}), or null
     * @param confidence null when {@code regions} is certain (an exact count or regions enumerated); else
     *     the probability with which the lower bound {@code regions} holds (a probabilistic lower bound)
     */
    record Outcome(String method, long regions, boolean complete, String stopReason, double seconds, Long estimate,
            Double confidence) {

        /** A count that is certain: exact when {@code complete}, else the certified regions found. */
        public Outcome(String method, long regions, boolean complete, String stopReason, double seconds) {
            this(method, regions, complete, stopReason, seconds, null, null);
        }
    }
}
