package io.github.reluregions.count.cell;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.query.Tolerances;

/**
 * Finds the neurons that have one state whatever the input, without an LP, and counts them for the
 * stats: constant on the region (dead, zero row, cancelled: the sign of its bias) or of one sign over the
 * whole domain. Mutable counts: one per search.
 */
public final class FixedNeurons {
    private final InputDomain domain;
    private final Tolerances tol;
    private long constant;
    private long stableByDomain;

    public FixedNeurons(InputDomain domain, Tolerances tolerances) {
        this.domain = domain;
        this.tol = tolerances;
    }

    /** Neuron {@code neuron}'s one state (true: on), or null when the input decides it; counted for the stats. */
    public Boolean state(LocalLayer local, int neuron) {
        return state(local, neuron, true);
    }

    /** The same, not counted: for a prefix replayed, whose neurons were counted where they were decided. */
    public Boolean replayedState(LocalLayer local, int neuron) {
        return state(local, neuron, false);
    }

    private Boolean state(LocalLayer local, int neuron, boolean count) {
        if (local.isConstant(neuron, tol)) {
            constant += count ? 1 : 0;
            return local.bias[neuron] > 0;
        }
        Interval range = domain.range(local.map[neuron], local.bias[neuron]);
        if (range.lo() > 0 || range.hi() < 0) {
            stableByDomain += count ? 1 : 0;
            return range.lo() > 0;
        }
        return null;
    }

    public long constant() {
        return constant;
    }

    public long stableByDomain() {
        return stableByDomain;
    }
}
