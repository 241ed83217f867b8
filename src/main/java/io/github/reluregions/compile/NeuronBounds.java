package io.github.reluregions.compile;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.propagation.CrownBounds;
import io.github.reluregions.solver.SolveLimit;

import java.util.Arrays;

/**
 * Pre-activation bounds of every hidden neuron over the domain, and the stable neurons they prove:
 * linear-relaxation propagation ({@link CrownBounds}: exact on the first layer, never looser than interval
 * arithmetic) widened against rounding, then optionally tightened by LP — for each neuron of the
 * second and later hidden layers still unstable, the largest and smallest pre-activation over the triangle
 * relaxation of the earlier layers (GLOP), as proved by GLOP's duals. Both are sound: every input of the
 * domain has its pre-activations inside the bounds. A neuron is stably on when its lower bound is
 * positive and stably off when its upper bound is at most 0 (a neuron that is 0 on an open set is off, as
 * in every engine).
 */
final class NeuronBounds {
    /** Widening of propagated bounds, relative to the size of their terms: far above double rounding. */
    static final double ROUNDING_PAD = 1e-12;

    private final double[][] lower;
    private final double[][] upper;
    private final long lps;

    private NeuronBounds(double[][] lower, double[][] upper, long lps) {
        this.lower = lower;
        this.upper = upper;
        this.lps = lps;
    }

    /** Propagated bounds only (CROWN, no LP); cost: {@link CrownBounds}'s. */
    static NeuronBounds propagated(Network network, InputDomain domain) {
        CrownBounds bounds = CrownBounds.padded(network, domain, ROUNDING_PAD);
        int hidden = network.hiddenLayerCount();
        double[][] lower = new double[hidden][];
        double[][] upper = new double[hidden][];
        for (int l = 0; l < hidden; l++) {
            int n = network.hiddenLayer(l).outputSize();
            lower[l] = new double[n];
            upper[l] = new double[n];
            for (int i = 0; i < n; i++) {
                Interval interval = bounds.bound(l, i);
                lower[l][i] = interval.lo();
                upper[l][i] = interval.hi();
            }
        }
        return new NeuronBounds(lower, upper, 0);
    }

    /**
     * Propagated bounds tightened by LP, layer by layer; cost: two LPs per neuron past layer 0 that
     * propagation leaves unstable. GLOP's optimum is not trusted: each bound is the one its duals prove
     * ({@link RelaxationLp#certifiedMaximum}), whatever GLOP reports. Once {@code limit} says stop, the
     * neurons not yet tightened keep their propagated bounds (sound, only looser), and no LP runs past the
     * seconds left.
     */
    static NeuronBounds tightenedByLp(Network network, InputDomain domain, SolveLimit limit) {
        NeuronBounds bounds = propagated(network, domain);
        if (network.hiddenLayerCount() == 1) {
            return bounds; // the first layer's intervals are exact
        }
        try (RelaxationLp lp = new RelaxationLp()) {
            return bounds.tighten(network, domain, lp, limit);
        }
    }

    private NeuronBounds tighten(Network network, InputDomain domain, RelaxationLp lp, SolveLimit limit) {
        long solved = 0;
        // The domain's bounding box (an L1 or L2 ball relaxed to it): every input of the domain lies in it.
        int[] previous = new int[domain.dimension()];
        for (int j = 0; j < previous.length; j++) {
            double[] unit = new double[previous.length];
            unit[j] = 1;
            Interval range = domain.range(unit, 0);
            previous[j] = lp.variable(range.lo(), range.hi());
        }
        for (int l = 0; l + 1 < network.hiddenLayerCount(); l++) {
            previous = relaxLayer(lp, network.hiddenLayer(l), l, previous);
            Layer next = network.hiddenLayer(l + 1);
            for (int i = 0; i < next.outputSize(); i++) {
                if (lower[l + 1][i] > 0 || upper[l + 1][i] <= 0) {
                    continue;
                }
                double[] objective = new double[previous.length];
                for (int k = 0; k < previous.length; k++) {
                    objective[k] = previous[k] < 0 ? 0 : next.weight(i, k);
                }
                for (int sign = 1; sign >= -1; sign -= 2) {
                    if (limit.reached()) {
                        return new NeuronBounds(lower, upper, solved);
                    }
                    solved++;
                    double best = lp.certifiedMaximum(previous, objective, sign, limit.secondsLeft().getAsDouble());
                    if (sign > 0) {
                        upper[l + 1][i] = Math.min(upper[l + 1][i], next.bias(i) + best);
                    } else {
                        lower[l + 1][i] = Math.max(lower[l + 1][i], next.bias(i) - best);
                    }
                }
            }
        }
        return new NeuronBounds(lower, upper, solved);
    }

    /**
     * Adds hidden layer {@code l} to the LP: its pre-activations as variables within their bounds and its
     * post-activations as the triangle relaxation of the ReLU; returns the post-activation variables (-1
     * for stably-off neurons, which output 0).
     */
    private int[] relaxLayer(RelaxationLp lp, Layer layer, int l, int[] inputs) {
        int[] outputs = new int[layer.outputSize()];
        for (int i = 0; i < layer.outputSize(); i++) {
            double lo = lower[l][i];
            double hi = upper[l][i];
            int z = lp.variable(lo, hi);
            // z - sum_k w_ik a_k = b_i
            int[] vars = new int[inputs.length + 1];
            double[] coefficients = new double[inputs.length + 1];
            int n = 0;
            vars[n] = z;
            coefficients[n++] = 1;
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k] >= 0) {
                    vars[n] = inputs[k];
                    coefficients[n++] = -layer.weight(i, k);
                }
            }
            lp.constraint(layer.bias(i), layer.bias(i), Arrays.copyOf(vars, n), Arrays.copyOf(coefficients, n));
            if (lo > 0) {
                outputs[i] = z;
            } else if (hi > 0) {
                int h = lp.variable(0, hi);
                lp.constraint(0, Double.POSITIVE_INFINITY, new int[] {h, z}, new double[] {1, -1}); // h >= z
                // h <= hi (z - lo) / (hi - lo)
                lp.constraint(Double.NEGATIVE_INFINITY, -hi * lo, new int[] {h, z}, new double[] {hi - lo, -hi});
                outputs[i] = h;
            } else {
                outputs[i] = -1;
            }
        }
        return outputs;
    }

    double lower(int layer, int neuron) {
        return lower[layer][neuron];
    }

    double upper(int layer, int neuron) {
        return upper[layer][neuron];
    }

    boolean stablyOn(int layer, int neuron) {
        return lower[layer][neuron] > 0;
    }

    boolean stablyOff(int layer, int neuron) {
        return upper[layer][neuron] <= 0;
    }

    /** LPs solved to tighten the bounds. */
    long lps() {
        return lps;
    }
}
