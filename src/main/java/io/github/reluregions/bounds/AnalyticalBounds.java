package io.github.reluregions.bounds;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.model.Network;
import io.github.reluregions.propagation.CrownBounds;
import io.github.reluregions.propagation.PreActivationBounds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytical upper bounds on the number of regions of a network, from the literature. Notation:
 * {@code n0} inputs, hidden widths {@code n1..nL}, {@code N = n1 + ... + nL}. Each bound is exact integer
 * arithmetic; the cost is polynomial in the widths (the largest, the histogram bounds, take
 * O(L n0 max n_l) big-integer operations). What was read of each paper is in {@code docs/bounds-research.md}.
 */
public final class AnalyticalBounds {
    private AnalyticalBounds() {
    }

    /** Every bound for {@code network} (the domain is used by the domain-aware bounds), in a fixed order. */
    public static List<RegionBound> of(Network network, InputDomain domain) {
        int n0 = network.inputDimension();
        int[] widths = network.hiddenWidths().stream().mapToInt(Integer::intValue).toArray();
        List<RegionBound> bounds = new ArrayList<>();
        bounds.add(trivial(widths));
        bounds.add(montufar2014(widths));
        bounds.add(zaslavskyProduct(n0, widths));
        bounds.add(raghu2017(n0, widths));
        bounds.add(montufar2017(n0, widths));
        Histograms histograms = new Histograms(n0, widths);
        bounds.add(serra2018(histograms));
        int[] ranks = new int[widths.length];
        for (int l = 0; l < widths.length; l++) {
            ranks[l] = rank(network.hiddenLayer(l).weights());
        }
        bounds.add(serra2018Rank(histograms, ranks));
        bounds.add(hinz2019(histograms));
        bounds.add(stableNeurons(histograms, network, CrownBounds.of(network, domain), ranks));
        bounds.add(zhu2020(domain));
        return List.copyOf(bounds);
    }

    /** Every pattern of the N hidden neurons: {@code 2^N}. */
    static RegionBound trivial(int[] widths) {
        int total = 0;
        for (int n : widths) {
            total += n;
        }
        return RegionBound.of("trivial", "every activation pattern", "2^N, N = " + total,
                BigInteger.TWO.pow(total), false);
    }

    /**
     * Montufar, Pascanu, Cho, Bengio 2014, "On the number of linear regions of deep neural networks": the
     * regions map one-to-one to activation patterns, so there are at most {@code 2^N}. The same value as
     * {@code trivial}, listed because the paper states it (its other results are lower bounds). Read
     * through restatements by Serra et al. 2018 and Hinz and van de Geer 2019, not the paper itself.
     */
    static RegionBound montufar2014(int[] widths) {
        RegionBound trivial = trivial(widths);
        return RegionBound.of("montufar2014", "Montufar, Pascanu, Cho, Bengio 2014 (upper bound)",
                trivial.formula() + " (regions are at most the activation patterns; the same value as trivial)",
                trivial.value(), false);
    }

    /**
     * The naive per-layer bound from Zaslavsky's theorem: on each region of the layers before it, layer
     * {@code l} acts by {@code n_l} hyperplanes in the {@code n0}-dimensional input space, which cut it
     * into at most {@code sum_{j<=n0} C(n_l, j)} pieces. So {@code prod_l sum_{j=0}^{n0} C(n_l, j)}.
     */
    static RegionBound zaslavskyProduct(int n0, int[] widths) {
        BigInteger product = BigInteger.ONE;
        for (int n : widths) {
            product = product.multiply(Binomials.sumUpTo(n, n0));
        }
        return RegionBound.of("zaslavsky", "Zaslavsky 1975, applied layer by layer",
                "prod_l sum_{j=0}^{n0} C(n_l, j)", product, false);
    }

