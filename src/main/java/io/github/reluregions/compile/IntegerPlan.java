package io.github.reluregions.compile;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The network in 64-bit integers, for CP-SAT: inputs on a lattice {@code x = X / S}, and each hidden
 * neuron's pre-activation as an integer {@code Z} with a proven bound {@code E} on {@code |Z - A z|}, where
 * {@code A} is the layer's scale and {@code z} the pre-activation, at {@code X / S}, of the affine map that
 * the model's pattern gives the neuron. A neuron on then means {@code Z > -E} and off {@code Z <= E}
 * (widened as below), so the model is a relaxation: every region with an interior ball above the
 * tolerance keeps its pattern feasible, and what the model returns is certified by the caller.
 *
 * <p><b>Exact mode</b> — when every weight and bias is a dyadic rational with a denominator up to 2^24
 * (integers, quantized nets) and the values fit: the weight scale {@code P} of each layer is that
 * denominator, nothing is rounded, and {@code E = 0}: the integers are the exact scaled pre-activations,
 * and "on" is {@code Z >= 1}, "off" {@code Z <= 0}. The lattice is fine, {@code S = ceil(sqrt(d) / tau)}:
 * every point lies within {@code tau / 2} of a lattice point, so a region with an interior ball of radius
 * above {@code tau} holds a lattice point at distance above {@code tau / 2} from its boundary and from the
 * domain's; the model asks exactly that of it (first-layer margin {@code tau |w| / 2}, domain margin
 * {@code tau / 2}). So no such region is missed, and on this lattice the model is exact.
 *
 * <p><b>Relaxed mode</b> — any other network, at a precision of {@code b} bits (at most 24): weights keep
 * {@code b} bits (fewer if a sum would pass 2^56), inputs of deeper layers are divided down to {@code b + 4}
 * bits, and the lattice is the exact mode's where it fits in 2^b steps across the domain's half-width,
 * else coarser. Both errors are covered: the rounding of
 * weights, biases and divisions by {@code E}, computed exactly in {@link BigDecimal}; the lattice by a
 * Lipschitz slack — a region's interior point {@code x0} has a lattice point {@code X*} within
 * {@code delta = sqrt(d) / (2 S)}, and the region's affine map of neuron {@code i} changes by at most
 * {@code Lambda_i delta} between them, where {@code Lambda_i} bounds its gradient norm over every pattern
 * ({@code |w_i|} in the first layer, {@code sum_k |W_ik| Lambda_k} after). So "on" is
 * {@code Z > -E - A Lambda delta}, "off" {@code Z <= E + A Lambda delta}, and the domain grows by
 * {@code delta}: {@code X*} with the region's pattern is feasible, on any lattice. A coarse lattice only
 * lets more empty or lower-dimensional patterns through to certification ({@link #relaxation()} is the
 * widest widening, in pre-activation units). Seen here: at 24 bits CP-SAT took 20-50 ms a solve on nets
 * of 4-9 neurons (L2 balls, whose squares then reach 2^46, up to seconds), at 8-12 bits 3-6 ms, with about
 * as many rejections — unless the regions are small against the domain (15 planes through the unit ball in
 * a box of half-width 10^6 need about 24 bits); hence the engine starts coarse and refines.
 */
final class IntegerPlan {
    /** Exact mode: largest size of a linear sum (and of a variable). */
    static final BigDecimal EXACT_BUDGET = BigDecimal.valueOf(2).pow(52);
    /** Largest dyadic denominator tried for exact weights. */
    static final int MAX_DENOMINATOR_BITS = 24;
    /**
     * Relaxed mode, the finest precision: at most 2^FINEST_BITS lattice steps across the domain's
     * half-width, and bits kept of each layer's largest weight (fewer when the sums would pass
     * {@link #RELAXED_BUDGET}); a layer's inputs are divided down to {@link #INPUT_EXTRA_BITS} more.
     */
    static final int FINEST_BITS = 24;
    /** Relaxed mode: a layer's inputs keep this many bits more than the weights. */
    static final int INPUT_EXTRA_BITS = 4;
    /** Relaxed mode: largest size of a linear sum. */
    static final BigDecimal RELAXED_BUDGET = BigDecimal.valueOf(2).pow(56);

    final BigDecimal latticeScale;
    final long[] xLo;
    final long[] xHi;
    final LayerPlan[] layers;
    final boolean exact;
    /**
     * How far the domain is grown for the lattice: by the largest distance from a domain point to its nearest
     * lattice point (relaxed mode), or shrunk by the margin {@code tau / 2} (exact mode, negative).
     */
    final double domainGrow;

    /** One hidden layer in integers. */
    static final class LayerPlan {
        /** Inputs are divided by {@code 2^shift} (rounded down) before the weights apply. */
        int shift;
        long[] inLo;
        long[] inHi;
        long[][] weights;
        long[] bias;
        BigDecimal scale;
        BigDecimal[] error;
        long[] zLo;
        long[] zHi;
        /** +1 stably on, -1 stably off, 0 with a binary. */
        int[] state;
        long[] onLo;
        long[] offHi;
        long[] hLo;
        long[] hHi;
        /** How far each neuron's conditions are widened, in units of the pre-activation. */
        double[] widening;
    }

    private IntegerPlan(BigDecimal latticeScale, long[] xLo, long[] xHi, LayerPlan[] layers, boolean exact,
            double domainGrow) {
        this.latticeScale = latticeScale;
        this.xLo = xLo;
        this.xHi = xHi;
        this.layers = layers;
        this.exact = exact;
        this.domainGrow = domainGrow;
    }

    static IntegerPlan of(Network network, InputDomain domain, double tau, NeuronBounds bounds) {
        return of(network, domain, tau, bounds, FINEST_BITS);
    }

    /** The exact plan where there is one, else the relaxed plan at {@code bits} bits of precision (1 to 24). */
    static IntegerPlan of(Network network, InputDomain domain, double tau, NeuronBounds bounds, int bits) {
        if (bits < 1 || bits > FINEST_BITS) {
            throw new IllegalArgumentException("Precision bits " + bits + " outside 1.." + FINEST_BITS);
        }
        IntegerPlan exactPlan = exact(network, domain, tau, bounds);
        return exactPlan != null ? exactPlan : relaxed(network, domain, tau, bounds, bits);
    }

    /** The exact plan, or null when a weight or bias is not dyadic with a small denominator or values do not fit. */
    private static IntegerPlan exact(Network network, InputDomain domain, double tau, NeuronBounds bounds) {
        int d = network.inputDimension();
        double s = Math.ceil(Math.sqrt(d) / tau);
        if (!(s < 1e15)) {
            return null;
        }
        BigDecimal scale = BigDecimal.valueOf((long) s);
        // A lattice point at distance above tau / 2 from the domain's boundary.
        long[][] box = latticeBox(domain, scale, -tau / 2);
        LayerPlan[] layers = new LayerPlan[network.hiddenLayerCount()];
        Inputs in = Inputs.lattice(box[0], box[1], scale);
        for (int l = 0; l < layers.length; l++) {
            Layer layer = network.hiddenLayer(l);
            long denominator = dyadicDenominator(layer);
            if (denominator == 0 || largestSum(layer, in, denominator).compareTo(EXACT_BUDGET) > 0) {
                return null;
            }
            double margin = l == 0 ? tau / 2 * (1 - 1e-9) : 0;
            layers[l] = planLayer(layer, l, in, BigDecimal.valueOf(denominator), bounds, margin, null, 0);
            for (BigDecimal error : layers[l].error) {
                if (error.signum() != 0) {
                    return null;
                }
            }
            in = Inputs.from(layers[l]);
        }
        return new IntegerPlan(scale, box[0], box[1], layers, true, -tau / 2);
    }

    private static IntegerPlan relaxed(Network network, InputDomain domain, double tau, NeuronBounds bounds,
            int precision) {
        int d = network.inputDimension();
        // The exact mode's lattice (spacing tau / sqrt(d)) where it fits; never more than 2^precision steps.
        int exponent = Math.min(Math.getExponent(Math.sqrt(d) / tau) + 1, precision - Math.getExponent(domain.scale()) - 1);
        BigDecimal scale = exponent >= 0 ? BigDecimal.valueOf(2).pow(exponent)
                : BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(-exponent));
        double delta = Math.sqrt(d) / (2 * scale.doubleValue()) * (1 + 1e-9);
        long[][] box = latticeBox(domain, scale, delta);
        double[] lipschitz = firstLayerNorms(network.hiddenLayer(0));
        LayerPlan[] layers = new LayerPlan[network.hiddenLayerCount()];
        Inputs in = Inputs.lattice(box[0], box[1], scale);
        for (int l = 0; l < layers.length; l++) {
            Layer layer = network.hiddenLayer(l);
            if (l > 0) {
                lipschitz = nextLipschitz(layer, lipschitz, layers[l - 1].state);
            }
            in = in.shrunkTo(precision + INPUT_EXTRA_BITS);
            double largestWeight = 0;
            for (int i = 0; i < layer.outputSize(); i++) {
                for (int k = 0; k < layer.inputSize(); k++) {
                    largestWeight = Math.max(largestWeight, Math.abs(layer.weight(i, k)));
                }
            }
            int bits = largestWeight == 0 ? 0 : precision - Math.getExponent(largestWeight) - 1;
            BigDecimal sum = largestSum(layer, in, 1);
            if (sum.signum() > 0) {
                bits = Math.min(bits, (int) Math.floor(Math.log(RELAXED_BUDGET.divide(sum, java.math.MathContext.DECIMAL64)
                        .doubleValue()) / Math.log(2)));
            }
            BigDecimal weightScale = bits >= 0 ? BigDecimal.valueOf(2).pow(bits)
                    : BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(-bits));
            layers[l] = planLayer(layer, l, in, weightScale, bounds, 0, lipschitz, delta);
            in = Inputs.from(layers[l]);
        }
        return new IntegerPlan(scale, box[0], box[1], layers, false, delta);
    }

    /**
     * The lattice bounds of the domain's bounding box grown by {@code grow} (shrunk when negative) in every
     * direction (for an L1 ball, its Euclidean distance: {@code sqrt(d)} times more along an axis), with one
     * lattice step of slack for rounding.
     */
    private static long[][] latticeBox(InputDomain domain, BigDecimal scale, double grow) {
        int d = domain.dimension();
        long[] lo = new long[d];
        long[] hi = new long[d];
        for (int j = 0; j < d; j++) {
            double a;
            double b;
            if (domain instanceof Box box) {
                a = box.lower(j) - grow;
                b = box.upper(j) + grow;
            } else {
                Ball ball = (Ball) domain;
                double reach = ball.radius() + (ball.norm() == Norm.L1 ? grow * Math.sqrt(d) : grow);
                a = ball.center(j) - reach;
                b = ball.center(j) + reach;
            }
            BigDecimal scaledLo = scale.multiply(new BigDecimal(a)).setScale(0, RoundingMode.FLOOR);
            BigDecimal scaledHi = scale.multiply(new BigDecimal(b)).setScale(0, RoundingMode.CEILING);
            if (scaledLo.abs().max(scaledHi.abs()).compareTo(EXACT_BUDGET) > 0) {
                throw new InvalidInputException("The cpsat engine cannot hold this domain's input lattice in 64-bit "
                        + "integers.", "Maybe a larger --tolerance, or --engine=milp or --engine=lp.");
            }
            lo[j] = scaledLo.longValueExact() - 1;
            hi[j] = scaledHi.longValueExact() + 1;
        }
        return new long[][] {lo, hi};
    }

    /** A layer's integer inputs: bounds, scale {@code A_in}, error bounds, and which are present (not stably off). */
    private record Inputs(long[] lo, long[] hi, BigDecimal scale, BigDecimal[] error, boolean[] present, int shift) {

        static Inputs lattice(long[] lo, long[] hi, BigDecimal scale) {
            BigDecimal[] error = new BigDecimal[lo.length];
            Arrays.fill(error, BigDecimal.ZERO);
            boolean[] present = new boolean[lo.length];
            Arrays.fill(present, true);
            return new Inputs(lo, hi, scale, error, present, 0);
        }

        static Inputs from(LayerPlan plan) {
            boolean[] present = new boolean[plan.state.length];
            for (int i = 0; i < present.length; i++) {
                present[i] = plan.state[i] >= 0;
            }
            return new Inputs(plan.hLo, plan.hHi, plan.scale, plan.error, present, 0);
        }

        /** These inputs divided by a power of two (rounded down) so that none exceeds {@code 2^bits}. */
        Inputs shrunkTo(int bits) {
            long largest = 1;
            for (int k = 0; k < lo.length; k++) {
                largest = Math.max(largest, Math.max(Math.abs(lo[k]), Math.abs(hi[k])));
            }
            int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(largest) - bits);
            if (shift == 0) {
                return this;
            }
            long step = 1L << shift;
            BigDecimal divisor = BigDecimal.valueOf(step);
            long[] newLo = new long[lo.length];
            long[] newHi = new long[lo.length];
            BigDecimal[] newError = new BigDecimal[lo.length];
            for (int k = 0; k < lo.length; k++) {
                newLo[k] = Math.floorDiv(lo[k], step);
                newHi[k] = Math.floorDiv(hi[k], step);
                // floor(I / 2^r) lies within 1 below I / 2^r, and I within e of the true value.
                newError[k] = error[k].divide(divisor).add(BigDecimal.ONE);
            }
            return new Inputs(newLo, newHi, scale.divide(divisor), newError, present, shift);
        }
    }

    /**
     * Plans one layer: weights {@code round(W P)}, biases {@code round(b A_in P)}, error bounds, and the
     * on/off thresholds widened by the error, by {@code A lipschitz_i delta} (relaxed mode) and narrowed by
     * the first-layer margin {@code margin |w_i|} (exact mode).
     */
    private static LayerPlan planLayer(Layer layer, int l, Inputs in, BigDecimal p, NeuronBounds bounds,
            double margin, double[] lipschitz, double delta) {
        int n = layer.outputSize();
        int m = layer.inputSize();
        LayerPlan plan = new LayerPlan();
        plan.shift = in.shift();
        plan.inLo = in.lo();
        plan.inHi = in.hi();
        plan.scale = in.scale().multiply(p);
        plan.weights = new long[n][m];
        plan.bias = new long[n];
        plan.error = new BigDecimal[n];
        plan.zLo = new long[n];
        plan.zHi = new long[n];
        plan.state = new int[n];
        plan.onLo = new long[n];
        plan.offHi = new long[n];
        plan.hLo = new long[n];
        plan.hHi = new long[n];
        plan.widening = new double[n];
        for (int i = 0; i < n; i++) {
            BigDecimal error = BigDecimal.ZERO;
            BigInteger exprLo = BigInteger.ZERO;
            BigInteger exprHi = BigInteger.ZERO;
            double rowNorm = 0;
            for (int k = 0; k < m; k++) {
                rowNorm += layer.weight(i, k) * layer.weight(i, k);
                if (!in.present()[k]) {
                    continue;
                }
                BigDecimal trueWeight = new BigDecimal(layer.weight(i, k)).multiply(p);
                long w = trueWeight.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                plan.weights[i][k] = w;
                BigDecimal inputSize = BigDecimal.valueOf(Math.max(Math.abs(in.lo()[k]), Math.abs(in.hi()[k])))
                        .add(in.error()[k]);
                error = error.add(BigDecimal.valueOf(Math.abs(w)).multiply(in.error()[k]))
                        .add(BigDecimal.valueOf(w).subtract(trueWeight).abs().multiply(inputSize));
                exprLo = exprLo.add(BigInteger.valueOf(w).multiply(BigInteger.valueOf(w >= 0 ? in.lo()[k] : in.hi()[k])));
                exprHi = exprHi.add(BigInteger.valueOf(w).multiply(BigInteger.valueOf(w >= 0 ? in.hi()[k] : in.lo()[k])));
            }
            BigDecimal trueBias = new BigDecimal(layer.bias(i)).multiply(in.scale()).multiply(p);
            long bias = trueBias.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            plan.bias[i] = bias;
            error = error.add(BigDecimal.valueOf(bias).subtract(trueBias).abs());
            plan.error[i] = error;
            exprLo = exprLo.add(BigInteger.valueOf(bias));
            exprHi = exprHi.add(BigInteger.valueOf(bias));
            // Widening: the rounding error, plus in relaxed mode how far the lattice point may be from the region.
            BigDecimal slack = lipschitz == null ? error
                    : error.add(plan.scale.multiply(new BigDecimal(lipschitz[i] * delta * (1 + 1e-9))));
            plan.widening[i] = slack.doubleValue() / plan.scale.doubleValue();
            BigDecimal trueLo = plan.scale.multiply(new BigDecimal(bounds.lower(l, i))).subtract(slack);
            BigDecimal trueHi = plan.scale.multiply(new BigDecimal(bounds.upper(l, i))).add(slack);
            long zLo = max(new BigDecimal(exprLo), trueLo).setScale(0, RoundingMode.FLOOR).longValueExact();
            long zHi = min(new BigDecimal(exprHi), trueHi).setScale(0, RoundingMode.CEILING).longValueExact();
            plan.zLo[i] = zLo;
            plan.zHi[i] = Math.max(zLo, zHi);
            BigDecimal onMargin = plan.scale.multiply(new BigDecimal(margin * Math.sqrt(rowNorm)));
            // On: A z > 0 and A z >= margin, so Z > -slack and Z >= margin - slack. Off: Z <= slack - margin.
            plan.onLo[i] = Math.max(slack.negate().setScale(0, RoundingMode.FLOOR).longValueExact() + 1,
                    onMargin.subtract(slack).setScale(0, RoundingMode.CEILING).longValueExact());
            plan.offHi[i] = slack.subtract(onMargin).setScale(0, RoundingMode.FLOOR).longValueExact();
            if (bounds.stablyOn(l, i)) {
                plan.state[i] = 1;
                plan.hLo[i] = plan.zLo[i];
                plan.hHi[i] = plan.zHi[i];
            } else if (bounds.stablyOff(l, i)) {
                plan.state[i] = -1;
            } else {
                plan.hLo[i] = Math.min(0, plan.onLo[i]);
                plan.hHi[i] = Math.max(0, plan.zHi[i]);
            }
        }
        return plan;
    }

    private static double[] firstLayerNorms(Layer layer) {
        double[] norms = new double[layer.outputSize()];
        for (int i = 0; i < norms.length; i++) {
            double sum = 0;
            for (int k = 0; k < layer.inputSize(); k++) {
                sum += layer.weight(i, k) * layer.weight(i, k);
            }
            norms[i] = Math.sqrt(sum);
        }
        return norms;
    }

    /** Gradient-norm bounds of the next layer over every pattern: {@code sum_k |W_ik| Lambda_k} over neurons not stably off. */
    private static double[] nextLipschitz(Layer layer, double[] previous, int[] previousState) {
        double[] next = new double[layer.outputSize()];
        for (int i = 0; i < next.length; i++) {
            double sum = 0;
            for (int k = 0; k < layer.inputSize(); k++) {
                if (previousState[k] >= 0) {
                    sum += Math.abs(layer.weight(i, k)) * previous[k];
                }
            }
            next[i] = sum;
        }
        return next;
    }

    /** The largest {@code sum_k |W_ik P| |I_k| + |b_i| A_in P} over the layer's neurons, for weight scale {@code p}. */
    private static BigDecimal largestSum(Layer layer, Inputs in, long p) {
        BigDecimal largest = BigDecimal.ZERO;
        for (int i = 0; i < layer.outputSize(); i++) {
            double sum = 0;
            for (int k = 0; k < layer.inputSize(); k++) {
                if (in.present()[k]) {
                    sum += Math.abs(layer.weight(i, k)) * Math.max(Math.abs((double) in.lo()[k]), Math.abs((double) in.hi()[k]));
                }
            }
            BigDecimal total = new BigDecimal(sum * 1.001 + 1)
                    .add(new BigDecimal(Math.abs(layer.bias(i))).multiply(in.scale())).multiply(BigDecimal.valueOf(p));
            largest = largest.max(total);
        }
        return largest;
    }

    /** The smallest {@code 2^k <= 2^MAX_DENOMINATOR_BITS} making every weight and bias an integer, or 0. */
    private static long dyadicDenominator(Layer layer) {
        int bits = 0;
        for (int i = 0; i < layer.outputSize(); i++) {
            for (int k = 0; k <= layer.inputSize(); k++) {
                double v = k < layer.inputSize() ? layer.weight(i, k) : layer.bias(i);
                bits = Math.max(bits, Math.max(0, new BigDecimal(v).stripTrailingZeros().scale()));
                if (bits > MAX_DENOMINATOR_BITS) {
                    return 0;
                }
            }
        }
        return 1L << bits;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The largest widening (error bound plus lattice slack), in units of the pre-activation; 0 in exact mode. */
    double relaxation() {
        double largest = 0;
        for (LayerPlan plan : layers) {
            for (double widening : plan.widening) {
                largest = Math.max(largest, widening);
            }
        }
        return largest;
    }
}
