package io.github.reluregions.compile;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.network.Layer;
import io.github.reluregions.network.Network;
import io.github.reluregions.propagation.CrownBounds;
import io.github.reluregions.solver.LinearBalls;
import io.github.reluregions.solver.NativeLibraryException;
import io.github.reluregions.solver.OrTools;

/**
 * Pre-activation bounds of every hidden neuron over the domain, and the stable neurons they prove:
 * linear-relaxation propagation ({@link CrownBounds}: exact on the first layer, never looser than interval
 * arithmetic) widened against rounding, then optionally tightened by LP — for each neuron of the
 * second and later hidden layers still unstable, the largest and smallest pre-activation over the triangle
 * relaxation of the earlier layers (GLOP), widened by GLOP's tolerance. Both are sound: every input of the
 * domain has its pre-activations inside the bounds. A neuron is stably on when its lower bound is
 * positive and stably off when its upper bound is at most 0 (a neuron that is 0 on an open set is off, as
 * in every engine).
 */
final class NeuronBounds {
    /** Widening of propagated bounds, relative to the size of their terms: far above double rounding. */
    static final double ROUNDING_PAD = 1e-12;
    /** Widening of an LP optimum, relative to its size (GLOP's tolerances are about 1e-9). */
    static final double LP_PAD = 1e-7;

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
     * propagation leaves unstable.
     */
    static NeuronBounds tightenedByLp(Network network, InputDomain domain) {
        NeuronBounds bounds = propagated(network, domain);
        if (network.hiddenLayerCount() == 1) {
            return bounds; // the first layer's intervals are exact
        }
        OrTools.load();
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            throw new NativeLibraryException("OR-Tools could not create the GLOP solver.", null);
        }
        try {
            return bounds.tighten(network, domain, lp);
        } finally {
            lp.delete();
        }
    }

    private NeuronBounds tighten(Network network, InputDomain domain, MPSolver lp) {
        long solved = 0;
        MPVariable[] inputs = MilpModel.inputVariables(lp, domain, 0, "x");
        if (domain instanceof Ball ball && ball.norm() == Norm.L1) {
            LinearBalls.addL1Ball(lp, inputs, ball, ball.radius(), null, 0);
        }
        MPVariable[] previous = inputs;
        for (int l = 0; l + 1 < network.hiddenLayerCount(); l++) {
            previous = relaxLayer(lp, network.hiddenLayer(l), l, previous);
            Layer next = network.hiddenLayer(l + 1);
            MPObjective objective = lp.objective();
            for (int i = 0; i < next.outputSize(); i++) {
                if (lower[l + 1][i] > 0 || upper[l + 1][i] <= 0) {
                    continue;
                }
                objective.clear();
                for (int k = 0; k < previous.length; k++) {
                    if (previous[k] != null) {
                        objective.setCoefficient(previous[k], next.weight(i, k));
                    }
                }
                objective.setOffset(next.bias(i));
                objective.setMaximization();
                solved++;
                if (lp.solve() == MPSolver.ResultStatus.OPTIMAL) {
                    double value = objective.value();
                    upper[l + 1][i] = Math.min(upper[l + 1][i], value + LP_PAD * (1 + Math.abs(value)));
                }
                objective.setMinimization();
                solved++;
                if (lp.solve() == MPSolver.ResultStatus.OPTIMAL) {
                    double value = objective.value();
                    lower[l + 1][i] = Math.max(lower[l + 1][i], value - LP_PAD * (1 + Math.abs(value)));
                }
            }
        }
        return new NeuronBounds(lower, upper, solved);
    }

    /**
     * Adds hidden layer {@code l} to the LP: its pre-activations as variables within their bounds and its
     * post-activations as the triangle relaxation of the ReLU; returns the post-activation variables (null
     * for stably-off neurons, which output 0).
     */
    private MPVariable[] relaxLayer(MPSolver lp, Layer layer, int l, MPVariable[] inputs) {
        double inf = MPSolver.infinity();
        MPVariable[] outputs = new MPVariable[layer.outputSize()];
        for (int i = 0; i < layer.outputSize(); i++) {
            double lo = lower[l][i];
            double hi = upper[l][i];
            MPVariable z = lp.makeNumVar(lo, hi, "z" + l + "_" + i);
            MPConstraint affine = lp.makeConstraint(layer.bias(i), layer.bias(i));
            affine.setCoefficient(z, 1);
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k] != null) {
                    affine.setCoefficient(inputs[k], -layer.weight(i, k));
                }
            }
            if (lo > 0) {
                outputs[i] = z;
            } else if (hi > 0) {
                MPVariable h = lp.makeNumVar(0, hi, "h" + l + "_" + i);
                MPConstraint above = lp.makeConstraint(0, inf);
                above.setCoefficient(h, 1);
                above.setCoefficient(z, -1);
                // h <= hi (z - lo) / (hi - lo)
                MPConstraint chord = lp.makeConstraint(-inf, -hi * lo);
                chord.setCoefficient(h, hi - lo);
                chord.setCoefficient(z, -hi);
                outputs[i] = h;
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