    /**
     * Raghu, Poole, Kleinberg, Ganguli, Sohl-Dickstein 2017, "On the expressive power of deep neural
     * networks", Theorem 1: for {@code n} hidden layers of width {@code k} on {@code m} inputs the number
     * of regions is {@code O(k^{mn})}. Its proof bounds each layer's new hyperplanes inside a region by
     * Zaslavsky's count, giving the explicit bound {@code (sum_{j=0}^{m} C(k, j))^n}; we apply it with
     * {@code k} the largest hidden width, since the theorem is stated for equal widths.
     */
    static RegionBound raghu2017(int n0, int[] widths) {
        int k = 0;
        for (int n : widths) {
            k = Math.max(k, n);
        }
        BigInteger value = Binomials.sumUpTo(k, n0).pow(widths.length);
        return RegionBound.of("raghu2017", "Raghu et al. 2017, Theorem 1 (explicit form of its proof)",
                "(sum_{j=0}^{n0} C(k, j))^L, k = max width = " + k + ", L = " + widths.length, value, false);
    }

    /**
     * Montufar 2017, "Notes on the number of linear regions of deep neural networks":
     * {@code prod_{l=1}^{L} sum_{j=0}^{d_l} C(n_l, j)} with {@code d_l = min(n0, n1, ..., n_l)}: a layer's
     * image has dimension at most the smallest width so far.
     */
    static RegionBound montufar2017(int n0, int[] widths) {
        BigInteger product = BigInteger.ONE;
        int d = n0;
        for (int n : widths) {
            d = Math.min(d, n);
            product = product.multiply(Binomials.sumUpTo(n, d));
        }
        return RegionBound.of("montufar2017", "Montufar 2017, Notes on the number of linear regions",
                "prod_l sum_{j=0}^{d_l} C(n_l, j), d_l = min(n0, n1, ..., n_l)", product, false);
    }

    /**
     * Serra, Tjandraatmadja, Ramalingam 2018, "Bounding and counting linear regions of deep neural
     * networks", Theorem 1: {@code sum_{(j_1..j_L) in J} prod_l C(n_l, j_l)} with
     * {@code J = {0 <= j_l <= min(n0, n1 - j1, ..., n_{l-1} - j_{l-1}, n_l) for all l}}: a region in which
     * {@code j} neurons of a layer are off has an image of dimension at most {@code n_l - j}. Evaluated
     * without enumerating {@code J}, as the histogram recursion of {@link HistogramFramework} (the running
     * minimum in {@code J} is the histogram's dimension), in O(L n0 max n_l) big-integer operations.
     */
    static RegionBound serra2018(int n0, int[] widths) {
        return serra2018(new Histograms(n0, widths));
    }

    private static RegionBound serra2018(Histograms histograms) {
        return RegionBound.of("serra2018", "Serra, Tjandraatmadja, Ramalingam 2018, Theorem 1",
                "sum_{j in J} prod_l C(n_l, j_l), J = {0 <= j_l <= min(n0, n1-j1, ..., n_{l-1}-j_{l-1}, n_l)}",
                histograms.serra(histograms.widths), false);
    }

    /**
     * Serra, Tjandraatmadja, Ramalingam 2018, the rank refinement stated after their Lemma 4: Theorem 1
     * with the last entry of the min in {@code J} replaced by {@code rank(W^l)}, the binomials unchanged.
     * Ranks are computed numerically (Gaussian elimination, relative tolerance 1e-12).
     */
    static RegionBound serra2018Rank(int n0, int[] widths, int[] ranks) {
        return serra2018Rank(new Histograms(n0, widths), ranks);
    }

    private static RegionBound serra2018Rank(Histograms histograms, int[] ranks) {
        return RegionBound.of("serra2018-rank", "Serra, Tjandraatmadja, Ramalingam 2018, rank refinement",
                "Theorem 1 with j_l <= min(n0, n1-j1, ..., n_{l-1}-j_{l-1}, rank W^l), ranks " + Arrays.toString(ranks),
                histograms.serra(ranks), false);
    }

