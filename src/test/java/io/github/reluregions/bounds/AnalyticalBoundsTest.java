package io.github.reluregions.bounds;

import io.github.reluregions.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyticalBoundsTest {

    static Map<String, BigInteger> values(Network net, InputDomain domain) {
        return AnalyticalBounds.of(net, domain).stream().filter(b -> b.value() != null)
                .collect(Collectors.toMap(RegionBound::name, RegionBound::value));
    }

    static void assertAllAtLeast(long count, Network net, InputDomain domain, String what) {
        for (RegionBound bound : AnalyticalBounds.of(net, domain)) {
            if (bound.value() != null) {
                assertTrue(bound.value().compareTo(BigInteger.valueOf(count)) >= 0,
                        bound.name() + " = " + bound.value() + " is below the true count " + count + " of " + what);
            }
        }
    }

    @Test
    void everyBoundHoldsOnEveryReferenceCase() throws IOException {
        Path reference = Path.of("..", "shared", "reference");
        Assumptions.assumeTrue(Files.exists(reference.resolve("cases.json")));
        int cases = 0;
        for (JsonNode c : new ObjectMapper().readTree(reference.resolve("cases.json").toFile())) {
            Network net = JsonNetworkReader.read(reference.resolve(c.get("network").asText()));
            double[] lower = new double[net.inputDimension()];
            double[] upper = new double[net.inputDimension()];
            for (int j = 0; j < lower.length; j++) {
                lower[j] = c.get("box").get(j).get(0).asDouble();
                upper[j] = c.get("box").get(j).get(1).asDouble();
            }
            String name = c.get("network").asText();
            long count = c.get("regions").asLong();
            assertAllAtLeast(count, net, Box.of(lower, upper), name + " in its box");
            assertAllAtLeast(count, net, WholeSpace.of(net.inputDimension()), name + " in R^d");
            cases++;
        }
        assertTrue(cases >= 10, "only " + cases + " reference cases");
    }

    @Test
    void everyBoundHoldsOnClosedFormAndCountedNets() {
        for (int depth = 1; depth <= 6; depth++) {
            assertAllAtLeast(1L << depth, Nets.tentMap(depth), Box.cube(1, 0, 1), "tent map " + depth);
        }
        for (int seed = 0; seed < 8; seed++) {
            int[] widths = {2 + seed % 3, 3 + seed % 4, 2 + seed % 2, 4};
            Network net = Nets.randomNet(widths, 700 + seed);
            long count = new LpEngine().count(Query.of(net, WholeSpace.of(widths[0]))).regions();
            assertAllAtLeast(count, net, WholeSpace.of(widths[0]), "random net " + seed);
        }
    }

    @Test
    void zaslavskyIsAttainedByOneLayerInGeneralPosition() {
        for (int d = 1; d <= 4; d++) {
            Network net = Nets.randomOneLayer(d, 2 * d + 1, 40 + d);
            long count = new LpEngine().count(Query.of(net, WholeSpace.of(d))).regions();
            Map<String, BigInteger> values = values(net, WholeSpace.of(d));
            assertEquals(BigInteger.valueOf(count), values.get("zaslavsky"));
            assertEquals(BigInteger.valueOf(count), values.get("serra2018"));
            assertEquals(BigInteger.valueOf(count), values.get("montufar2017"));
        }
    }

    @Test
    void boundsAreOrderedFromTightestToLoosest() {
        int[][] architectures = {{3, 2, 5, 7}, {5, 10, 10, 10}, {784, 256, 256}, {2, 1, 50}, {6, 4, 3, 9}};
        for (int[] widths : architectures) {
            int[] hidden = java.util.Arrays.copyOfRange(widths, 1, widths.length);
            BigInteger serra = AnalyticalBounds.serra2018(widths[0], hidden).value();
            BigInteger montufar = AnalyticalBounds.montufar2017(widths[0], hidden).value();
            BigInteger zaslavsky = AnalyticalBounds.zaslavskyProduct(widths[0], hidden).value();
            BigInteger raghu = AnalyticalBounds.raghu2017(widths[0], hidden).value();
            assertTrue(serra.compareTo(montufar) <= 0, java.util.Arrays.toString(widths));
            assertTrue(montufar.compareTo(zaslavsky) <= 0, java.util.Arrays.toString(widths));
            assertTrue(zaslavsky.compareTo(raghu) <= 0, java.util.Arrays.toString(widths));
        }
    }

    @Test
    void everyBoundIsListedAndTheOnesWithoutAValueSayWhy() {
        Network net = Nets.randomNet(new int[] {2, 5, 4}, 3);
        for (InputDomain domain : List.of(WholeSpace.of(2), Box.cube(2, -1, 1),
                Ball.of(new double[] {0, 0}, 0.5, Norm.L2))) {
            List<RegionBound> bounds = AnalyticalBounds.of(net, domain);
            assertEquals(List.of("trivial", "montufar2014", "zaslavsky", "raghu2017", "montufar2017", "serra2018",
                    "serra2018-rank", "hinz2019", "stable-neurons", "zhu2020"),
                    bounds.stream().map(RegionBound::name).collect(Collectors.toList()));
            for (RegionBound bound : bounds) {
                assertEquals(bound.value() == null, bound.reason() != null, bound.name());
                assertEquals(bound.value() == null, bound.log10() == null, bound.name());
            }
            RegionBound zhu = bounds.get(9);
            assertEquals(null, zhu.value());
            assertTrue(zhu.reason().contains("only the abstract"), zhu.reason());
            assertEquals(!(domain instanceof Ball), zhu.reason().startsWith("a bound for ball domains"), zhu.reason());
        }
    }

    @Test
    void montufar2014IsTwoToTheNeurons() {
        Map<String, BigInteger> values = values(Nets.randomNet(new int[] {3, 4, 5, 6}, 11), WholeSpace.of(3));
        assertEquals(BigInteger.TWO.pow(15), values.get("montufar2014"));
        assertEquals(values.get("trivial"), values.get("montufar2014"));
    }

    @Test
    void histogramFrameworkReproducesTheClosedFormsItGeneralises() {
        int[][] architectures = {{3, 2, 5, 7}, {4, 3, 3, 3}, {2, 1, 3}, {5, 6, 2, 4}, {1, 3, 3, 3}, {6, 10, 10, 10, 10}};
        for (int[] widths : architectures) {
            int n0 = widths[0];
            int[] n = java.util.Arrays.copyOfRange(widths, 1, widths.length);
            List<HistogramFramework.LayerGamma> all = new java.util.ArrayList<>();
            List<HistogramFramework.LayerGamma> zaslavsky = new java.util.ArrayList<>();
            for (int width : n) {
                all.add(HistogramFramework.allPatterns(width));
                zaslavsky.add(HistogramFramework.zaslavsky(width));
            }
            String what = java.util.Arrays.toString(widths);
            assertEquals(AnalyticalBounds.trivial(n).value(), HistogramFramework.bound(n0, all), what);
            assertEquals(AnalyticalBounds.montufar2017(n0, n).value(), HistogramFramework.bound(n0, zaslavsky), what);
            // With Serra et al.'s gamma the framework is Theorem 1, the sum over J enumerated directly.
            assertEquals(enumerateSerra(n0, n, 0, n0), AnalyticalBounds.hinz2019(n0, n).value(), what);
        }
        // Serra et al. 2018, Theorem 5: for n0 = 1 and widths >= 3 the bound is prod (n_l + 1).
        assertEquals(BigInteger.valueOf(4L * 5 * 6), AnalyticalBounds.hinz2019(1, new int[] {3, 4, 5}).value());
    }

    @Test
    void clippingAddsTheEntriesAboveIntoTheLastOneKept() {
        BigInteger[] v = {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4)};
        assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(9)), List.of(HistogramFramework.clip(v, 1)));
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4),
                BigInteger.ZERO), List.of(HistogramFramework.clip(v, 4)));
    }

    @Test
    void serra2018MatchesItsDefinitionEnumeratedDirectly() {
        int[][] architectures = {{3, 2, 5, 7}, {4, 3, 3, 3}, {2, 1, 3}, {5, 6, 2, 4}};
        for (int[] widths : architectures) {
            int n0 = widths[0];
            int[] n = java.util.Arrays.copyOfRange(widths, 1, widths.length);
            assertEquals(enumerateSerra(n0, n, 0, n0), AnalyticalBounds.serra2018(n0, n).value(),
                    java.util.Arrays.toString(widths));
        }
    }

    /** The sum over J of Serra et al. 2018, Theorem 1, by enumerating J. */
    private static BigInteger enumerateSerra(int n0, int[] n, int l, int bound) {
        if (l == n.length) {
            return BigInteger.ONE;
        }
        BigInteger total = BigInteger.ZERO;
        for (int j = 0; j <= Math.min(bound, n[l]); j++) {
            total = total.add(Binomials.choose(n[l], j).multiply(enumerateSerra(n0, n, l + 1, Math.min(bound, n[l] - j))));
        }
        return total;
    }

    @Test
    void domainAwareBoundsNeverExceedTheirGlobalVersionsAndStillHold() {
        for (int seed = 0; seed < 6; seed++) {
            Network net = Nets.randomNet(new int[] {2, 6, 5}, 900 + seed);
            Map<String, BigInteger> global = values(net, WholeSpace.of(2));
            assertTrue(global.get("stable-neurons").compareTo(global.get("serra2018-rank")) <= 0);
            assertTrue(global.get("serra2018-rank").compareTo(global.get("serra2018")) <= 0);
            assertTrue(global.get("hinz2019").compareTo(global.get("serra2018")) <= 0);
            for (double half : new double[] {0.05, 0.5, 3}) {
                for (InputDomain domain : List.of(Box.cube(2, -half, half),
                        Ball.of(new double[] {0.3, -0.2}, half, Norm.L2), Ball.of(new double[] {0, 0}, half, Norm.L1))) {
                    Map<String, BigInteger> local = values(net, domain);
                    assertTrue(local.get("stable-neurons").compareTo(global.get("stable-neurons")) <= 0);
                    assertTrue(local.get("stable-neurons").compareTo(global.get("serra2018-rank")) <= 0);
                    long count = new LpEngine().count(Query.of(net, domain)).regions();
                    assertAllAtLeast(count, net, domain, "seed " + seed + " " + domain);
                }
            }
        }
        // A box that no hyperplane reaches: one region, and the stable-neuron bound says exactly 1.
        Network net = Nets.randomOneLayer(3, 10, 8);
        assertEquals(BigInteger.ONE, values(net, Box.cube(3, 40, 40.001)).get("stable-neurons"));
    }

    @Test
    void rankRefinementUsesTheWeightMatrixRank() {
        // Layer 1 has 4 neurons but rank 1 (all rows parallel): at most 1 + 4 = 5 pieces from it.
        Network net = Network.of(List.of(
                io.github.reluregions.model.Layer.of(new double[][] {{1, 2}, {2, 4}, {-1, -2}, {3, 6}},
                        new double[] {0, 1, 2, 3}),
                io.github.reluregions.model.Layer.of(new double[][] {{1, 1, 1, 1}}, new double[] {0})));
        assertEquals(1, AnalyticalBounds.rank(net.hiddenLayer(0).weights()));
        assertEquals(BigInteger.valueOf(5), values(net, WholeSpace.of(2)).get("serra2018-rank"));
        assertEquals(BigInteger.valueOf(11), values(net, WholeSpace.of(2)).get("serra2018"));
        // The stable-neuron bound caps by the rank of the rows that can change sign: 5 as well.
        assertEquals(BigInteger.valueOf(5), values(net, WholeSpace.of(2)).get("stable-neurons"));
        assertEquals(5, new LpEngine().count(Query.of(net, WholeSpace.of(2))).regions());
    }

    @Test
    void hugeNetworksGetExactIntegersAndTheirLogarithms() {
        List<RegionBound> bounds = AnalyticalBounds.of(Nets.randomNet(new int[] {3, 300, 300, 300, 300}, 1),
                WholeSpace.of(3));
        RegionBound trivial = bounds.get(0);
        assertEquals(BigInteger.TWO.pow(1200), trivial.value());
        assertEquals(1200 * Math.log10(2), trivial.log10(), 1e-9);
    }
}
