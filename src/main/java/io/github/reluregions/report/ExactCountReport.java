package io.github.reluregions.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.util.List;

import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.query.AppliedTolerances;

/**
 * The report of {@code count exact}.
 *
 * @param schemaVersion the version of this report's layout
 * @param command always {@code count exact}
 * @param network the network's shape
 * @param domain the domain counted in
 * @param engine the engine used
 * @param regions regions counted (exact when {@code complete}, else a lower bound)
 * @param complete true only when the search finished and every region has a certified interior witness
 * @param stopReason {@code finished}, {@code time-limit} or {@code interrupted}
 * @param exploredFraction share of the search tree finished
 * @param seconds wall-clock time of the count
 * @param tolerances the tolerances applied, absolute, in input coordinates (the options' values are in
 *     {@code stats.tolerances})
 * @param stats what the search did
 * @param bounds the analytical upper bounds, for comparison
 */
@JsonPropertyOrder({"schemaVersion", "command", "network", "domain", "engine", "regions", "complete",
        "stopReason", "exploredFraction", "seconds", "tolerances", "stats", "bounds"})
public record ExactCountReport(int schemaVersion, String command, NetworkSummary network, DomainSummary domain,
        String engine, BigInteger regions, boolean complete, String stopReason, double exploredFraction,
        double seconds, AppliedTolerances tolerances, SearchStats stats, List<RegionBound> bounds) {
    public static final int SCHEMA_VERSION = 1;

    public static ExactCountReport of(NetworkSummary network, DomainSummary domain, String engine,
            CountResult result, double seconds, AppliedTolerances tolerances, List<RegionBound> bounds) {
        return new ExactCountReport(SCHEMA_VERSION, "count exact", network, domain, engine,
                BigInteger.valueOf(result.regions()), result.complete(),
                result.stopReason().label(),
                result.exploredFraction(), seconds, tolerances, result.stats(), List.copyOf(bounds));
    }

    /** The report for people: a few lines. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("network   ").append(network.file()).append(": ").append(network.inputDimension())
                .append(" inputs, hidden widths ").append(network.hiddenWidths()).append('\n');
        sb.append("domain    ").append(domain.description()).append('\n');
        sb.append("engine    ").append(engine).append('\n');
        sb.append("regions   ").append(regions).append(complete ? " (exact)" : " (lower bound: " + whyIncomplete() + ")")
                .append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "time      %.3f s, %d LPs, %d nodes%n", seconds,
                stats.lpsSolved(), stats.nodes()));
        sb.append(String.format(java.util.Locale.ROOT, "tolerance %.3g in input coordinates (--tolerance %.3g x %.3g, "
                + "the domain's scale up to 1)%n", tolerances.interiorRadius(), stats.tolerances().interiorRadius(),
                tolerances.factor()));
        if (stats.thinRegions() > 0) {
            sb.append("thin      ").append(stats.thinRegions()).append(String.format(java.util.Locale.ROOT,
                    " region(s) with inscribed radius below %.3g%n", tolerances.thinRadius()));
        }
        if (stats.nearDegenerateDropped() > 0) {
            sb.append("dropped   ").append(stats.nearDegenerateDropped())
                    .append(String.format(java.util.Locale.ROOT,
                    " near-degenerate cell(s) with radius within 100x below the tolerance %.3g%n",
                    tolerances.interiorRadius()));
        }
        if (stats.uncertainCells() > 0) {
            sb.append("uncertain ").append(stats.uncertainCells())
                    .append(" cell(s) whose interior point could not be certified\n");
        }
        sb.append("upper bounds:\n").append(BoundsReport.table(bounds));
        return sb.toString();
    }

    private String whyIncomplete() {
        if (!stopReason.equals("finished")) {
            return String.format(java.util.Locale.ROOT, "%s after %.1f%% of the search", stopReason,
                    100 * exploredFraction);
        }
        return "uncertain cells";
    }
}
