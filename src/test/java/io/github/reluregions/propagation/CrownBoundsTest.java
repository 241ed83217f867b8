package io.github.reluregions.propagation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.io.onnx.OnnxNetworkReader;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.plot.Table;
import io.github.reluregions.testing.DomainSamples;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CROWN bounds: sound against sampling, exact on the first layer, never looser than intervals, tighter in high dimension. */
class CrownBoundsTest {
    static final double PAD = CrownBounds.ROUNDING_PAD;
    static final Path MNIST = Path.of("..", "shared", "models", "mnistfc");

    static Stream<Arguments> cases() {
        Network small = Nets.randomNet(new int[] {8, 12, 10, 8}, 3);
        Network wide = Nets.randomNet(new int[] {64, 32, 32, 32}, 7);
        double[] center8 = point(8, 11);
        double[] center64 = point(64, 12);
        return Stream.of(
                Arguments.of("8-d box", small, Box.cube(8, -1, 1)),
                Arguments.of("8-d l1 ball", small, Ball.of(center8, 0.7, Norm.L1)),
                Arguments.of("8-d l2 ball", small, Ball.of(center8, 0.5, Norm.L2)),
                Arguments.of("64-d box", wide, Box.of(shift(center64, -0.05), shift(center64, 0.1))),
                Arguments.of("64-d linf ball", wide, Ball.of(center64, 0.03, Norm.LINF)),
                Arguments.of("64-d l1 ball", wide, Ball.of(center64, 0.5, Norm.L1)),
                Arguments.of("64-d l2 ball", wide, Ball.of(center64, 0.1, Norm.L2)),
                Arguments.of("64-d large l2 ball", wide, Ball.of(center64, 3, Norm.L2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySampledPreActivationLiesInTheBounds(String name, Network net, InputDomain domain) {
        assertHoldsAtSampledPoints(net, domain, CrownBounds.of(net, domain), 3000, new Random(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstLayerIsItsExactRange(String name, Network net, InputDomain domain) {
        CrownBounds bounds = CrownBounds.of(net, domain);
        Layer first = net.hiddenLayer(0);
        for (int i = 0; i < first.outputSize(); i++) {
            Interval exact = domain.range(first.weights()[i], first.bias(i));
            Interval got = bounds.bound(0, i);
            double scale = 1 + Math.abs(exact.lo()) + Math.abs(exact.hi());
            assertTrue(got.lo() <= exact.lo() && got.hi() >= exact.hi(), name + " neuron " + i);
            assertEquals(exact.lo(), got.lo(), 1e-9 * scale, name + " neuron " + i);
            assertEquals(exact.hi(), got.hi(), 1e-9 * scale, name + " neuron " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverLooserThanIntervalBounds(String name, Network net, InputDomain domain) {
        assertInside(CrownBounds.padded(net, domain, PAD), IntervalBounds.padded(net, domain, PAD), name);
    }

    @Test
    void inAllOfRdOnlyNeuronsIntervalsBoundAreBoundedAndNoBoundIsNaN() {
        // A constant neuron in layer 0; in layer 1 a dead neuron (weights <= 0, bias < 0), stable even in R^d.
        Network net = Network.of(List.of(
                Layer.of(new double[][] {{1, 0}, {0, 0}, {1, -1}}, new double[] {0, 2, 0}),
                Layer.of(new double[][] {{-1, 0, -2}, {1, 1, 0}}, new double[] {-1, 0}),
                Layer.of(new double[][] {{1, 1}}, new double[] {0})));
        WholeSpace rd = WholeSpace.of(2);
        CrownBounds crown = CrownBounds.of(net, rd);
        assertInside(crown, IntervalBounds.padded(net, rd, PAD), "R^2");
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(Interval.of(-inf, inf), crown.bound(0, 0));
        assertEquals(2, crown.bound(0, 1).lo(), 1e-9);
        assertEquals(2, crown.bound(0, 1).hi(), 1e-9);
        assertEquals(-1, crown.bound(1, 0).hi(), 1e-9);
        assertEquals(-inf, crown.bound(1, 0).lo());
        assertEquals(2, crown.bound(1, 1).lo(), 1e-9); // h0 + 2 >= 2
        assertEquals(inf, crown.bound(1, 1).hi());
        assertEquals(3, crown.stableCount());
    }

    @Test
    void muchTighterThanIntervalBoundsInASmallL2BallIn64Dimensions() {
        Network net = Nets.randomNet(new int[] {64, 32, 32, 32}, 7);
        Ball ball = Ball.of(point(64, 12), 0.1, Norm.L2);
        CrownBounds crown = CrownBounds.of(net, ball);
        IntervalBounds intervals = IntervalBounds.padded(net, ball, PAD);
        assertInside(crown, intervals, "64-d l2 ball");
        for (int l = 1; l < 3; l++) {
            double ratio = meanWidthRatio(crown, intervals, l);
            System.out.printf("64-d net 32x3, l2 ball r=0.1: layer %d mean width CROWN/interval = %.3f%n", l, ratio);
            assertTrue(ratio < 0.5, "layer " + l + ": mean width ratio " + ratio);
        }
        assertTrue(crown.stableCount() > intervals.stableCount(),
                crown.stableCount() + " stable vs " + intervals.stableCount());
    }

    /** The gains measured when this was written: 507 stable neurons against 505 (0.623 mean width ratio, layer 2). */
    @ParameterizedTest(name = "{0}, image {1}, radius {2}")
    @CsvSource({"mnist-net_256x2.onnx, 0, 0.002, 2"})
    void findsMoreStableNeuronsOfMnistInASmallLinfBallThanIntervals(String model, int image, double radius,
            int gain) {
        assertMoreStableOnMnist(model, image, radius, gain, 300);
    }

    @Tag("long")
    @ParameterizedTest(name = "{0}, image {1}, radius {2}")
    @CsvSource({"mnist-net_256x2.onnx, 1, 0.002, 0", "mnist-net_256x2.onnx, 2, 0.002, 0",
        "mnist-net_256x2.onnx, 0, 0.005, 1", "mnist-net_256x2.onnx, 0, 0.01, 1", "mnist-net_256x2.onnx, 0, 0.02, 1",
        "mnist-net_256x4.onnx, 0, 0.002, 10", "mnist-net_256x6.onnx, 0, 0.002, 500", "mnist-net_256x6.onnx, 3, 0.002, 500"})
    void findsMoreStableNeuronsOfDeeperMnistNetsAndLargerBallsThanIntervals(String model, int image, double radius,
            int gain) {
        assertMoreStableOnMnist(model, image, radius, gain, 3000);
    }

    @Tag("long")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void manySampledPointsLieInTheBounds(String name, Network net, InputDomain domain) {
        assertHoldsAtSampledPoints(net, domain, CrownBounds.of(net, domain), 100_000, new Random(2));
    }

    /** At least {@code gain} more stable neurons than interval bounds find, and every interval inside theirs. */
    private static void assertMoreStableOnMnist(String model, int image, double radius, int gain, int samples) {
        Path file = MNIST.resolve(model);
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/models/mnistfc is not beside the project");
        Network net = OnnxNetworkReader.read(file);
        Ball ball = Ball.of(image(image), radius, Norm.LINF);
        CrownBounds crown = CrownBounds.of(net, ball);
        IntervalBounds intervals = IntervalBounds.padded(net, ball, PAD);
        assertInside(crown, intervals, model);
        assertHoldsAtSampledPoints(net, ball, crown, samples, new Random(3));
        int neurons = net.hiddenNeuronCount();
        System.out.printf("%s image %d, linf ball r=%s: stable neurons CROWN %d, interval %d (of %d);"
                + " mean width ratio of the last layer %.3g%n", model, image, radius, crown.stableCount(),
                intervals.stableCount(), neurons, meanWidthRatio(crown, intervals, net.hiddenLayerCount() - 1));
        assertTrue(crown.stableCount() >= intervals.stableCount() + gain,
                crown.stableCount() + " stable vs " + intervals.stableCount());
    }

    static void assertHoldsAtSampledPoints(Network net, InputDomain domain, PreActivationBounds bounds, int samples,
            Random random) {
        for (int s = 0; s < samples; s++) {
            double[] x = s % 4 == 0 ? DomainSamples.extreme(domain, random) : DomainSamples.uniform(domain, random);
            double[][] z = net.hiddenPreActivations(x);
            for (int l = 0; l < z.length; l++) {
                for (int i = 0; i < z[l].length; i++) {
                    Interval bound = bounds.bound(l, i);
                    if (!(bound.lo() <= z[l][i] && z[l][i] <= bound.hi())) {
                        throw new AssertionError(domain.describe() + ": sample " + s + ", layer " + l + " neuron " + i
                                + " has pre-activation " + z[l][i] + " outside " + bound);
                    }
                }
            }
        }
    }

    /** Every interval of {@code inner} lies inside the one of {@code outer}. */
    static void assertInside(PreActivationBounds inner, PreActivationBounds outer, String name) {
        for (int l = 0; l < outer.layers().size(); l++) {
            for (int i = 0; i < outer.layers().get(l).length; i++) {
                Interval in = inner.bound(l, i);
                Interval out = outer.bound(l, i);
                assertTrue(out.lo() <= in.lo() && in.hi() <= out.hi(),
                        name + ": layer " + l + " neuron " + i + ": " + in + " is not inside " + out);
            }
        }
    }

    /** The mean over layer {@code l}'s neurons of the width of {@code tight} over that of {@code loose}. */
    static double meanWidthRatio(PreActivationBounds tight, PreActivationBounds loose, int l) {
        Interval[] a = tight.layers().get(l);
        Interval[] b = loose.layers().get(l);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i].hi() - a[i].lo()) / (b[i].hi() - b[i].lo());
        }
        return sum / a.length;
    }

    static double[] image(int row) {
        Table table = Table.read(MNIST.resolve("test_images.csv"));
        double[] x = new double[784];
        for (int j = 0; j < x.length; j++) {
            x[j] = table.number(row, "x" + j, table.rows().get(row).get(j));
        }
        return x;
    }

    private static double[] point(int d, long seed) {
        Random random = new Random(seed);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = 2 * random.nextDouble() - 1;
        }
        return x;
    }

    private static double[] shift(double[] x, double by) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] += by;
        }
        return y;
    }
}
