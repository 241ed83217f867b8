package io.github.reluregions.bounds;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The framework of Hinz and van de Geer 2019, "A framework for the construction of upper bounds on the
 * number of affine linear regions of ReLU feed-forward neural networks" (IEEE Trans. Inf. Theory 65(11)):
 * a histogram of regions by the dimension of their image is pushed through the layers.
 *
 * <p>Statement (from the abstract and a third-party summary of the paper; the paper's full text was not
 * available, see {@code docs/bounds-research.md}). A histogram {@code v} counts regions by the dimension
 * bound {@code min(n0, |s_1|, ..., |s_l|)} of their image, where {@code |s_k|} is the number of active units
 * of layer {@code k}. For a layer of width {@code n'}, {@code gamma_{n,n'}} is a histogram over the number
 * of active units that dominates, in the order {@code v <= w iff sum_{j>=J} v_j <= sum_{j>=J} w_j for
 * every J}, the activation histogram of every such layer on an input of dimension {@code n}, and grows
 * with {@code n}. With the clipping {@code cl_i(v)} (entries above {@code i} added into entry {@code i})
 * and the transition {@code phi_{n'}(v) = sum_n v_n cl_{min(n,n')}(gamma_{min(n,n'),n'})}, the number of
 * activation patterns is at most {@code || phi_{n_L} o ... o phi_{n_1}(e_{n0}) ||_1}.
 *
 * <p>Choices of {@code gamma} give the known bounds: {@code 2^{n'} e_{n'}} gives {@code 2^N} (Montufar
 * et al. 2014), {@code (sum_{j<=n} C(n', j)) e_{n'}} gives Montufar 2017, and {@code C(n', j)} at
 * {@code n' - j} for {@code j <= n} gives Serra et al. 2018, Theorem 1 (the abstract names these three;
 * the per-layer {@code gamma} formulas are ours, checked against the closed forms in the tests).
 *
 * <p>Cost: per layer, O(n0 * (n' + 1)) big-integer additions and multiplications.
 */
final class HistogramFramework {
    private HistogramFramework() {
    }

    /**
     * {@code gamma_{n,n'}} of one layer: a histogram over the number of active units ({@code 0..width})
     * that dominates the layer's activation histogram on any input region of dimension {@code n}.
     */
    interface LayerGamma {
        /** The width {@code n'} of the layer. */
        int width();

        /** {@code gamma_{n,n'}}, indexed by the number of active units; {@code n <= width()}. */
        BigInteger[] histogram(int n);
    }

    /**
     * {@code 2^{n'} e_{n'}}: every pattern, counted at the largest dimension (Montufar et al. 2014). Its
     * transition multiplies the count by {@code 2^{n'}}.
     */
    static LayerGamma allPatterns(int width) {
        return gamma(width, n -> at(width, width, BigInteger.TWO.pow(width)));
    }

    /**
     * {@code (sum_{j<=n} C(n', j)) e_{n'}}: Zaslavsky's count of the regions of {@code n'} hyperplanes in
     * dimension {@code n}, all counted at the largest dimension (Montufar 2017).
     */
    static LayerGamma zaslavsky(int width) {
        BigInteger[] binomials = Binomials.row(width);
        BigInteger[] prefix = new BigInteger[width + 1];
        prefix[0] = binomials[0];
        for (int j = 1; j <= width; j++) {
            prefix[j] = prefix[j - 1].add(binomials[j]);
        }
        return gamma(width, n -> at(width, width, prefix[n]));
    }

    /**
     * Serra et al. 2018's choice, generalised to a layer whose neurons are partly fixed: {@code hyperplanes}
     * neurons can change sign, {@code alwaysActive} are active on every region, the rest inactive on every
     * region. A region of dimension {@code n} is cut into pieces of which at most {@code C(h, j)} have
     * exactly {@code j} of the {@code h} changing neurons inactive, and none with {@code j > min(n, cap)}
     * (their count of at most {@code k} inactive is at most both {@code sum_{j<=k} C(h, j)} and the
     * Zaslavsky count {@code sum_{j<=min(n, cap)} C(h, j)}, with {@code cap} the rank of their weight rows):
     * {@code gamma_n} has {@code C(h, j)} at {@code alwaysActive + h - j} for {@code 0 <= j <= min(n, cap)}.
     * With {@code h = n'}, {@code alwaysActive = 0}, {@code cap = n'} this is Serra et al.'s Theorem 1.
     */
    static LayerGamma serra(int width, int hyperplanes, int alwaysActive, int cap) {
        if (hyperplanes < 0 || alwaysActive < 0 || hyperplanes + alwaysActive > width || cap < 0) {
            throw new IllegalArgumentException("hyperplanes " + hyperplanes + ", always active " + alwaysActive
                    + ", cap " + cap + " do not fit a layer of width " + width);
        }
        BigInteger[] binomials = Binomials.row(hyperplanes);
        return gamma(width, n -> {
            BigInteger[] histogram = zeros(width + 1);
            for (int j = 0; j <= Math.min(n, Math.min(cap, hyperplanes)); j++) {
                histogram[alwaysActive + hyperplanes - j] = binomials[j];
            }
            return histogram;
        });
    }

    /** {@code || phi_{n_L} o ... o phi_{n_1}(e_{n0}) ||_1}: the bound on the number of activation patterns. */
    static BigInteger bound(int n0, List<LayerGamma> layers) {
        BigInteger[] histogram = zeros(n0 + 1);
        histogram[n0] = BigInteger.ONE;
        for (LayerGamma layer : layers) {
            histogram = transition(histogram, layer);
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger count : histogram) {
            total = total.add(count);
        }
        return total;
    }

    /**
     * {@code phi_{n'}(v) = sum_n v_n cl_{min(n,n')}(gamma_{min(n,n'),n'})}. Dimensions never grow, so the
     * result has the length of {@code v}.
     */
    static BigInteger[] transition(BigInteger[] v, LayerGamma layer) {
        BigInteger[] next = zeros(v.length);
        for (int n = 0; n < v.length; n++) {
            if (v[n].signum() == 0) {
                continue;
            }
            int dimension = Math.min(n, layer.width());
            BigInteger[] clipped = clip(layer.histogram(dimension), dimension);
            for (int i = 0; i <= dimension; i++) {
                if (clipped[i].signum() != 0) {
                    next[i] = next[i].add(v[n].multiply(clipped[i]));
                }
            }
        }
        return next;
    }

    /** {@code cl_i(v)}: entries above {@code i} added into entry {@code i}; the result has length {@code i + 1}. */
    static BigInteger[] clip(BigInteger[] v, int i) {
        BigInteger[] clipped = zeros(i + 1);
        for (int k = 0; k < v.length; k++) {
            int to = Math.min(k, i);
            clipped[to] = clipped[to].add(v[k]);
        }
        return clipped;
    }

    private interface Histograms {
        BigInteger[] of(int n);
    }

    private static LayerGamma gamma(int width, Histograms histograms) {
        if (width < 1) {
            throw new IllegalArgumentException("a layer has at least one neuron, not " + width);
        }
        return new LayerGamma() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public BigInteger[] histogram(int n) {
                return histograms.of(n);
            }
        };
    }

    private static BigInteger[] at(int width, int index, BigInteger value) {
        BigInteger[] histogram = zeros(width + 1);
        histogram[index] = value;
        return histogram;
    }

    private static BigInteger[] zeros(int length) {
        BigInteger[] zeros = new BigInteger[length];
        Arrays.fill(zeros, BigInteger.ZERO);
        return zeros;
    }
}
