package io.github.reluregions.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.Outcome;

/**
 * The count in one ball: one row of the table of {@code count local}.
 *
 * @param point the point's row in the points file, from 0
 * @param label the point's label, or null
 * @param radius the ball's radius
 * @param regions regions counted: exact when the outcome is {@link Outcome#EXACT}, else a lower bound
 * @param outcome how the count ended (in the row as {@code complete} and {@code stopReason})
 * @param seconds wall-clock time of this count
 * @param lps LPs solved
 * @param thinRegions regions counted whose certified inscribed radius is below the thin radius
 * @param uncertainCells cells that could not be certified (any makes the count incomplete)
 */
@JsonPropertyOrder({"point", "label", "radius", "regions", "complete", "stopReason", "seconds", "lps", "thinRegions",
        "uncertainCells"})
public record LocalCount(int point, String label, double radius, long regions, @JsonIgnore Outcome outcome,
        double seconds, long lps, long thinRegions, long uncertainCells) {

    /** The row of {@code result}, the count around {@code point} in the ball of {@code radius}. */
    public static LocalCount of(LocalPoint point, double radius, CountResult result, double seconds) {
        return new LocalCount(point.index(), point.label(), radius, result.regions(), result.outcome(), seconds,
                result.stats().lpsSolved(), result.stats().thinRegions(), result.stats().uncertainCells());
    }

    /** True only when the search finished and every region has a certified interior witness. */
    @JsonProperty("complete")
    public boolean complete() {
        return outcome.exact();
    }

    /** {@code finished}, {@code time-limit} or {@code interrupted}. */
    @JsonProperty("stopReason")
    public String stopReason() {
        return outcome.stopReason().label();
    }
}
