package io.github.reluregions.benchmark;

import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.bounds.RegionBound;
import java.util.List;
import java.util.Objects;

/**
 * The tightness benchmark: for every network of a suite, every analytical bound and the region count.
 *
 * <p>The count comes from the first of {@code methods} that finishes within {@code secondsPerNetwork};
 * when none does, the last one's lower bound is kept (marked incomplete). {@code benchmark tightness} uses
 * the exact LP count and then {@link ProbabilisticLpCount}, so that networks too large to count exactly get
 * a probabilistic lower bound and an estimate (marked as such).
 */
public final class TightnessBenchmark {
    private final List<RegionCount> methods;
    private final double secondsPerNetwork;

    /**
     * @param methods ways to count, tried in order until one finishes; at least one
     * @param secondsPerNetwork time limit of each count
     */
    public TightnessBenchmark(List<RegionCount> methods, double secondsPerNetwork) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one way to count is needed");
        }
        if (!(secondsPerNetwork > 0)) {
            throw new IllegalArgumentException("the time limit must be positive, was " + secondsPerNetwork);
        }
        this.methods = List.copyOf(methods);
        this.secondsPerNetwork = secondsPerNetwork;
    }

    /** Bounds and counts {@code benchmarkCase}. */
    public TightnessResult run(BenchmarkCase benchmarkCase) {
        Objects.requireNonNull(benchmarkCase, "benchmarkCase");
        List<RegionBound> bounds = AnalyticalBounds.of(benchmarkCase.network(), benchmarkCase.domain());
        RegionCount.Outcome outcome = null;
        for (RegionCount method : methods) {
            outcome = method.count(benchmarkCase.network(), benchmarkCase.domain(), secondsPerNetwork);
            if (outcome.complete()) {
                break;
            }
        }
        return TightnessResult.of(benchmarkCase, outcome, bounds);
    }

    public double secondsPerNetwork() {
        return secondsPerNetwork;
    }
}
