package io.github.reluregions.domain;

import io.github.reluregions.Vectors;

/**
 * The evidence that a cell is empty: an upper bound on the radius of every Euclidean ball that lies inside
 * a set of half-spaces and inside a bounded domain, proved by any nonnegative combination of the
 * half-spaces. No solver is trusted: the weights may come from any LP's duals, exact or not, and the bound
 * holds whatever they are; good weights just make it tight.
 *
 * <p>The half-spaces are {@code n_i . x <= b_i} with unit normals. A ball {@code B(x, t)} inside them has
 * {@code n_i . x + t <= b_i}; with weights {@code y_i >= 0}, {@code Y = sum y_i}, {@code g = sum y_i n_i}:
 * {@code g . x + Y t <= sum y_i b_i}. Inside the domain, with center {@code c},
 * {@code g . (x - c) >= -sigma(g) + t kappa(g)}, where for a box of half-widths {@code h}:
 * {@code sigma = sum |g_j| h_j}, {@code kappa = |g|_1}; an L2 ball of radius {@code r}: {@code sigma = r |g|_2},
 * {@code kappa = |g|_2} (the sphere exactly, no outer approximation); an L-infinity ball: {@code r |g|_1},
 * {@code |g|_1}; an L1 ball: {@code r |g|_inf}, {@code sqrt(d) |g|_inf}. Hence
 * {@code t <= (sum y_i (b_i - n_i . c) + sigma(g)) / (Y + kappa(g))}, in any dimension.
 *
 * <p>The bound is computed in floating point and then raised by a bound on its rounding error, so that it
 * is an upper bound on the exact one. All of R^d has no such certificate here (a residual {@code g} of
 * rounding size would have to be charged at infinity); callers decide R^d by other means.
 */
public final class RadiusCertificate {
    private static final double EPS = Math.ulp(1.0);

    private RadiusCertificate() {
    }

    /**
     * The bound proved by {@code weights[0..count)} on the half-spaces {@code normals[i] . x <= offsets[i]}
     * inside {@code domain}; {@code +Infinity} when the weights prove nothing (all zero) or the domain is
     * all of R^d. Negative weights are read as zero.
     */
    public static double bound(InputDomain domain, double[][] normals, double[] offsets, double[] weights, int count) {
        if (domain instanceof WholeSpace) {
            return Double.POSITIVE_INFINITY;
        }
        int d = domain.dimension();
        double[] center = centerOf(domain);
        double[] g = new double[d];
        double weightSum = 0;
        double shiftedOffsets = 0; // sum y_i (b_i - n_i . c)
        double magnitude = 0; // sum y_i (|b_i| + |n_i| . |c|): the size of the terms summed
        for (int i = 0; i < count; i++) {
            double y = weights[i];
            if (!(y > 0)) {
                continue;
            }
            double[] n = normals[i];
            Vectors.addScaled(g, y, n, d);
            double atCenter = Vectors.dot(n, center, d);
            double absAtCenter = Vectors.absDot(n, center);
            weightSum += y;
            shiftedOffsets += y * (offsets[i] - atCenter);
            magnitude += y * (Math.abs(offsets[i]) + absAtCenter);
        }
        if (!(weightSum > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double sigma;
        double kappa;
        double reach; // the largest |x_j - c_j| in the domain, which charges each coordinate's rounding in g
        if (domain instanceof Box box) {
            sigma = spread(box, g);
            kappa = Norm.L1.of(g);
            reach = box.scale();
        } else {
            Ball ball = (Ball) domain;
            double r = ball.radius();
            reach = r;
            switch (ball.norm()) {
                case L2 -> {
                    kappa = Norm.L2.of(g);
                    sigma = r * kappa;
                }
                case LINF -> {
                    kappa = Norm.L1.of(g);
                    sigma = r * kappa;
                }
                default -> { // L1
                    double largest = Norm.LINF.of(g);
                    sigma = r * largest;
                    kappa = Math.sqrt(d) * largest;
                }
            }
        }
        // Rounding: each g_j is off by at most count * eps * sum_i y_i |n_ij|, which moves sigma and g . c by at
        // most count * eps * sqrt(d) * weightSum * (reach + max |c_j|) (unit normals: sum_j |n_ij| <= sqrt(d));
        // summing sigma costs d * eps * sigma, the offsets (d + count) * eps * magnitude; doubled for safety.
        // The division then loses at most (d + count + 2) eps relative in the denominator.
        double centerSize = Norm.LINF.of(center);
        double rounding = 2 * EPS * ((d + count) * magnitude + d * sigma
                + (count + 1) * Math.sqrt(d) * weightSum * (reach + centerSize));
        double numerator = shiftedOffsets + sigma + rounding;
        double denominatorError = (d + count + 2) * EPS;
        double denominator = (weightSum + kappa) * (numerator > 0 ? 1 - denominatorError : 1 + denominatorError);
        return numerator / denominator;
    }

    /** {@code sum_j |g_j| h_j} over the box's half-widths {@code h_j}: how far {@code g . x} moves in it. */
    private static double spread(Box box, double[] g) {
        double sigma = 0;
        for (int j = 0; j < g.length; j++) {
            sigma += Math.abs(g[j]) * ((box.upper(j) - box.lower(j)) / 2);
        }
        return sigma;
    }

    private static double[] centerOf(InputDomain domain) {
        if (domain instanceof Ball ball) {
            return ball.center();
        }
        Box box = (Box) domain;
        double[] center = new double[box.dimension()];
        for (int j = 0; j < center.length; j++) {
            center[j] = (box.lower(j) + box.upper(j)) / 2;
        }
        return center;
    }
}
