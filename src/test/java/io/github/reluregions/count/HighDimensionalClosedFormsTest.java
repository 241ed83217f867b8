package io.github.reluregions.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.HighDim.Shape;
import io.github.reluregions.testing.HighDim;
import io.github.reluregions.testing.Nets;
import io.github.reluregions.testing.WitnessAudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts known in closed form, in 3 to 784 input dimensions, in boxes and in L1, L2 and L-infinity balls of
 * radius 1e-3 to 1e3: central arrangements (2^k cones, or 2 sum_{j<d} C(k-1, j) when k > d), hyperplanes
 * through one flat that misses the domain's center (2^m), the tent map along a random direction (2^L),
 * and block-diagonal nets (products). Every witness is re-verified independently and random points of the
 * domain (uniform, and at radius fractions 0.1..0.9) must take only counted patterns. One subclass per engine.
 */
public abstract class HighDimensionalClosedFormsTest {
    /** Keeps a search that would never end from hanging the suite; a count it stops is incomplete and fails. */
    static final double GUARD_SECONDS = 60;
    static final int SAMPLES = 2000;

    protected abstract ExactCounter createCounter();

    /** False for an engine that cannot count in this shape; its cases are then skipped. */
    boolean supports(Shape shape, int d) {
        return true;
    }

    private WitnessAudit.Outcome count(Network net, InputDomain domain) {
        return WitnessAudit.count(createCounter(), net, domain, GUARD_SECONDS);
    }

