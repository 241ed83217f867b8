package io.github.reluregions.compile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integer arithmetic behind the CP-SAT model, checked against the network evaluated in Java: at
 * random points and with the true pattern there, the integer chain stays within its error bounds and
 * satisfies the on/off thresholds; with integer weights it is exact.
 */
class IntegerPlanTest {
    static final double TAU = 1e-7;

    @Test
    void anIntegerNetworkIsScaledExactly() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "integer_2x6x4.json"));
        Box box = Box.cube(2, -3, 3);
        IntegerPlan plan = IntegerPlan.of(net, box, TAU, NeuronBounds.propagated(net, box));
        assertTrue(plan.exact);
        assertEquals(0.0, plan.relaxation());
        Random random = new Random(1);
        for (int trial = 0; trial < 500; trial++) {
            long[] lattice = randomLatticePoint(plan, random);
            double[] x = toInput(plan, lattice);
            Chain chain = Chain.run(plan, lattice, net.hiddenPreActivations(x));
            assertTrue(chain.thresholdsHold, "thresholds at " + java.util.Arrays.toString(x));
            // Exact: every integer pre-activation is A z, to the last unit (z is exact in doubles here).
            assertEquals(0, chain.largestDeviation.compareTo(BigDecimal.valueOf(1e-6)) > 0 ? 1 : 0,
                    "deviation " + chain.largestDeviation);
        }
    }

    @Test
    void aDyadicNetworkIsExactAndADecimalOneIsRelaxed() {
        Network tent = Nets.tentMap(4); // weights 1, 2, -4 and biases 0, -0.5: dyadic
        Box unit = Box.cube(1, 0, 1);
        assertTrue(IntegerPlan.of(tent, unit, TAU, NeuronBounds.propagated(tent, unit)).exact);
        Network gaussian = Nets.randomNet(new int[] {2, 5, 4}, 3);
        Box box = Box.cube(2, -2, 2);
        IntegerPlan plan = IntegerPlan.of(gaussian, box, TAU, NeuronBounds.propagated(gaussian, box));
        assertFalse(plan.exact);
        assertTrue(plan.relaxation() > 0 && plan.relaxation() < 1e-3, "relaxation " + plan.relaxation());
    }

    @Test
    void aRelaxedPlanKeepsEveryRegionsPatternFeasibleAtTheNearestLatticePoint() {
        for (int seed = 0; seed < 6; seed++) {
            Network net = Nets.randomNet(seed % 2 == 0 ? new int[] {2, 6, 5} : new int[] {3, 5, 4, 3}, 70 + seed);
            InputDomain domain = seed % 3 == 0 ? Box.cube(net.inputDimension(), -2, 2)
                    : Ball.of(new double[net.inputDimension()], 1.5, seed % 3 == 1 ? Norm.L2 : Norm.L1);
            IntegerPlan plan = IntegerPlan.of(net, domain, TAU, NeuronBounds.propagated(net, domain));
            assertFalse(plan.exact);
            Random random = new Random(seed);
            for (int trial = 0; trial < 300; trial++) {
                double[] x0 = randomPointIn(domain, random);
                // The lattice point nearest x0, with x0's pattern (not the one at the lattice point).
                long[] lattice = new long[x0.length];
                for (int j = 0; j < x0.length; j++) {
                    lattice[j] = Math.round(x0[j] * plan.latticeScale.doubleValue());
                }
                Chain chain = Chain.run(plan, lattice, net.hiddenPreActivations(x0));
                assertTrue(chain.thresholdsHold, "seed " + seed + " at " + java.util.Arrays.toString(x0));
            }
        }
    }

    /** The integer chain of a plan evaluated at a lattice point with a given pattern. */
    static final class Chain {
        boolean thresholdsHold = true;
        BigDecimal largestDeviation = BigDecimal.ZERO;

        /** {@code trueZ} are the true pre-activations at the point whose pattern is used (layer by layer). */
        static Chain run(IntegerPlan plan, long[] lattice, double[][] trueZ) {
            Chain chain = new Chain();
            long[] inputs = lattice;
            for (int l = 0; l < plan.layers.length; l++) {
                IntegerPlan.LayerPlan layer = plan.layers[l];
                long[] shifted = new long[inputs.length];
                for (int k = 0; k < inputs.length; k++) {
                    shifted[k] = Math.floorDiv(inputs[k], 1L << layer.shift);
                }
                long[] outputs = new long[layer.state.length];
                for (int i = 0; i < layer.state.length; i++) {
                    long z = layer.bias[i];
                    for (int k = 0; k < shifted.length; k++) {
                        z = Math.addExact(z, Math.multiplyExact(layer.weights[i][k], shifted[k]));
                    }
                    boolean on = trueZ[l][i] > 0;
                    chain.thresholdsHold &= z >= layer.zLo[i] && z <= layer.zHi[i];
                    if (layer.state[i] == 0) {
                        chain.thresholdsHold &= on ? z >= layer.onLo[i] : z <= layer.offHi[i];
                    } else {
                        chain.thresholdsHold &= on == layer.state[i] > 0;
                    }
                    BigDecimal deviation = BigDecimal.valueOf(z).subtract(layer.scale.multiply(new BigDecimal(trueZ[l][i])))
                            .abs(MathContext.DECIMAL64);
                    chain.largestDeviation = chain.largestDeviation.max(deviation);
                    outputs[i] = on ? z : 0;
                }
                inputs = outputs;
            }
            return chain;
        }
    }

    static long[] randomLatticePoint(IntegerPlan plan, Random random) {
        long[] lattice = new long[plan.xLo.length];
        for (int j = 0; j < lattice.length; j++) {
            // Inside the lattice box, one step in from its slack.
            lattice[j] = plan.xLo[j] + 1 + (long) (random.nextDouble() * (plan.xHi[j] - plan.xLo[j] - 2));
        }
        return lattice;
    }

    static double[] toInput(IntegerPlan plan, long[] lattice) {
        double[] x = new double[lattice.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = lattice[j] / plan.latticeScale.doubleValue();
        }
        return x;
    }

    static double[] randomPointIn(InputDomain domain, Random random) {
        while (true) {
            double[] x = new double[domain.dimension()];
            for (int j = 0; j < x.length; j++) {
                x[j] = -2 + 4 * random.nextDouble();
            }
            if (domain.interiorMargin(x) > 0) {
                return x;
            }
        }
    }
}
