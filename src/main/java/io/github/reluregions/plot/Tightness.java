package io.github.reluregions.plot;

import io.github.reluregions.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The tightness plot: for every network, each analytical bound next to the region count, as bars on a log
 * scale; or, as ratios, how many orders of magnitude each bound lies above the count.
 *
 * <p>The input table has one row per (network, bound) and exactly these columns:
 * {@code network} (a name), {@code bound} (the bound's name), {@code value_log10} (log10 of the bound;
 * empty when the bound does not apply), {@code count} (the region count), {@code count_log10} (its log10)
 * and {@code complete} ({@code true} when the count is exact, {@code false} when it is a lower bound).
 */
public final class Tightness {
    /** The columns a tightness table must have. */
    public static final List<String> COLUMNS = List.of("network", "bound", "value_log10", "count", "count_log10",
            "complete");

    private Tightness() {
    }

    /**
     * The chart of {@code table}. Networks whose count is only a lower bound are marked "(count incomplete)".
     *
     * @param ratio false: bars of every bound and of the count; true: bars of log10(bound / count)
     */
    public static Picture chart(Table table, boolean ratio) {
        for (String column : COLUMNS) {
            table.column(column);
        }
        int network = table.column("network");
        int bound = table.column("bound");
        int value = table.column("value_log10");
        int countLog = table.column("count_log10");
        int complete = table.column("complete");
        List<Charts.Bar> bars = new ArrayList<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            String label = row.get(network) + (isComplete(table, r, row.get(complete)) ? "" : " (count incomplete)");
            double countValue = row.get(countLog).isEmpty() ? Double.NaN
                    : table.number(r, "count_log10", row.get(countLog));
            counts.putIfAbsent(label, countValue);
            if (row.get(value).isEmpty()) {
                continue;
            }
            double bound10 = table.number(r, "value_log10", row.get(value));
            if (!Double.isFinite(bound10)) {
                continue;
            }
            if (ratio) {
                if (Double.isFinite(countValue)) {
                    bars.add(new Charts.Bar(label, row.get(bound), bound10 - countValue));
                }
            } else {
                bars.add(new Charts.Bar(label, row.get(bound), bound10));
            }
        }
        if (!ratio) {
            for (Map.Entry<String, Double> entry : counts.entrySet()) {
                if (Double.isFinite(entry.getValue())) {
                    bars.add(new Charts.Bar(entry.getKey(), "count", entry.getValue()));
                }
            }
        }
        if (bars.isEmpty()) {
            throw new InvalidInputException("The table " + table.file() + " has no row with both a bound value"
                    + (ratio ? " and a count" : "") + " to draw.");
        }
        return ratio
                ? Charts.logScaleBars("How far each bound lies above the region count", "network",
                        "bound / count", bars)
                : Charts.logScaleBars("Analytical bounds and the region count", "network", "number of regions", bars);
    }

    private static boolean isComplete(Table table, int r, String cell) {
        String text = cell.trim().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new InvalidInputException("Row " + (r + 1) + " of " + table.file() + " has '" + cell
                + "' in column 'complete'; it must be true or false.");
    }
}
