package io.github.reluregions.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.probabilistic.Estimate;
import io.github.reluregions.probabilistic.LowerBound;
import io.github.reluregions.probabilistic.ProbabilisticResult;
import io.github.reluregions.query.AppliedTolerances;

/**
 * The report of {@code count probabilistic}.
 *
 * @param schemaVersion the version of this report's layout
 * @param command always {@code count probabilistic}
 * @param network the network's shape
 * @param domain the domain counted in
 * @param engine the engine that searched the hash cells
 * @param method {@code lower-bound}, {@code estimate} or {@code both}
 * @param lowerBound the number of regions is at least this, with probability at least
 *     {@code lowerBoundDetails.confidence} (absent when not asked for)
 * @param estimate within a factor {@code 1 + epsilon} of the number of regions with probability at least
 *     {@code confidence} (absent when not asked for or not finished)
 * @param exact true when the network has so few regions that they were all enumerated: both numbers are
 *     the exact count
 * @param confidence the confidence asked for
 * @param epsilon the estimate's tolerance asked for
 * @param xors XORs of the level that confirmed the lower bound (0 when enumeration gave it)
 * @param trials the lower bound's confirming trials
 * @param measurements the estimate's measurements (its median is the estimate)
 * @param solverCalls LPs and solver-model solves, all together
 * @param seed the seed of every random choice; the same seed gives the same answer
 * @param seconds wall-clock time
 * @param stopReason {@code finished}, {@code time-limit} or {@code interrupted}
 * @param tolerances the tolerances applied, absolute, in input coordinates
 * @param lowerBoundDetails the confirming level, the XOR family, the levels explored
 * @param estimateDetails thresh, each measurement's XORs and cell count, certification
 * @param stats LPs, model solves and cell searches separately
 * @param bounds the analytical upper bounds, for comparison
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "command", "network", "domain", "engine", "method", "lowerBound", "estimate",
        "exact", "confidence", "epsilon", "xors", "trials", "measurements", "solverCalls", "seed", "seconds",
        "stopReason", "tolerances", "lowerBoundDetails", "estimateDetails", "stats", "bounds"})
public record ProbabilisticCountReport(int schemaVersion, String command, NetworkSummary network,
        DomainSummary domain, String engine, String method, BigInteger lowerBound, BigInteger estimate, boolean exact,
        double confidence, double epsilon, Integer xors, Integer trials, Integer measurements, long solverCalls,
        long seed, double seconds, String stopReason, AppliedTolerances tolerances, LowerBound lowerBoundDetails, Estimate estimateDetails,
        Stats stats, List<RegionBound> bounds) {

    /** What the run solved. */
    public record Stats(long lps, long modelSolves, long cellSearches) {
    }

    public static ProbabilisticCountReport of(NetworkSummary network, DomainSummary domain, String method,
            double confidence, double epsilon, ProbabilisticResult result, double seconds, AppliedTolerances tolerances,
            List<RegionBound> bounds) {
        LowerBound bound = result.lowerBound();
        Estimate estimate = result.estimate();
        boolean exact = (bound != null && bound.exact()) || (estimate != null && estimate.exact());
        return new ProbabilisticCountReport(ExactCountReport.SCHEMA_VERSION, "count probabilistic", network, domain,
                result.engine(), method, bound == null ? null : bound.value(),
                estimate == null ? null : estimate.value(), exact, confidence, epsilon,
                bound == null ? null : bound.xors(), bound == null ? null : bound.trials(),
                estimate == null ? null : estimate.measurements(), result.solverCalls(), result.seed(), seconds,
                result.stopReason().label(), tolerances, bound, estimate,
                new Stats(result.lps(), result.modelSolves(), result.cellSearches()), List.copyOf(bounds));
    }

    /** The report for people: a few lines. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("network   ").append(network.file()).append(": ").append(network.inputDimension())
                .append(" inputs, hidden widths ").append(network.hiddenWidths()).append('\n');
        sb.append("domain    ").append(domain.description()).append('\n');
        sb.append("engine    ").append(engine).append(", seed ").append(seed).append('\n');
        if (lowerBoundDetails != null) {
            sb.append("at least  ").append(lowerBound).append(' ').append(boundNote()).append('\n');
        }
        if (estimateDetails != null) {
            sb.append("estimate  ").append(estimate == null ? "none (stopped before the measurements were done)"
                    : estimate + " " + estimateNote()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "time      %.3f s, %d solver calls%s%n", seconds, solverCalls,
                stopReason.equals("finished") ? "" : " (" + stopReason + ")"));
        sb.append("upper bounds:\n").append(BoundsReport.table(bounds));
        return sb.toString();
    }

    private String boundNote() {
        if (lowerBoundDetails.exact()) {
            return "(exact: every region enumerated)";
        }
        if (lowerBoundDetails.xors() == 0) {
            return "(certain: regions enumerated)";
        }
        return String.format(Locale.ROOT, "(2^%.2f, with probability >= %s; %d XORs, %d of %d trials feasible)",
                lowerBoundDetails.log2(), confidence, lowerBoundDetails.xors(), lowerBoundDetails.feasible(),
                lowerBoundDetails.trials());
    }

    private String estimateNote() {
        if (estimateDetails.exact()) {
            return "(exact: every region enumerated)";
        }
        return String.format(Locale.ROOT, "(2^%.2f, within a factor %s with probability >= %s; median of %d)%s",
                estimateDetails.log2(), 1 + epsilon, confidence, estimateDetails.measurements(),
                estimateDetails.certified() ? "" : " NOT CERTIFIED: some cell could not be certified");
    }
}
