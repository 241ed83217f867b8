package io.github.reluregions.local;

import io.github.reluregions.engine.CountResult;

/**
 * The count in one ball: one row of the table of {@code count local}.
 *
 * @param point the point's row in the points file, from 0
 * @param label the point's label, or null
 * @param radius the ball's radius
 * @param regions regions counted: exact when {@code complete}, else a lower bound
 * @param complete true only when the search finished and every region has a certified interior witness
 * @param stopReason {@code finished}, {@code time-limit} or {@code interrupted}
 * @param seconds wall-clock time of this count
 * @param lps LPs solved
 * @param thinRegions regions counted whose certified inscribed radius is below the thin radius
 * @param uncertainCells cells that could not be certified (any makes the count incomplete)
 */
public record LocalCount(int point, String label, double radius, long regions, boolean complete, String stopReason,
        double seconds, long lps, long thinRegions, long uncertainCells) {

    /** The row of {@code result}, the count around {@code point} in the ball of {@code radius}. */
    public static LocalCount of(LocalPoint point, double radius, CountResult result, double seconds) {
        return new LocalCount(point.index(), point.label(), radius, result.regions(), result.complete(),
                result.stopReason().label(), seconds, result.stats().lpsSolved(), result.stats().thinRegions(),
                result.stats().uncertainCells());
    }
}
