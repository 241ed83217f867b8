package io.github.reluregions.local;

import java.util.Arrays;
import java.util.List;

/**
 * The counts of one radius summed up. When {@code incomplete > 0} some counts are lower bounds, and so
 * are the mean, median, minimum and maximum.
 *
 * @param radius the balls' radius
 * @param points how many balls were counted
 * @param incomplete how many of those counts are lower bounds (time limit, interrupt, uncertain cells)
 * @param lowerBounds true when {@code incomplete > 0}: then the statistics are lower bounds too
 * @param mean the mean count
 * @param median the median count (the mean of the two middle ones for an even number)
 * @param min the smallest count
 * @param max the largest count
 */
public record LocalSummary(double radius, int points, int incomplete, boolean lowerBounds, double mean, double median,
        long min, long max) {

    /** The summary of the rows of {@code rows} whose radius is {@code radius}; NaN statistics when there are none. */
    public static LocalSummary of(double radius, List<LocalCount> rows) {
        long[] counts = rows.stream().filter(row -> row.radius() == radius).mapToLong(LocalCount::regions).sorted()
                .toArray();
        int incomplete = (int) rows.stream().filter(row -> row.radius() == radius && !row.complete()).count();
        int n = counts.length;
        if (n == 0) {
            return new LocalSummary(radius, 0, 0, false, Double.NaN, Double.NaN, 0, 0);
        }
        double mean = Arrays.stream(counts).mapToDouble(c -> c).sum() / n;
        double median = n % 2 == 1 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
        return new LocalSummary(radius, n, incomplete, incomplete > 0, mean, median, counts[0], counts[n - 1]);
    }
}
