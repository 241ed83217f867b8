package io.github.reluregions.count;

import io.github.reluregions.ExitCode;

/**
 * How a count ended and what that proves: the one place that maps an ending to the report's
 * {@code complete} and {@code stopReason} and to the process's exit code. Declared from the strongest
 * claim to the weakest, so that several counts taken together end as the weakest of them ({@link #and}).
 */
public enum Outcome {
    /** The search finished and every region has a certified interior witness: the count is exact. */
    EXACT(StopReason.FINISHED, ExitCode.OK),
    /** The search finished but some cell could not be certified: the count is a lower bound. */
    UNCERTIFIED(StopReason.FINISHED, ExitCode.UNCERTIFIED),
    /** A caller's limit on regions cut the search short: the count is a lower bound. */
    REGION_LIMIT(StopReason.REGION_LIMIT, ExitCode.LIMIT_REACHED),
    /** The time limit cut the search short: the count is a lower bound. */
    TIME_LIMIT(StopReason.TIME_LIMIT, ExitCode.LIMIT_REACHED),
    /** Ctrl-C, SIGINT or SIGTERM cut the search short: the count is a lower bound. */
    INTERRUPTED(StopReason.INTERRUPTED, ExitCode.INTERRUPTED);

    private final StopReason stopReason;
    private final ExitCode exitCode;

    Outcome(StopReason stopReason, ExitCode exitCode) {
        this.stopReason = stopReason;
        this.exitCode = exitCode;
    }

    /** The outcome of a search that ended for {@code reason}, with {@code uncertainCells} cells left uncertified. */
    public static Outcome of(StopReason reason, long uncertainCells) {
        switch (reason) {
            case FINISHED:
                return uncertainCells == 0 ? EXACT : UNCERTIFIED;
            case REGION_LIMIT:
                return REGION_LIMIT;
            case TIME_LIMIT:
                return TIME_LIMIT;
            case INTERRUPTED:
                return INTERRUPTED;
            default:
                throw new IllegalArgumentException("unknown stop reason " + reason);
        }
    }

    /** True only for {@link #EXACT}: the count is the exact number of regions, not a lower bound. */
    public boolean exact() {
        return this == EXACT;
    }

    /** Why the search ended (the report's {@code stopReason} is its label). */
    public StopReason stopReason() {
        return stopReason;
    }

    /** The exit code of a command whose result ended so. */
    public ExitCode exitCode() {
        return exitCode;
    }

    /** The outcome of two results taken together: the weaker claim of the two. */
    public Outcome and(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
