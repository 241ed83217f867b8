package io.github.reluregions.testing;

import io.github.reluregions.query.Query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-verifies every witness an engine streams, independently of the engine: recomputes the activation
 * pattern at the witness ({@link LocalAffine}) and checks that it is the reported one, that the witness's
 * Euclidean distance to every hidden neuron's hyperplane on its piece and to the domain's boundary
 * ({@link HighDim#boundaryDistance}) exceeds the tolerance (1e-7 times min(1, domain scale)), that the
 * reported radius does not exceed that clearance, and that no pattern comes twice. Then checks that every
 * pattern random points of the domain take is among the patterns counted.
 */
public final class WitnessAudit implements RegionListener {
    /** Sampled points this close (Euclidean) to a hyperplane are skipped: their sign says nothing. */
    public static final double SAMPLE_MARGIN = 1e-9;
    /** At most this many problems are kept for the failure message. */
    private static final int KEPT = 8;

    private final Network net;
    private final InputDomain domain;
    private final double tolerance;
    private final Set<String> patterns = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long regions;
    private double smallestClearance = Double.POSITIVE_INFINITY;

    public WitnessAudit(Network net, InputDomain domain) {
        this.net = net;
        this.domain = domain;
        this.tolerance = Tolerances.DEFAULT_INTERIOR_RADIUS * Math.min(1, HighDim.scale(domain));
    }

    /** What one count gave, with its audit. */
    public record Outcome(CountResult result, WitnessAudit audit) {
        public long regions() {
            return result.regions();
        }

        public boolean complete() {
            return result.complete();
        }

        /**
         * Asserts the count exact and right: complete, {@code expected} regions, one audited witness per region
         * with no problem, and no sampled pattern missing ({@code samples} uniform points plus
         * {@code samples / 10} at each radius fraction 0.1..0.9, from {@code seed}).
         */
        public void assertExact(long expected, int samples, long seed, String label) {
            Set<String> missed = audit.missedSamples(samples, samples / 10, seed);
            String got = label + ": expected " + expected + ", got " + this + "; " + missed.size()
                    + " sampled patterns not counted" + (missed.isEmpty() ? "" : ", e.g. " + first(missed, 3));
            assertAll(got,
                    () -> assertTrue(result.complete(), "complete"),
                    () -> assertEquals(expected, result.regions(), "regions"),
                    () -> assertEquals(result.regions(), audit.regionsSeen(),
                            "witnesses streamed"),
                    () -> assertNull(audit.problems(), "witness audit"),
                    () -> assertTrue(missed.isEmpty(), "sampled patterns counted"));
        }

        private static List<String> first(Set<String> set, int n) {
            return set.stream().limit(n).toList();
        }

        @Override
        public String toString() {
            return result.regions() + " regions, complete " + result.complete() + " (" + result.stopReason()
                    + ", uncertain cells " + result.stats().uncertainCells() + ", near-degenerate dropped "
                    + result.stats().nearDegenerateDropped() + ")";
        }
    }

    /**
     * Counts with the default tolerances through {@link ExactCounter#count(Network, InputDomain, Tolerances,
     * SearchMonitor, RegionListener)}, auditing every witness. {@code guardSeconds} only keeps a search that
     * would not end from hanging the suite: a count it stops is incomplete, which the tests reject.
     */
    public static Outcome count(ExactCounter counter, Network net, InputDomain domain, double guardSeconds) {
        WitnessAudit audit = new WitnessAudit(net, domain);
        long start = System.nanoTime();
        CountResult result = counter.count(new Query(net, domain, Tolerances.defaults()), SearchMonitor.withTimeLimit(guardSeconds), audit);
        Outcome outcome = new Outcome(result, audit);
        System.out.printf("%s, %d inputs, %s in %s: %s; %.1f s%n", counter.getClass().getSimpleName(), net.inputDimension(),
                net.hiddenWidths(), domain.describe(), outcome, (System.nanoTime() - start) / 1e9);
        return outcome;
    }

    @Override
    public synchronized void onRegion(long index, double[] witness, double radius, boolean[] pattern) {
        regions++;
        String reported = bits(pattern);
        String where = "region " + index + " (" + reported + ")";
        if (witness.length != net.inputDimension() || pattern.length != net.hiddenNeuronCount()) {
            problem(where + ": witness has " + witness.length + " coordinates, pattern " + pattern.length + " bits");
            return;
        }
        LocalAffine local = LocalAffine.at(net, witness);
        String actual = local.pattern();
        if (!actual.equals(reported)) {
            problem(where + ": the witness has the pattern " + actual);
        }
        double boundary = HighDim.boundaryDistance(domain, witness);
        double hyperplanes = local.smallestDistance();
        double clearance = Math.min(boundary, hyperplanes);
        smallestClearance = Math.min(smallestClearance, clearance);
        if (!(boundary > tolerance)) {
            problem(where + ": distance to the domain boundary " + boundary + " <= tolerance " + tolerance);
        }
        if (!(hyperplanes > tolerance)) {
            problem(where + ": distance to the nearest neuron hyperplane " + hyperplanes + " <= tolerance " + tolerance);
        }
        if (!(radius <= clearance * (1 + 1e-6) + 1e-12)) {
            problem(where + ": reported radius " + radius + " exceeds the recomputed clearance " + clearance);
        }
        if (!patterns.add(actual)) {
            problem(where + ": the pattern " + actual + " is counted twice");
        }
    }

    private void problem(String text) {
        problemCount++;
        if (problems.size() < KEPT) {
            problems.add(text);
        }
    }

    /** Null when every witness passed; otherwise a message naming the first problems. */
    public synchronized String problems() {
        return problemCount == 0 ? null : problemCount + " witness problems, e.g. " + problems;
    }

    public synchronized long regionsSeen() {
        return regions;
    }

    /** The patterns of the witnesses (format of --witnesses: layers separated by '|'). */
    public synchronized Set<String> patterns() {
        return Set.copyOf(patterns);
    }

    public synchronized double smallestClearance() {
        return smallestClearance;
    }

    /**
     * Patterns of random points not among those counted: {@code uniform} points drawn uniformly in the domain,
     * and {@code perFraction} points at each radius fraction 0.1, 0.2, ..., 0.9 (a high-dimensional ball's
     * volume lies near its sphere). Points within {@link #SAMPLE_MARGIN} of a hyperplane are skipped.
     */
    public synchronized Set<String> missedSamples(int uniform, int perFraction, long seed) {
        Random random = new Random(seed);
        Set<String> missed = new LinkedHashSet<>();
        for (int s = 0; s < uniform; s++) {
            check(HighDim.uniform(domain, random), missed);
        }
        for (int f = 1; f <= 9; f++) {
            for (int s = 0; s < perFraction; s++) {
                check(HighDim.atFraction(domain, f / 10.0, random), missed);
            }
        }
        return missed;
    }

    private void check(double[] x, Set<String> missed) {
        String p = HighDim.pattern(net, x, SAMPLE_MARGIN);
        if (p != null && !patterns.contains(p)) {
            missed.add(p);
        }
    }

    private String bits(boolean[] pattern) {
        StringBuilder sb = new StringBuilder(pattern.length + net.hiddenLayerCount());
        int k = 0;
        for (int l = 0; l < net.hiddenLayerCount(); l++) {
            if (l > 0) {
                sb.append('|');
            }
            for (int i = 0; i < net.hiddenLayer(l).outputSize(); i++) {
                sb.append(k < pattern.length && pattern[k++] ? '1' : '0');
            }
        }
        return sb.toString();
    }
}
