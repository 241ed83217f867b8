package io.github.reluregions.probabilistic;

import io.github.reluregions.count.Outcome;
import io.github.reluregions.count.StopReason;

/**
 * What a probabilistic count gave.
 *
 * @param lowerBound the lower bound, when asked for
 * @param estimate the estimate, when asked for
 * @param engine the engine that searched the cells: {@code lp}, {@code milp} or {@code cpsat}
 * @param seed the seed of every random choice: the same seed gives the same answer
 * @param stopReason {@code FINISHED}, or {@code TIME_LIMIT} / {@code INTERRUPTED} when the run was cut
 *     short (the numbers then are what was reached: a lower bound from fewer levels, no estimate)
 * @param lps LPs solved (cell searches, certification, profile probes)
 * @param modelSolves solver-model solves ({@code milp}, {@code cpsat}); 0 for {@code lp}
 * @param cellSearches searches of one cell (trials and measurements' steps)
 */
public record ProbabilisticResult(LowerBound lowerBound, Estimate estimate, String engine, long seed,
        StopReason stopReason, long lps, long modelSolves, long cellSearches) {

    /**
     * How the run ended: cut short by a limit or an interrupt, uncertified when the estimate's count of
     * some cell could not be certified, else exact (every number as stated, at its confidence).
     */
    public Outcome outcome() {
        return Outcome.of(stopReason, estimate != null && !estimate.certified() ? 1 : 0);
    }

    /** Solver calls of every kind. */
    public long solverCalls() {
        return lps + modelSolves;
    }
}
