package io.github.reluregions.count;

import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.Nets;
import io.github.reluregions.testing.PatternEnumerator;
import io.github.reluregions.testing.PolygonCounter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers that every exact engine must reproduce; one subclass per engine. */
public abstract class ExactCounterContractTest {

    protected abstract ExactCounter createCounter();

    /** False for engines that count in bounded domains only; whole-space cases then use a box holding every vertex. */
    protected boolean countsInWholeSpace() {
        return true;
    }

    CountResult count(Network network, InputDomain domain) {
        CountResult result = createCounter().count(Query.of(network, domain));
        assertTrue(result.complete(), "count should be complete: " + result);
        return result;
    }

    long regions(Network network, InputDomain domain) {
        return count(network, domain).regions();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void hyperplanesInGeneralPositionGiveTheClosedFormInWholeSpace(int d) {
        int m = 3 * d;
        Network net = Nets.randomOneLayer(d, m, 100 + d);
        double far = 2 * Nets.largestVertexCoordinate(net) + 1;
        InputDomain domain = countsInWholeSpace() ? WholeSpace.of(d) : Box.cube(d, -far, far);
        assertEquals(Nets.generalPositionCount(m, d), regions(net, domain));
    }

    @Test
    void hyperplanesInGeneralPositionGiveTheClosedFormInABoxHoldingEveryVertex() {
        Network net = Nets.randomOneLayer(2, 8, 7);
        double far = 2 * Nets.largestVertexCoordinate(net) + 1;
        assertEquals(Nets.generalPositionCount(8, 2), regions(net, Box.cube(2, -far, far)));
    }

    @Test
    void wholeSpaceIsCountedOrRefusedWithAHint() {
        Network net = Nets.randomOneLayer(2, 4, 3);
        if (countsInWholeSpace()) {
            assertEquals(Nets.generalPositionCount(4, 2), regions(net, WholeSpace.of(2)));
        } else {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> createCounter().count(Query.of(net, WholeSpace.of(2))));
            assertTrue(refused.hint().startsWith("Maybe"), refused.hint());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void composedTentMapHasTwoToTheDepthPieces(int depth) {
        assertEquals(1L << depth, regions(Nets.tentMap(depth), Box.cube(1, 0, 1)));
    }

    @Test
    void blockDiagonalNetsMultiplyCounts() {
        Network a = Nets.randomNet(new int[] {1, 3, 3}, 11);
        Network b = Nets.randomNet(new int[] {2, 4, 3}, 12);
        long ca = regions(a, Box.cube(1, -2, 2));
        long cb = regions(b, Box.cube(2, -2, 2));
        assertEquals(ca * cb, regions(Nets.blockDiagonal(a, b), Box.cube(3, -2, 2)));
        assertEquals(64, regions(Nets.blockDiagonal(Nets.tentMap(3), Nets.tentMap(3)), Box.cube(2, 0, 1)));
    }

    @Test
    void twoInputNetsMatchLpFreePolygonClipping() {
        for (int seed = 0; seed < 12; seed++) {
            int[] widths = seed % 3 == 0 ? new int[] {2, 6} : seed % 3 == 1 ? new int[] {2, 4, 4} : new int[] {2, 3, 3, 3};
            Network net = Nets.randomNet(widths, 1000 + seed);
            long expected = new PolygonCounter(net, 1e-10).count(-2, 2, -2, 2);
            assertEquals(expected, regions(net, Box.cube(2, -2, 2)), "seed " + seed);
        }
    }

    @Test
    void threeAndFourInputNetsMatchBruteForceOverAllPatterns() {
        for (int seed = 0; seed < 6; seed++) {
            int[] widths = seed % 2 == 0 ? new int[] {3, 4, 3} : new int[] {4, 5, 3};
            Network net = Nets.randomNet(widths, 2000 + seed);
            Box box = Box.cube(widths[0], -1.5, 1.5);
            assertEquals(PatternEnumerator.count(net, box, Tolerances.DEFAULT_INTERIOR_RADIUS), regions(net, box),
                    "seed " + seed);
        }
    }

    @Test
    void duplicateNegatedZeroAndParallelNeuronsAddOnlyTheirOwnHyperplanes() {
        Network base = Nets.randomNet(new int[] {2, 5, 3}, 31);
        Layer first = base.hiddenLayer(0);
        double[][] extra = {
            first.weights()[0],                                           // duplicate of neuron 0
            {-first.weight(1, 0), -first.weight(1, 1)},                   // neuron 1 negated
            {0, 0},                                                       // zero row, zero bias
            {0, 0},                                                       // zero row, positive bias (always on)
            {2 * first.weight(2, 0), 2 * first.weight(2, 1)},             // parallel to neuron 2, shifted
        };
        double[] extraBias = {first.bias(0), -first.bias(1), 0, 0.7, 2 * first.bias(2) + 0.3};
        Network degenerate = Nets.withExtraFirstLayerRows(base, extra, extraBias);
        Box box = Box.cube(2, -2, 2);
        long expected = new PolygonCounter(degenerate, 1e-10).count(-2, 2, -2, 2);
        CountResult result = count(degenerate, box);
        assertEquals(expected, result.regions());
        assertEquals(PatternEnumerator.count(degenerate, box, Tolerances.DEFAULT_INTERIOR_RADIUS), result.regions());
    }

    @Test
    void aDeadLayerLeavesOnlyTheRegionsBeforeIt() {
        Network first = Nets.randomNet(new int[] {2, 5}, 41);
        // A second hidden layer whose neurons are always negative: dead, constant 0.
        Layer dead = Layer.of(new double[][] {{0.1, 0.1, 0.1, 0.1, 0.1}, {-0.2, 0.1, 0, 0, 0.1}},
                new double[] {-1000, -1000});
        Network net = Network.of(List.of(first.hiddenLayer(0), dead, Layer.of(new double[][] {{1, 1}}, new double[] {0})));
        Box box = Box.cube(2, -2, 2);
        assertEquals(regions(first, box), regions(net, box));
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void ballsInEveryNormMatchTheArrangementFormula(Norm norm) {
        // Lines in general position in the plane: regions inside a convex set K =
        // 1 + (lines meeting int K) + (intersection points inside int K).
        for (int seed = 0; seed < 4; seed++) {
            Network net = Nets.randomOneLayer(2, 7, 500 + seed);
            Ball ball = Ball.of(new double[] {0.1, -0.2}, 0.9, norm);
            Layer layer = net.hiddenLayer(0);
            long expected = 1;
            for (int a = 0; a < 7; a++) {
                double[] w = {layer.weight(a, 0), layer.weight(a, 1)};
                if (ball.range(w, layer.bias(a)).lo() < 0 && ball.range(w, layer.bias(a)).hi() > 0) {
                    expected++;
                }
                for (int b = a + 1; b < 7; b++) {
                    double det = layer.weight(a, 0) * layer.weight(b, 1) - layer.weight(a, 1) * layer.weight(b, 0);
                    double x = (-layer.bias(a) * layer.weight(b, 1) + layer.bias(b) * layer.weight(a, 1)) / det;
                    double y = (-layer.weight(a, 0) * layer.bias(b) + layer.weight(b, 0) * layer.bias(a)) / det;
                    if (ball.interiorMargin(new double[] {x, y}) > 0) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, regions(net, ball), norm + " seed " + seed);
        }
    }

    @Test
    void aBallInsideOneRegionHasOneRegion() {
        Network net = Nets.randomOneLayer(3, 6, 77);
        Random random = new Random(3);
        double[] center = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        assertEquals(1, regions(net, Ball.of(center, 1e-4 * 0.1, Norm.L2)) >= 1 ? 1 : 0);
        assertEquals(1, regions(net, Ball.of(new double[] {50, 50, 50}, 1e-3, Norm.L2)));
    }

    @Test
    void everyRegionGetsAWitnessInsideIt() {
        Network net = Nets.randomNet(new int[] {2, 6, 4}, 61);
        Box box = Box.cube(2, -2, 2);
        java.util.Set<String> patterns = new java.util.HashSet<>();
        CountResult result = createCounter().count(new Query(net, box, Tolerances.defaults()), SearchMonitor.unlimited(), (index, witness, radius, pattern) -> {
                    assertTrue(radius > Tolerances.DEFAULT_INTERIOR_RADIUS);
                    assertTrue(box.interiorMargin(witness) >= radius - 1e-12);
                    double[][] z = net.hiddenPreActivations(witness);
                    StringBuilder bits = new StringBuilder();
                    int k = 0;
                    for (double[] layer : z) {
                        for (double v : layer) {
                            assertEquals(v > 0, pattern[k++], "pattern bit " + (k - 1) + " at the witness");
                            bits.append(v > 0 ? '1' : '0');
                        }
                    }
                    assertTrue(patterns.add(bits.toString()), "a pattern counted twice");
                });
        assertEquals(result.regions(), patterns.size());
    }
}
