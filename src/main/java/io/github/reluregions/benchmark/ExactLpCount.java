package io.github.reluregions.benchmark;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

/** The exact count of {@code count exact --engine=lp}, with default tolerances and a time limit. */
public final class ExactLpCount implements RegionCount {
    private final int threads;

    /** @param threads worker threads of the LP engine, at least 1 */
    public ExactLpCount(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "exact-lp";
    }

    @Override
    public Outcome count(Network network, InputDomain domain, double seconds) {
        long start = System.nanoTime();
        CountResult result = new LpEngine(LpEngine.Options.defaults().withThreads(threads)).count(new Query(network, domain, Tolerances.defaults()), SearchMonitor.withTimeLimit(seconds), RegionListener.NONE);
        return new Outcome(name(), result.regions(), result.complete(),
                result.stopReason().label(),
                (System.nanoTime() - start) / 1e9);
    }
}
