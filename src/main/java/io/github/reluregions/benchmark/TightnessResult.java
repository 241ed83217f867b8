package io.github.reluregions.benchmark;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.report.DomainSummary;
import io.github.reluregions.report.NetworkSummary;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's result for one network: its count, every analytical bound, and which bounds are tightest.
 *
 * @param name the network's name in the suite
 * @param group its group ({@code shipped}, {@code trained}, {@code reference} or a random family)
 * @param source where it came from
 * @param network its shape
 * @param domain where it was counted and bounded
 * @param count the count: exact when {@code count.complete()}, else a lower bound
 * @param knownRegions the independently known count (reference cases), else null
 * @param bounds every bound, as {@code bounds} lists them
 * @param tightest the names of the bounds with the least value
 * @param boundsBelowCount the names of bounds below the count: a bug in the bound or the count (empty)
 */
@JsonPropertyOrder({"name", "group", "source", "network", "domain", "count", "knownRegions", "tightest",
        "boundsBelowCount", "bounds"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TightnessResult(String name, String group, String source, NetworkSummary network, DomainSummary domain,
        RegionCount.Outcome count, Long knownRegions, List<RegionBound> bounds, List<String> tightest,
        List<String> boundsBelowCount) {

    public TightnessResult {
        bounds = List.copyOf(bounds);
        tightest = List.copyOf(tightest);
        boundsBelowCount = List.copyOf(boundsBelowCount);
    }

    static TightnessResult of(BenchmarkCase c, RegionCount.Outcome count, List<RegionBound> bounds) {
        BigInteger least = null;
        for (RegionBound bound : bounds) {
            if (bound.value() != null && (least == null || bound.value().compareTo(least) < 0)) {
                least = bound.value();
            }
        }
        List<String> tightest = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (RegionBound bound : bounds) {
            if (bound.value() == null) {
                continue;
            }
            if (bound.value().equals(least)) {
                tightest.add(bound.name());
            }
            if (bound.value().compareTo(BigInteger.valueOf(count.regions())) < 0) {
                below.add(bound.name());
            }
        }
        return new TightnessResult(c.name(), c.group(), c.source(), NetworkSummary.of(c.source(), c.network()),
                DomainSummary.of(c.domain()), count, c.knownRegions(), bounds, tightest, below);
    }

    /** False when the count is exact and differs from the independently known count. */
    public boolean agreesWithKnownCount() {
        return knownRegions == null || !count.complete() || knownRegions == count.regions();
    }

    /** log10 of the count (0 for a count of 0, which no domain with interior has). */
    public double countLog10() {
        return count.regions() > 0 ? Math.log10(count.regions()) : 0;
    }
}
