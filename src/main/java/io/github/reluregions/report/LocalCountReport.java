package io.github.reluregions.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.reluregions.count.Outcome;
import io.github.reluregions.local.LocalCount;
import io.github.reluregions.local.LocalSummary;

/**
 * The report of {@code count local}: the regions in a ball around each point of a file, one row per point
 * and radius, and a summary per radius.
 *
 * @param schemaVersion the version of this report's layout
 * @param command always {@code count local}
 * @param network the network's shape
 * @param points the points file
 * @param radius the radii, in the order given
 * @param norm the balls' norm: {@code l1}, {@code l2} or {@code linf}
 * @param engine the engine of every count
 * @param workers worker threads (one count each at a time)
 * @param timeLimitPerPoint the time limit of each count in seconds, or null for none
 * @param complete true only when every count is exact
 * @param notStarted counts left out because the run was interrupted before they started
 * @param seconds wall-clock time of the whole run
 * @param summary one entry per radius
 * @param rows one row per point and radius, by point, then radius
 */
@JsonPropertyOrder({"schemaVersion", "command", "network", "points", "radius", "norm", "engine", "workers",
        "timeLimitPerPoint", "complete", "notStarted", "seconds", "summary", "rows"})
public record LocalCountReport(int schemaVersion, String command, NetworkSummary network, PointsSummary points,
        List<Double> radius, String norm, String engine, int workers, Double timeLimitPerPoint, boolean complete,
        int notStarted, double seconds, List<LocalSummary> summary, List<LocalCount> rows) {
    public static final int SCHEMA_VERSION = 1;

    /** The table's columns, in CSV order: the names of {@link LocalCount}'s fields. */
    public static final List<String> COLUMNS = List.of("point", "label", "radius", "regions", "complete",
            "stopReason", "seconds", "lps", "thinRegions", "uncertainCells");

    /**
     * The points counted around.
     *
     * @param file the points file
     * @param count how many points it has
     * @param columns the columns holding the coordinates (first and last when they are a run)
     * @param labelColumn the column of the labels, or null
     */
    public record PointsSummary(String file, int count, String columns, String labelColumn) {
    }

    public LocalCountReport {
        radius = List.copyOf(radius);
        summary = List.copyOf(summary);
        rows = List.copyOf(rows);
    }

    /** The report of {@code rows}, with a summary for each radius. */
    public static LocalCountReport of(NetworkSummary network, PointsSummary points, List<Double> radii, String norm,
            String engine, int workers, double timeLimitSeconds, int tasks, double seconds, List<LocalCount> rows) {
        List<LocalSummary> summary = new ArrayList<>();
        for (double radius : radii) {
            summary.add(LocalSummary.of(radius, rows));
        }
        int notStarted = tasks - rows.size();
        return new LocalCountReport(SCHEMA_VERSION, "count local", network, points, radii, norm, engine, workers,
                timeLimitSeconds > 0 ? timeLimitSeconds : null, outcome(rows, notStarted).exact(), notStarted, seconds,
                summary, rows);
    }

    /**
     * How the run ended: the weakest outcome of its counts, and interrupted when counts were left out
     * because the run was interrupted before they started.
     */
    @JsonIgnore
    public Outcome outcome() {
        return outcome(rows, notStarted);
    }

    private static Outcome outcome(List<LocalCount> rows, int notStarted) {
        Outcome outcome = notStarted > 0 ? Outcome.INTERRUPTED : Outcome.EXACT;
        for (LocalCount row : rows) {
            outcome = outcome.and(row.outcome());
        }
        return outcome;
    }

    /** The rows as CSV with a header row ({@link #COLUMNS}); an unknown label is an empty cell. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (LocalCount row : rows) {
            sb.append(row.point()).append(',').append(row.label() == null ? "" : csvCell(row.label())).append(',')
                    .append(number(row.radius())).append(',').append(row.regions()).append(',').append(row.complete())
                    .append(',').append(row.stopReason()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", row.seconds())).append(',').append(row.lps())
                    .append(',').append(row.thinRegions()).append(',').append(row.uncertainCells()).append('\n');
        }
        return sb.toString();
    }

    /** The report for people: what was counted, one line per radius, and which counts are lower bounds. */
    public String toText(boolean withRows) {
        StringBuilder sb = new StringBuilder();
        sb.append("network   ").append(network.file()).append(": ").append(network.inputDimension())
                .append(" inputs, hidden widths ").append(network.hiddenWidths()).append('\n');
        sb.append("points    ").append(points.file()).append(": ").append(points.count()).append(" points (columns ")
                .append(points.columns()).append(points.labelColumn() == null ? "" : ", labels in " + points.labelColumn())
                .append(")\n");
        sb.append("balls     ").append(norm).append(" balls of radius ");
        for (int i = 0; i < radius.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(number(radius.get(i)));
        }
        sb.append(String.format(Locale.ROOT, "%n"));
        sb.append("engine    ").append(engine).append(", one thread per count, ").append(workers)
                .append(workers == 1 ? " worker" : " workers")
                .append(timeLimitPerPoint == null ? "" : ", " + number(timeLimitPerPoint) + " s per count at most")
                .append('\n');
        sb.append(String.format(Locale.ROOT, "time      %.3f s%n", seconds));
        if (withRows) {
            sb.append(String.format(Locale.ROOT, "%n%6s  %-6s  %-8s  %10s  %-16s  %9s  %8s%n", "point", "label",
                    "radius", "regions", "exact", "seconds", "LPs"));
            for (LocalCount row : rows) {
                sb.append(String.format(Locale.ROOT, "%6d  %-6s  %-8s  %10d  %-16s  %9.3f  %8d%n", row.point(),
                        row.label() == null ? "" : row.label(), number(row.radius()), row.regions(),
                        row.complete() ? "yes" : "no (" + whyIncomplete(row) + ")", row.seconds(), row.lps()));
            }
        }
        sb.append(String.format(Locale.ROOT, "%n%-8s  %6s  %10s  %8s  %8s  %8s  %10s%n", "radius", "points", "mean",
                "median", "min", "max", "incomplete"));
        for (LocalSummary s : summary) {
            sb.append(String.format(Locale.ROOT, "%-8s  %6d  %10.2f  %8s  %8d  %8d  %10d%n", number(s.radius()),
                    s.points(), s.mean(), number(s.median()), s.min(), s.max(), s.incomplete()));
        }
        List<String> incomplete = new ArrayList<>();
        for (LocalCount row : rows) {
            if (!row.complete()) {
                incomplete.add("point " + row.point() + " at radius " + number(row.radius()) + " ("
                        + whyIncomplete(row) + ")");
            }
        }
        if (!incomplete.isEmpty()) {
            sb.append("\nincomplete: ").append(incomplete.size()).append(incomplete.size() == 1 ? " count is" : " counts are")
                    .append(" a lower bound, and so are the statistics of ")
                    .append(summary.stream().filter(LocalSummary::lowerBounds).count() == 1 ? "its radius" : "their radii")
                    .append(": ").append(String.join(", ", incomplete.subList(0, Math.min(20, incomplete.size()))))
                    .append(incomplete.size() > 20 ? ", ..." : "").append('\n');
        }
        if (notStarted > 0) {
            sb.append("interrupted: ").append(notStarted).append(notStarted == 1 ? " count was" : " counts were")
                    .append(" not started and are left out\n");
        }
        return sb.toString();
    }

    private static String whyIncomplete(LocalCount row) {
        return row.outcome() == Outcome.UNCERTIFIED
                ? "uncertain: " + row.uncertainCells() : row.stopReason();
    }

    /** A number as short as it reads: 0.05, 3, 2.5. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String csvCell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
