package io.github.reluregions.count;

/** Why a count ended. Only {@link #FINISHED} with no uncertain cell gives an exact count. */
public enum StopReason {
    /** The search went through the whole tree. */
    FINISHED,
    /** The time limit was hit; the count is a lower bound. */
    TIME_LIMIT,
    /** The run was interrupted (Ctrl-C); the count is a lower bound. */
    INTERRUPTED,
    /** The caller's limit on regions was reached ({@code ModelSearch.enumerate}); the count is a lower bound. */
    REGION_LIMIT;

    /** The name in reports: {@code finished}, {@code time-limit}, {@code interrupted}, {@code region-limit}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