    /**
     * Hinz and van de Geer 2019, "A framework for the construction of upper bounds on the number of affine
     * linear regions of ReLU feed-forward neural networks", the framework's bound
     * {@code || phi_{n_L} o ... o phi_{n_1}(e_{n0}) ||_1} (equivalently the L1 norm of the last column of
     * {@code B_{n_L} M_{n_{L-1},n_L} ... B_{n_1} M_{n0,n1}}), see {@link HistogramFramework}, with the
     * strongest {@code gamma} that the paper's abstract names: Serra et al.'s. So its value is that of
     * {@code serra2018}. The paper's further results are closed-form asymptotic bounds on this quantity
     * for many layers of equal width (from a Jordan-like decomposition of the matrices); a closed form
     * bounding this product from above cannot be smaller, and we could not read their formulas, so they
     * are not computed. Implemented from the abstract and a third-party summary (the full text was not
     * available); applies to every fully connected ReLU network.
     */
    static RegionBound hinz2019(int n0, int[] widths) {
        return hinz2019(new Histograms(n0, widths));
    }

    private static RegionBound hinz2019(Histograms histograms) {
        return RegionBound.of("hinz2019", "Hinz & van de Geer 2019, histogram framework (from a summary)",
                "|| phi_{n_L} o ... o phi_{n_1}(e_{n0}) ||_1 with gamma_{n,n'} = C(n', j) at n' - j for j <= n "
                        + "(Serra et al.'s gamma, the strongest the paper names; the same value as serra2018)",
                histograms.serra(histograms.widths), false);
    }

    /**
     * The framework's bound with Serra-type {@code gamma}s ({@link HistogramFramework#serra}) for one
     * architecture, each distinct input computed once: inputs that differ only in caps that cannot bind
     * (a cap at or above the largest dimension a region can have there) share the value. So a rank that
     * does not bind, or a domain that makes no neuron stable, costs nothing more than {@code serra2018}.
     */
    private static final class Histograms {
        private final int n0;
        private final int[] widths;
        private final Map<String, BigInteger> values = new HashMap<>();

        Histograms(int n0, int[] widths) {
            this.n0 = n0;
            this.widths = widths.clone();
        }

        /** All neurons can change sign; {@code j_l <= caps[l]}. */
        BigInteger serra(int[] caps) {
            return bound(widths, new int[widths.length], caps);
        }

        BigInteger bound(int[] hyperplanes, int[] alwaysActive, int[] caps) {
            int[] effective = new int[widths.length];
            int dimension = n0;
            for (int l = 0; l < widths.length; l++) {
                effective[l] = Math.min(dimension, Math.min(hyperplanes[l], caps[l]));
                dimension = Math.min(dimension, alwaysActive[l] + hyperplanes[l]);
            }
            String key = Arrays.toString(hyperplanes) + Arrays.toString(alwaysActive) + Arrays.toString(effective);
            return values.computeIfAbsent(key, k -> {
                List<HistogramFramework.LayerGamma> gammas = new ArrayList<>();
                for (int l = 0; l < widths.length; l++) {
                    gammas.add(HistogramFramework.serra(widths[l], hyperplanes[l], alwaysActive[l], effective[l]));
                }
                return HistogramFramework.bound(n0, gammas);
            });
        }
    }