    static Stream<Arguments> quickCentralCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (double r : new double[] {0.1, 0.5, 1e-3, 1e3}) {
                cases.add(Arguments.of(3, 6, shape, r));   // k > d: 2 (1 + 5 + 10) = 32
            }
            cases.add(Arguments.of(8, 9, shape, 0.5));      // k > d: 2 (2^8 - 1) = 510
            cases.add(Arguments.of(8, 6, shape, 0.1));      // 64
            for (double r : new double[] {0.1, 0.5}) {
                cases.add(Arguments.of(64, 6, shape, r));   // 64
                cases.add(Arguments.of(64, 8, shape, r));   // 256
            }
        }
        for (double r : new double[] {1e-3, 1e3}) {
            cases.add(Arguments.of(8, 8, Shape.L2, r));
            cases.add(Arguments.of(64, 6, Shape.L2, r));
        }
        return cases.stream();
    }

    static Stream<Arguments> longCentralCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (double r : new double[] {0.1, 0.5, 1e-3, 1e3}) {
                cases.add(Arguments.of(64, 10, shape, r));  // 1024
                cases.add(Arguments.of(784, 8, shape, r));  // 256
            }
            cases.add(Arguments.of(8, 12, shape, 0.5));     // k > d: 3632
            cases.add(Arguments.of(784, 6, shape, 0.1));    // 64
            cases.add(Arguments.of(784, 6, shape, 0.5));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "d={0} k={1} {2} r={3}")
    @MethodSource("quickCentralCases")
    void centralArrangementHasTheClosedFormCountAroundItsCenter(int d, int k, Shape shape, double r) {
        checkCentral(d, k, shape, r);
    }

    @ParameterizedTest(name = "d={0} k={1} {2} r={3}")
    @MethodSource("longCentralCases")
    @Tag("long")
    void centralArrangementHasTheClosedFormCountAroundItsCenterAtScale(int d, int k, Shape shape, double r) {
        checkCentral(d, k, shape, r);
    }

    private void checkCentral(int d, int k, Shape shape, double r) {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(shape, d), "engine does not count in " + shape);
        HighDim.Central c = HighDim.central(d, k, 7000L + 31L * d + k);
        InputDomain domain = shape.around(c.point(), r);
        count(c.net(), domain).assertExact(HighDim.centralCount(k, d), SAMPLES, 1 + d + k,
                "central d=" + d + " k=" + k + " " + domain.describe());
    }

    @Test
    void closedFormOfCentralArrangementsIsRight() {
        assertEquals(32, HighDim.centralCount(6, 3));
        assertEquals(510, HighDim.centralCount(9, 8));
        assertEquals(3632, HighDim.centralCount(12, 8));
        assertEquals(1024, HighDim.centralCount(10, 64));
        assertEquals(256, HighDim.centralCount(8, 784));
        assertEquals(14, HighDim.centralCount(7, 2)); // 2k lines' sectors in the plane
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void hyperplanesThroughAFlatOffTheCenterGiveTwoToTheM(Shape shape) {
        checkFlat(64, 7, shape);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    @Tag("long")
    void hyperplanesThroughAFlatOffTheCenterGiveTwoToTheMAtScale(Shape shape) {
        checkFlat(64, 10, shape);
        checkFlat(784, 8, shape);
    }

    /**
     * m <= d random hyperplanes with random biases (not through the domain's center) meet in a (d - m)-flat;
     * when a point of it lies inside the domain all 2^m patterns occur there, and there are no others.
     */
    private void checkFlat(int d, int m, Shape shape) {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(shape, d), "engine does not count in " + shape);
        Network net = Nets.randomOneLayer(d, m, 8100 + d + m);
        double[] x = HighDim.commonPoint(net);
        assertNotNull(x);
        double[] center = new double[d];
        InputDomain domain = shape.around(center, shape == Shape.L1 ? 3 : 1);
        double clearance = HighDim.boundaryDistance(domain, x);
        assertTrue(clearance > 0.01, "the flat's point must lie well inside " + domain.describe() + ": " + clearance);
        count(net, domain).assertExact(1L << m, SAMPLES, 5, "flat d=" + d + " m=" + m + " " + domain.describe());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void tentMapAlongARandomDirectionHasTwoToTheDepthSlabs(Shape shape) {
        checkTent(64, 4, shape);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    @Tag("long")
    void tentMapAlongARandomDirectionHasTwoToTheDepthSlabsAtScale(Shape shape) {
        checkTent(64, 6, shape);
        checkTent(784, 5, shape);
    }

    /** The domain is placed so that u.x ranges exactly over (0, 1): every one of the 2^L slabs meets it. */
    private void checkTent(int d, int depth, Shape shape) {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(shape, d), "engine does not count in " + shape);
        Random random = new Random(40 + d + depth);
        double[] u = HighDim.unitVector(d, random);
        double[] center = new double[d];
        for (int j = 0; j < d; j++) {
            center[j] = random.nextGaussian();
        }
        double along = 0;
        for (int j = 0; j < d; j++) {
            along += u[j] * center[j];
        }
        for (int j = 0; j < d; j++) {
            center[j] += (0.5 - along) * u[j]; // u.center = 1/2
        }
        Norm reach = switch (shape) {
            case L1 -> Norm.LINF; // the dual norms: u.x spreads r |u|_dual about u.center
            case L2 -> Norm.L2;
            case LINF, BOX -> Norm.L1;
        };
        InputDomain domain = shape.around(center, 0.5 / reach.of(u));
        assertEquals(0.5, domain.range(u, 0).hi() - 0.5, 1e-9);
        count(HighDim.tentMapAlong(u, depth), domain).assertExact(1L << depth, SAMPLES, 6,
                "tent map depth " + depth + " in " + domain.describe());
    }

    /** Protected so that an engine's subclass can leave it to the long run (milp's does). */
    @Test
    protected void blockDiagonalCentralArrangementsMultiplyInABox() {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(Shape.BOX, 64));
        HighDim.Central a = HighDim.central(32, 4, 91);
        HighDim.Central b = HighDim.central(32, 5, 92);
        Network net = Nets.blockDiagonal(a.net(), b.net());
        double[] p = new double[64];
        System.arraycopy(a.point(), 0, p, 0, 32);
        System.arraycopy(b.point(), 0, p, 32, 32);
        count(net, Shape.BOX.around(p, 0.3)).assertExact(16 * 32, SAMPLES, 7, "block-diagonal 32+32");
    }

    @Test
    void blockDiagonalOfATentMapAndACentralArrangementMultiplies() {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(Shape.BOX, 64));
        HighDim.Central c = HighDim.central(63, 5, 93);
        Network net = Nets.blockDiagonal(Nets.tentMap(1), c.net());
        double[] lower = new double[64];
        double[] upper = new double[64];
        lower[0] = 0;
        upper[0] = 1;
        for (int j = 1; j < 64; j++) {
            lower[j] = c.point()[j - 1] - 0.5;
            upper[j] = c.point()[j - 1] + 0.5;
        }
        count(net, Box.of(lower, upper)).assertExact(2 * 32, SAMPLES, 8, "tent(1) x central(63, 5)");
    }

    /** Protected so that an engine's subclass can leave it to the long run (milp's does). */
    @Test
    protected void blockDiagonalRandomNetsMultiplyTheirOwnCounts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(supports(Shape.BOX, 64));
        Network a = Nets.randomNet(new int[] {32, 4, 3}, 94);
        Network b = Nets.randomNet(new int[] {32, 3, 3}, 95);
        WitnessAudit.Outcome ca = count(a, Box.cube(32, -0.3, 0.3));
        WitnessAudit.Outcome cb = count(b, Box.cube(32, -0.3, 0.3));
        assertTrue(ca.complete() && cb.complete(), ca + " / " + cb);
        count(Nets.blockDiagonal(a, b), Box.cube(64, -0.3, 0.3)).assertExact(ca.regions() * cb.regions(), SAMPLES, 9,
                "block-diagonal of " + ca.regions() + " x " + cb.regions());
    }

    @Test
    void ballCentersAndScalesAreWhatTheCasesSay() {
        HighDim.Central c = HighDim.central(64, 8, 7000L + 31L * 64 + 8);
        Ball ball = (Ball) Shape.L2.around(c.point(), 0.1);
        assertEquals(0.1, ball.radius());
        for (int i = 0; i < 8; i++) {
            assertEquals(0, ball.range(c.net().hiddenLayer(0).weights()[i], c.net().hiddenLayer(0).bias(i)).lo()
                    + ball.range(c.net().hiddenLayer(0).weights()[i], c.net().hiddenLayer(0).bias(i)).hi(), 1e-9,
                    "every hyperplane passes through the center");
        }
    }
}
