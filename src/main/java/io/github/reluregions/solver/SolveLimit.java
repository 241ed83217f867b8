package io.github.reluregions.solver;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * When a solve must give up: once {@code stop} says true (a count's deadline or interrupt), or, for a solver
 * that cannot be asked mid-solve, after {@code secondsLeft} seconds.
 */
public record SolveLimit(BooleanSupplier stop, DoubleSupplier secondsLeft) {
    /** No limit. */
    public static final SolveLimit NONE = new SolveLimit(() -> false, () -> Double.POSITIVE_INFINITY);

    public boolean reached() {
        return stop.getAsBoolean();
    }
}