    /**
     * The activation-based bound with the neurons that are stable in the domain, after Serra &amp;
     * Ramalingam 2020, "Empirical bounds on linear regions of deep rectifier networks" (AAAI). Only the
     * paper's abstract was available: it announces "a tighter activation-based bound for the maximum
     * number of linear regions, which is particularly stronger in networks with narrow layers", and
     * third-party code implementing the paper finds the stably active and stably inactive units by
     * maximising and minimising every unit over a bounded input. We could not read the theorem, so this
     * form is our own, derived from Serra et al. 2018, Theorem 1 in the histogram form of
     * {@link HistogramFramework}; it is not attributed to the paper.
     *
     * <p>Bound propagation over the domain ({@link CrownBounds}: linear relaxation, never looser than
     * interval arithmetic, padded against rounding) finds, per layer, {@code a_l} neurons active on the
     * whole domain, neurons inactive on the whole domain, and {@code u_l} others. On a region whose image
     * has dimension at most {@code d}, only the {@code u_l} others cut; pieces with exactly {@code j} of
     * them off number at most {@code C(u_l, j)}, only {@code j <= min(d, r_l)} occur ({@code r_l} the rank
     * of their weight rows: Zaslavsky), and such a piece has {@code a_l + u_l - j} active neurons, so its
     * image has dimension at most {@code min(d, a_l + u_l - j)}. Hence
     * {@code sum_{j in J'} prod_l C(u_l, j_l)} with {@code J' = {0 <= j_l <= min(d_{l-1}, r_l)}},
     * {@code d_l = min(d_{l-1}, a_l + u_l - j_l)}, {@code d_0 = n0}. It never exceeds {@code serra2018-rank}
     * (each layer's histogram is dominated by Serra et al.'s), and shrinks with the domain. Even in R^d it
     * can be lower: propagation finds deeper neurons that are dead everywhere.
     *
     * @param fullRanks the rank of every layer's whole weight matrix (reused where no neuron is stable)
     */
    private static RegionBound stableNeurons(Histograms histograms, Network network, PreActivationBounds intervals,
            int[] fullRanks) {
        int layers = intervals.layers().size();
        int[] unstable = new int[layers];
        int[] active = new int[layers];
        int[] ranks = new int[layers];
        for (int l = 0; l < layers; l++) {
            Interval[] neurons = intervals.layers().get(l);
            double[][] weights = network.hiddenLayer(l).weights();
            List<double[]> unstableRows = new ArrayList<>();
            for (int i = 0; i < neurons.length; i++) {
                if (neurons[i].isPositive()) {
                    active[l]++;
                } else if (!neurons[i].isNegative()) {
                    unstable[l]++;
                    unstableRows.add(weights[i]);
                }
            }
            ranks[l] = unstableRows.size() == neurons.length ? fullRanks[l]
                    : unstableRows.isEmpty() ? 0 : rank(unstableRows.toArray(new double[0][]));
        }
        return RegionBound.of("stable-neurons", "after Serra & Ramalingam 2020 (activation-based); derivation ours",
                "Theorem 1 of Serra et al. 2018 over the unstable neurons u_l = " + Arrays.toString(unstable)
                        + " (rank " + Arrays.toString(ranks) + ") with stably active a_l = " + Arrays.toString(active),
                histograms.bound(unstable, active, ranks), true);
    }

    /**
     * Zhu, Lin, Tang 2020, "Bounding the number of linear regions in local area for neural networks with
     * ReLU activations" (arXiv 2007.06803): an upper bound on the regions inside a ball around a point. Only
     * the abstract was available, which states that such a bound exists but gives no formula, theorem,
     * norm or algorithm; so no value is computed rather than a formula invented.
     */
    static RegionBound zhu2020(InputDomain domain) {
        String missing = "its statement could not be found: only the abstract of arXiv 2007.06803 was available, "
                + "and it gives no formula";
        String reason = domain instanceof Ball ? missing
                : "a bound for ball domains (this domain is " + domain.describe() + "); besides, " + missing;
        return RegionBound.notApplicable("zhu2020", "Zhu, Lin, Tang 2020, regions in a ball around a point",
                "(statement not available)", true, reason);
    }

    /** The numerical rank of a matrix (Gaussian elimination with partial pivoting). */
    static int rank(double[][] matrix) {
        int rows = matrix.length;
        int cols = matrix[0].length;
        double[][] a = new double[rows][];
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            a[i] = matrix[i].clone();
            for (double v : a[i]) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        double tolerance = 1e-12 * largest * Math.max(rows, cols);
        int rank = 0;
        for (int c = 0; c < cols && rank < rows; c++) {
            int pivot = rank;
            for (int i = rank + 1; i < rows; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[pivot][c])) {
                    pivot = i;
                }
            }
            if (Math.abs(a[pivot][c]) <= tolerance) {
                continue;
            }
            double[] swap = a[pivot];
            a[pivot] = a[rank];
            a[rank] = swap;
            for (int i = rank + 1; i < rows; i++) {
                double factor = a[i][c] / a[rank][c];
                for (int k = c; k < cols; k++) {
                    a[i][k] -= factor * a[rank][k];
                }
            }
            rank++;
        }
        return rank;
    }
}
