package io.github.reluregions.propagation;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.List;
import java.util.Objects;

/**
 * Linear-relaxation bound propagation after CROWN (Zhang, Weng, Chen, Hsieh, Daniel 2018, "Efficient
 * neural network robustness certification with general activation functions"): for every hidden neuron
 * an interval that holds its pre-activation over the whole domain, much tighter than
 * {@link IntervalBounds} in high dimension and never looser.
 *
 * <p>Layer by layer, each neuron's pre-activation {@code z = W h + b} is bounded above by substituting
 * backwards through the earlier layers: every ReLU {@code h = max(0, z')} with bounds {@code [lo, hi]}
 * ({@code lo < 0 < hi}) is replaced by its chord {@code h <= hi (z' - lo) / (hi - lo)} where its
 * coefficient is positive and by {@code h >= alpha z'} ({@code alpha = 1} when {@code hi > -lo}, else
 * {@code 0}) where it is negative; stable neurons are exact ({@code h = z'} or {@code h = 0}). What is
 * left is one affine function {@code a.x + c} of the input that bounds {@code z} above on the domain,
 * and its maximum there is the domain's support function {@link InputDomain#range}: {@code a.c0 + c +
 * r |a|_q} for a ball of radius {@code r} around {@code c0} in the norm dual to {@code q}, the box's
 * corner for a box, infinite for R^d unless {@code a = 0}. The lower bound is the same for {@code -z}.
 * Each interval is then intersected with interval arithmetic from the earlier layers' (tightened)
 * bounds, so it is never looser than {@link IntervalBounds} (interval arithmetic is monotone, also in
 * rounded arithmetic), and the first layer's intervals are its exact ranges.
 *
 * <p>Why CROWN rather than DeepPoly (Singh et al. 2019): their ReLU relaxations are the same (DeepPoly's
 * lower slope is this adaptive {@code alpha}), and both substitute back to the input. CROWN is stated as
 * one affine function of the input maximised over an l_p ball through the dual norm, which is exactly
 * what {@link InputDomain#range} gives for every domain, whereas DeepPoly's concretisation is interval
 * arithmetic over a box. CROWN's backward form also leaves room for optimised slopes (alpha-CROWN).
 *
 * <p>Rounding: the bounds hold in floating point. Along the substitution every rounded product and sum
 * is bounded by the size of its terms, the magnitudes of the inputs and neurons (from the bounds already
 * found) turn that into a bound on the function's error, and each end is widened by the relative pad
 * times that size ({@code sum |coefficient| * (|bias| + sum |w| * largest |input|)} over every neuron
 * passed, plus {@code sum |a| * largest |x|} at the input). The pad is at least {@code (n0 + 2N + 16)
 * 2^-52} ({@code n0} inputs, {@code N} hidden neurons), above the accumulated rounding of every sum.
 *
 * <p>Cost: for hidden layer {@code l}, two substitutions per neuron, each {@code O(sum_{k<l} n_k
 * n_{k-1})}: {@code O(n_l sum_{k<l} n_k n_{k-1})} (about 10^8 multiply-adds for MNIST 256x2).
 */
public record CrownBounds(List<Interval[]> layers) implements PreActivationBounds {
    /** The default relative pad against rounding (far above double rounding for nets of up to 10^3 neurons). */
    public static final double ROUNDING_PAD = 1e-12;

    /** The bounds with the default pad {@link #ROUNDING_PAD}. */
    public static CrownBounds of(Network network, InputDomain domain) {
        return padded(network, domain, ROUNDING_PAD);
    }

