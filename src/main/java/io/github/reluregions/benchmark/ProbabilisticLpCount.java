package io.github.reluregions.benchmark;

import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.probabilistic.CellCounter;
import io.github.reluregions.probabilistic.Estimate;
import io.github.reluregions.probabilistic.HashChoice;
import io.github.reluregions.probabilistic.LowerBound;
import io.github.reluregions.probabilistic.ProbabilisticCounter;
import io.github.reluregions.probabilistic.ProbabilisticResult;
import io.github.reluregions.probabilistic.RunStatus;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

/**
 * {@code count probabilistic --method=both --engine=lp --seed=1 --confidence=0.95}, for networks whose exact
 * count did not finish: the outcome's {@code regions} is the lower bound (certain when it comes from
 * enumeration, else holding with {@code confidence}), {@code estimate} the ApproxMC estimate when it finished
 * in time. The lower bound runs first and the estimate gets what is left of the time limit.
 */
public final class ProbabilisticLpCount implements RegionCount {
    static final double CONFIDENCE = 0.95;
    static final double EPSILON = 0.8;
    static final long SEED = 1;

    @Override
    public String name() {
        return "probabilistic-lp";
    }

    @Override
    public Outcome count(Network network, InputDomain domain, double seconds) {
        long start = System.nanoTime();
        ProbabilisticResult result = ProbabilisticCounter.count(CellCounter.lp(new Query(network, domain, Tolerances.defaults())),
                new ProbabilisticCounter.Options(ProbabilisticCounter.Method.BOTH, CONFIDENCE, EPSILON,
                        HashChoice.staircase(), SEED, 1),
                SearchMonitor.withTimeLimit(seconds), new RunStatus());
        LowerBound bound = result.lowerBound();
        Estimate estimate = result.estimate();
        Long estimated = estimate == null || estimate.value() == null ? null : longOrMax(estimate.value());
        return new Outcome(name(), longOrMax(bound.value()), bound.exact(), result.stopReason().label(),
                (System.nanoTime() - start) / 1e9, estimated, bound.confidence() < 1 ? bound.confidence() : null);
    }

    private static long longOrMax(java.math.BigInteger value) {
        return value.bitLength() < 64 ? value.longValueExact() : Long.MAX_VALUE;
    }
}
