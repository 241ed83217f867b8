package io.github.reluregions.compile;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.propagation.CrownBounds;
import io.github.reluregions.propagation.IntervalBounds;
import io.github.reluregions.solver.LinearBalls;
import io.github.reluregions.solver.OrTools;
import io.github.reluregions.solver.SolveLimit;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds the compiled models take: CROWN propagation, then LP. Checked against the exact range of every
 * neuron, the largest and smallest value over every activation pattern's closed piece (one LP each).
 */
class NeuronBoundsTest {
    /** How far an exact range from GLOP may be off. */
    static final double LP_TOLERANCE = 1e-6;

    static Stream<Arguments> smallNets() {
        Network net = Nets.randomNet(new int[] {3, 4, 4, 3}, 5);
        return Stream.of(
                Arguments.of("box", net, Box.cube(3, -1, 1)),
                Arguments.of("linf ball", net, Ball.of(new double[] {0.3, -0.2, 0.5}, 0.4, Norm.LINF)),
                Arguments.of("l1 ball", net, Ball.of(new double[] {0.3, -0.2, 0.5}, 0.8, Norm.L1)),
                Arguments.of("wide box", Nets.randomNet(new int[] {4, 5, 4, 2}, 8), Box.cube(4, -3, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallNets")
    void crownAndLpBoundsHoldTheExactRangesAndCrownIsExactOnTheFirstLayer(String name, Network net,
            InputDomain domain) {
        Interval[][] exact = exactRanges(net, domain);
        CrownBounds crown = CrownBounds.of(net, domain);
        NeuronBounds lp = NeuronBounds.tightenedByLp(net, domain, SolveLimit.NONE);
        for (int l = 0; l < exact.length; l++) {
            for (int i = 0; i < exact[l].length; i++) {
                String where = name + ": layer " + l + " neuron " + i + ", exact " + exact[l][i];
                double tolerance = LP_TOLERANCE * (1 + Math.abs(exact[l][i].lo()) + Math.abs(exact[l][i].hi()));
                Interval propagated = crown.bound(l, i);
                assertTrue(propagated.lo() <= exact[l][i].lo() + tolerance, where + ", CROWN " + propagated);
                assertTrue(propagated.hi() >= exact[l][i].hi() - tolerance, where + ", CROWN " + propagated);
                assertTrue(lp.lower(l, i) <= exact[l][i].lo() + tolerance, where + ", LP low " + lp.lower(l, i));
                assertTrue(lp.upper(l, i) >= exact[l][i].hi() - tolerance, where + ", LP high " + lp.upper(l, i));
                assertTrue(propagated.lo() <= lp.lower(l, i) && lp.upper(l, i) <= propagated.hi(), where);
                if (l == 0) {
                    assertEquals(exact[l][i].lo(), propagated.lo(), tolerance, where);
                    assertEquals(exact[l][i].hi(), propagated.hi(), tolerance, where);
                }
            }
        }
    }

    @Test
    void theLpTighteningStartsFromCrownAndSolvesFewerLps() {
        Network net = Nets.randomNet(new int[] {64, 24, 24}, 7);
        Random random = new Random(4);
        double[] center = new double[64];
        for (int j = 0; j < center.length; j++) {
            center[j] = 2 * random.nextDouble() - 1;
        }
        Ball ball = Ball.of(center, 0.03, Norm.LINF);
        CrownBounds crown = CrownBounds.of(net, ball);
        IntervalBounds intervals = IntervalBounds.padded(net, ball, NeuronBounds.ROUNDING_PAD);
        NeuronBounds bounds = NeuronBounds.tightenedByLp(net, ball, SolveLimit.NONE);
        int crownUnstable = unstableInLayer1(crown.layers().get(1));
        int intervalUnstable = unstableInLayer1(intervals.layers().get(1));
        assertEquals(2L * crownUnstable, bounds.lps());
        System.out.printf("64-d net 24x2, linf ball r=0.03: layer 1 unstable CROWN %d, interval %d; LPs %d%n",
                crownUnstable, intervalUnstable, bounds.lps());
        assertTrue(crownUnstable < intervalUnstable, crownUnstable + " unstable vs " + intervalUnstable);
        int tighter = 0;
        for (int i = 0; i < 24; i++) {
            assertTrue(crown.bound(1, i).lo() <= bounds.lower(1, i) && bounds.upper(1, i) <= crown.bound(1, i).hi());
            double width = crown.bound(1, i).hi() - crown.bound(1, i).lo();
            if (bounds.upper(1, i) - bounds.lower(1, i) < 0.99 * width) {
                tighter++;
            }
        }
        // The duals' certificate is tight, not just sound: the LP narrows most unstable neurons.
        assertTrue(tighter >= crownUnstable / 2, tighter + " of " + crownUnstable + " narrowed by the LP");
    }

    /** Once the limit says stop, no more LPs run and the neurons left keep their propagated bounds. */
    @Test
    void theLpTighteningStopsWhenItsLimitSaysSo() {
        Network net = Nets.randomNet(new int[] {64, 24, 24}, 7);
        Ball ball = Ball.of(new double[64], 0.05, Norm.LINF);
        NeuronBounds propagated = NeuronBounds.propagated(net, ball);
        NeuronBounds none = NeuronBounds.tightenedByLp(net, ball, new SolveLimit(() -> true, () -> 0));
        assertEquals(0, none.lps());
        for (int i = 0; i < 24; i++) {
            assertEquals(propagated.lower(1, i), none.lower(1, i));
            assertEquals(propagated.upper(1, i), none.upper(1, i));
        }
        int[] asked = {0};
        NeuronBounds five = NeuronBounds.tightenedByLp(net, ball,
                new SolveLimit(() -> ++asked[0] > 5, () -> Double.POSITIVE_INFINITY));
        assertEquals(5, five.lps());
    }

    private static int unstableInLayer1(Interval[] layer) {
        int unstable = 0;
        for (Interval interval : layer) {
            unstable += interval.lo() > 0 || interval.hi() <= 0 ? 0 : 1;
        }
        return unstable;
    }

    /**
     * The exact range of every hidden neuron: layer {@code l}'s extremes over the closed piece of every
     * pattern of the layers before it (brute force: 2^(n_1 + ... + n_{l-1}) patterns, two LPs a neuron).
     */
    static Interval[][] exactRanges(Network net, InputDomain domain) {
        OrTools.load();
        int d = net.inputDimension();
        Interval[][] ranges = new Interval[net.hiddenLayerCount()][];
        int before = 0;
        for (int l = 0; l < ranges.length; l++) {
            int n = net.hiddenLayer(l).outputSize();
            double[] lo = new double[n];
            double[] hi = new double[n];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (long bits = 0; bits < (1L << before); bits++) {
                MPSolver lp = MPSolver.createSolver("GLOP");
                try {
                    MPVariable[] x = MilpModel.inputVariables(lp, domain, 0, "x");
                    if (domain instanceof Ball ball && ball.norm() == Norm.L1) {
                        LinearBalls.addL1Ball(lp, x, ball, ball.radius(), null, 0);
                    }
                    // The affine map x -> z of the current layer on this piece, and the piece's constraints.
                    double[][] map = identity(d);
                    double[] offset = new double[d];
                    int k = 0;
                    for (int m = 0; m < l; m++) {
                        Layer layer = net.hiddenLayer(m);
                        double[][] z = compose(layer, map, offset);
                        double[] zOffset = offsetOf(layer, offset);
                        for (int i = 0; i < z.length; i++, k++) {
                            boolean on = ((bits >> k) & 1) == 1;
                            MPConstraint sign = on ? lp.makeConstraint(-zOffset[i], MPSolver.infinity())
                                    : lp.makeConstraint(-MPSolver.infinity(), -zOffset[i]);
                            for (int j = 0; j < d; j++) {
                                sign.setCoefficient(x[j], z[i][j]);
                            }
                            if (!on) {
                                z[i] = new double[d];
                                zOffset[i] = 0;
                            }
                        }
                        map = z;
                        offset = zOffset;
                    }
                    Layer layer = net.hiddenLayer(l);
                    double[][] z = compose(layer, map, offset);
                    double[] zOffset = offsetOf(layer, offset);
                    MPObjective objective = lp.objective();
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < d; j++) {
                            objective.setCoefficient(x[j], z[i][j]);
                        }
                        objective.setOffset(zOffset[i]);
                        objective.setMaximization();
                        if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                            break; // an empty piece
                        }
                        hi[i] = Math.max(hi[i], objective.value());
                        objective.setMinimization();
                        lp.solve();
                        lo[i] = Math.min(lo[i], objective.value());
                    }
                } finally {
                    lp.delete();
                }
            }
            ranges[l] = new Interval[n];
            for (int i = 0; i < n; i++) {
                ranges[l][i] = Interval.of(lo[i], hi[i]);
            }
            before += n;
        }
        return ranges;
    }

    private static double[][] identity(int d) {
        double[][] identity = new double[d][d];
        for (int j = 0; j < d; j++) {
            identity[j][j] = 1;
        }
        return identity;
    }

    /** The linear part of {@code layer} applied to {@code map}: {@code W map}. */
    private static double[][] compose(Layer layer, double[][] map, double[] offset) {
        int d = map[0].length;
        double[][] result = new double[layer.outputSize()][d];
        for (int i = 0; i < result.length; i++) {
            for (int k = 0; k < layer.inputSize(); k++) {
                for (int j = 0; j < d; j++) {
                    result[i][j] += layer.weight(i, k) * map[k][j];
                }
            }
        }
        return result;
    }

    /** The offset of {@code layer} applied to an affine map with {@code offset}: {@code W offset + b}. */
    private static double[] offsetOf(Layer layer, double[] offset) {
        double[] result = new double[layer.outputSize()];
        for (int i = 0; i < result.length; i++) {
            result[i] = layer.bias(i);
            for (int k = 0; k < layer.inputSize(); k++) {
                result[i] += layer.weight(i, k) * offset[k];
            }
        }
        return result;
    }
}