    /**
     * The bounds, each end widened against rounding by {@code relativePad} (raised to the floor the class
     * comment gives) times the size of its terms.
     */
    public static CrownBounds padded(Network network, InputDomain domain, double relativePad) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        domain.requireDimension(network.inputDimension());
        double floor = (network.inputDimension() + 2.0 * network.hiddenNeuronCount() + 16) * 0x1p-52;
        return new Propagation(network, domain, Math.max(relativePad, floor)).run();
    }

    /** One propagation: the bounds so far, each neuron's relaxation and size, and the weights as arrays. */
    private static final class Propagation {
        private final Network network;
        private final InputDomain domain;
        private final double pad;
        private final double[] largestInput;
        private final Interval[][] bounds;
        private final Relaxation[] relaxations;
        /** Per layer and neuron: {@code |b| + sum |w| * largest |input of the layer|}. */
        private final double[][] sizes;
        private final double[][][] weights;

        Propagation(Network network, InputDomain domain, double pad) {
            this.network = network;
            this.domain = domain;
            this.pad = pad;
            this.largestInput = IntervalBounds.largestInputs(domain);
            int hidden = network.hiddenLayerCount();
            this.bounds = new Interval[hidden][];
            this.relaxations = new Relaxation[hidden];
            this.sizes = new double[hidden][];
            this.weights = new double[hidden][][];
        }

        CrownBounds run() {
            Layer first = network.hiddenLayer(0);
            bounds[0] = IntervalBounds.firstLayer(first, domain, largestInput, pad);
            finish(0, largestInput);
            for (int l = 1; l < bounds.length; l++) {
                Layer layer = network.hiddenLayer(l);
                Interval[] intervals = IntervalBounds.nextLayer(layer, bounds[l - 1], pad);
                for (int i = 0; i < intervals.length; i++) {
                    double[] row = weights(l)[i];
                    double[] negated = new double[row.length];
                    for (int j = 0; j < row.length; j++) {
                        negated[j] = -row[j];
                    }
                    double hi = Math.min(intervals[i].hi(), upperBound(l, row, layer.bias(i)));
                    double lo = Math.max(intervals[i].lo(), -upperBound(l, negated, -layer.bias(i)));
                    intervals[i] = Interval.of(lo, hi);
                }
                bounds[l] = intervals;
                finish(l, largestOutputs(l - 1));
            }
            return new CrownBounds(List.of(bounds));
        }

        /** Records layer {@code l}'s relaxation and sizes once its bounds are final. */
        private void finish(int l, double[] largestIn) {
            relaxations[l] = Relaxation.of(bounds[l]);
            double[][] w = weights(l);
            Layer layer = network.hiddenLayer(l);
            sizes[l] = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double size = Math.abs(layer.bias(i));
                for (int j = 0; j < w[i].length; j++) {
                    if (w[i][j] != 0) {
                        size += Math.abs(w[i][j]) * largestIn[j];
                    }
                }
                sizes[l][i] = size;
            }
        }

        private double[] largestOutputs(int l) {
            double[] largest = new double[bounds[l].length];
            for (int i = 0; i < largest.length; i++) {
                largest[i] = Math.max(0, bounds[l][i].hi());
            }
            return largest;
        }

        private double[][] weights(int l) {
            if (weights[l] == null) {
                weights[l] = network.hiddenLayer(l).weights();
            }
            return weights[l];
        }

        /**
         * An upper bound on {@code row . h + bias} over the domain, {@code h} the post-activations of hidden
         * layer {@code l - 1}: substituted back to the input through the relaxations, then maximised.
         */
        private double upperBound(int l, double[] row, double bias) {
            double[] coefficients = row;
            double constant = bias;
            double size = Math.abs(bias);
            for (int k = l - 1; k >= 0; k--) {
                Relaxation relaxation = relaxations[k];
                Layer layer = network.hiddenLayer(k);
                double[][] w = weights(k);
                double[] next = new double[layer.inputSize()];
                for (int j = 0; j < coefficients.length; j++) {
                    double a = coefficients[j];
                    if (a == 0) {
                        continue;
                    }
                    double slope = a > 0 ? relaxation.upperSlope[j] : relaxation.lowerSlope[j];
                    if (Double.isNaN(slope)) {
                        return Double.POSITIVE_INFINITY; // a neuron unbounded both ways, with a positive coefficient
                    }
                    if (a > 0 && relaxation.upperIntercept[j] != 0) {
                        double term = a * relaxation.upperIntercept[j];
                        constant += term;
                        size += Math.abs(term);
                    }
                    double m = a * slope;
                    if (m == 0) {
                        continue;
                    }
                    constant += m * layer.bias(j);
                    size += Math.abs(m) * sizes[k][j];
                    double[] weightRow = w[j];
                    for (int q = 0; q < next.length; q++) {
                        next[q] += m * weightRow[q];
                    }
                }
                coefficients = next;
            }
            Interval range = domain.range(coefficients, constant);
            for (int q = 0; q < coefficients.length; q++) {
                if (coefficients[q] != 0) {
                    size += Math.abs(coefficients[q]) * largestInput[q];
                }
            }
            return range.hi() + pad * size;
        }
    }

    /**
     * The linear relaxation of a layer's ReLUs from their bounds: {@code h <= upperSlope z + upperIntercept}
     * and {@code h >= lowerSlope z} on the bounds; {@code upperSlope} is NaN where no upper line exists (a
     * neuron unbounded both ways).
     */
    private static final class Relaxation {
        private final double[] upperSlope;
        private final double[] upperIntercept;
        private final double[] lowerSlope;

        private Relaxation(int n) {
            upperSlope = new double[n];
            upperIntercept = new double[n];
            lowerSlope = new double[n];
        }

        static Relaxation of(Interval[] bounds) {
            int n = bounds.length;
            Relaxation r = new Relaxation(n);
            for (int j = 0; j < n; j++) {
                double lo = bounds[j].lo();
                double hi = bounds[j].hi();
                if (lo >= 0) {
                    r.upperSlope[j] = 1;
                    r.lowerSlope[j] = 1;
                } else if (hi <= 0) {
                    r.upperSlope[j] = 0;
                    r.lowerSlope[j] = 0;
                } else {
                    if (hi == Double.POSITIVE_INFINITY) {
                        r.upperSlope[j] = lo == Double.NEGATIVE_INFINITY ? Double.NaN : 1; // h <= z - lo
                        r.upperIntercept[j] = -lo;
                    } else if (lo == Double.NEGATIVE_INFINITY) {
                        r.upperIntercept[j] = hi; // h <= hi
                    } else {
                        double slope = hi / (hi - lo);
                        r.upperSlope[j] = slope;
                        r.upperIntercept[j] = -slope * lo;
                    }
                    r.lowerSlope[j] = hi > -lo ? 1 : 0;
                }
            }
            return r;
        }
    }
}
