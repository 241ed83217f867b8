package io.github.reluregions.compile;

/**
 * How one solve of a compiled model ended.
 *
 * @param status what the solver concluded
 * @param binaries when {@code FOUND}: the value of every binary (in {@link CompiledModel#binaries()} order)
 * @param point when {@code FOUND}: the input point the solver gave with it (not certified)
 */
public record PatternSolution(Status status, boolean[] binaries, double[] point) {

    /** What the solver concluded. */
    public enum Status {
        /** A pattern that satisfies the model (and the fixings) was found. */
        FOUND,
        /** The solver proved that no pattern satisfies the model and the fixings. */
        NONE,
        /** The solve was stopped (time limit or interrupt) before it concluded. */
        STOPPED,
        /** The solver ended without a conclusion for another reason (numerical trouble). */
        FAILED
    }

    public PatternSolution {
        binaries = binaries == null ? null : binaries.clone();
        point = point == null ? null : point.clone();
    }

    static PatternSolution of(Status status) {
        return new PatternSolution(status, null, null);
    }

    @Override
    public boolean[] binaries() {
        return binaries == null ? null : binaries.clone();
    }

    @Override
    public double[] point() {
        return point == null ? null : point.clone();
    }
}
