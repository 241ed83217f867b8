package io.github.reluregions.probabilistic.search;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParityCellSearchTest {

    /** Each position in each row with probability {@code density}, uniform parity bits. */
    static ParitySystem randomSystem(int positions, int rows, double density, Random random) {
        List<BitSet> supports = new ArrayList<>();
        boolean[] odd = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            BitSet row = new BitSet();
            for (int p = 0; p < positions; p++) {
                if (random.nextDouble() < density) {
                    row.set(p);
                }
            }
            supports.add(row);
            odd[r] = random.nextBoolean();
        }
        return ParitySystem.of(positions, supports, odd);
    }

    private static void assertCountsTheSatisfyingRegions(String name, Network net, InputDomain domain, Random random) {
        List<boolean[]> all = ParitySearchTest.patterns(net, domain);
        int n = net.hiddenNeuronCount();
        for (int rows = 0; rows <= Math.min(n, 7); rows++) {
            for (double density : new double[] {0.5, 2.0 / n}) {
                ParitySystem system = randomSystem(n, rows, density, random);
                long expected = all.stream().filter(system::isSatisfiedBy).count();
                CountResult result = ParityCellSearch.count(new Query(net, domain, Tolerances.defaults()), system, Long.MAX_VALUE, SearchMonitor.unlimited());
                assertTrue(result.complete(), name);
                assertEquals(expected, result.regions(), name + ", " + rows + " rows, density " + density);
            }
        }
    }

    @Test
    void countsExactlyTheRegionsWhosePatternsSatisfyTheSystem() {
        Random random = new Random(5);
        assertCountsTheSatisfyingRegions("2-6-5 box", Nets.randomNet(new int[] {2, 6, 5}, 3), Box.cube(2, -2, 2),
                random);
        assertCountsTheSatisfyingRegions("tent map", Nets.tentMap(4), Box.cube(1, 0, 1), random);
        assertCountsTheSatisfyingRegions("3-9 whole space", Nets.randomOneLayer(3, 9, 4), WholeSpace.of(3), random);
        assertCountsTheSatisfyingRegions("3-5-4-4 L2 ball", Nets.randomNet(new int[] {3, 5, 4, 4}, 8),
                Ball.of(new double[] {0.1, -0.2, 0.3}, 1.5, Norm.L2), random);
        assertCountsTheSatisfyingRegions("2-12 L-inf ball", Nets.randomOneLayer(2, 12, 21),
                Ball.of(new double[] {0.5, 0.5}, 0.7, Norm.LINF), random);
    }

    @Test
    void degenerateNeuronsAreCountedOnce() {
        // Duplicate, negated, zero and parallel rows: each region is still one pattern.
        Network base = Nets.randomNet(new int[] {2, 5, 3}, 17);
        double[] w0 = base.hiddenLayer(0).weights()[0];
        double b0 = base.hiddenLayer(0).bias(0);
        Network net = Nets.withExtraFirstLayerRows(base,
                new double[][] {w0.clone(), {-w0[0], -w0[1]}, {0, 0}, {2 * w0[0], 2 * w0[1]}},
                new double[] {b0, -b0, 0.5, 2 * b0 + 0.3});
        Random random = new Random(2);
        assertCountsTheSatisfyingRegions("degenerate", net, Box.cube(2, -2, 2), random);
    }

    @Test
    void manyRandomNetsAgreeWithTheLpEngine() {
        Random random = new Random(42);
        for (int seed = 0; seed < 12; seed++) {
            int d = 1 + seed % 4;
            int[] widths = seed % 3 == 0 ? new int[] {d, 7} : new int[] {d, 4 + seed % 3, 3 + seed % 2};
            Network net = Nets.randomNet(widths, 100 + seed);
            assertCountsTheSatisfyingRegions("seed " + seed, net, Box.cube(d, -1.5, 1.5), random);
        }
    }

    @Test
    void bothParitySearchesStopAtTheLimitWithARegionLimitStop() {
        Network net = Nets.randomOneLayer(2, 8, 7);
        for (CountResult result : List.of(
                ParityCellSearch.count(new Query(net, Box.cube(2, -3, 3), Tolerances.defaults()), ParitySystem.none(8), 5, SearchMonitor.unlimited()),
                ParitySearch.count(new Query(net, Box.cube(2, -3, 3), Tolerances.defaults()), ParitySystem.none(8), 5, SearchMonitor.unlimited()))) {
            assertEquals(5, result.regions());
            assertEquals(StopReason.REGION_LIMIT, result.stopReason());
        }
    }

    @Test
    void anInconsistentSystemHasNoRegion() {
        Network net = Nets.randomOneLayer(2, 6, 3);
        BitSet row = new BitSet();
        row.set(1);
        row.set(4);
        ParitySystem contradiction = ParitySystem.of(6, List.of(row, row), new boolean[] {true, false});
        CountResult result = ParityCellSearch.count(new Query(net, Box.cube(2, -3, 3), Tolerances.defaults()), contradiction, Long.MAX_VALUE, SearchMonitor.unlimited());
        assertEquals(0, result.regions());
        assertTrue(result.complete());
    }
}
