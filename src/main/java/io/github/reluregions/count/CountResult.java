package io.github.reluregions.count;

/**
 * The outcome of an exact count.
 *
 * @param regions regions counted, each with a certified interior witness: the exact count when
 *     {@code outcome} is {@link Outcome#EXACT}, otherwise a lower bound
 * @param outcome how the search ended and what that proves
 * @param exploredFraction share of the search tree finished, in [0, 1]
 * @param stats what the search did
 */
public record CountResult(long regions, Outcome outcome, double exploredFraction, SearchStats stats) {

    /** True only when the count is exact: the search finished and no cell was left uncertain. */
    public boolean complete() {
        return outcome.exact();
    }

    /** Why the search ended. */
    public StopReason stopReason() {
        return outcome.stopReason();
    }
}
