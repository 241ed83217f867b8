package io.github.reluregions.testing;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Networks with provable region counts in any input dimension, the domains around them, and samplers that
 * draw points uniformly in a box or in an L1, L2 or L-infinity ball of high dimension. Everything here is
 * computed from the weights alone (no engine, bound or solver code), so tests can check engines against it.
 */
public final class HighDim {
    private HighDim() {
    }

    /** How a domain is shaped: a box or a ball in one of the three norms. */
    public enum Shape {
        BOX, L1, L2, LINF;

        /** This shape of "radius" {@code r} around {@code center}: a ball, or the cube of half-width r. */
        public InputDomain around(double[] center, double r) {
            if (this == BOX) {
                double[] lower = new double[center.length];
                double[] upper = new double[center.length];
                for (int j = 0; j < center.length; j++) {
                    lower[j] = center[j] - r;
                    upper[j] = center[j] + r;
                }
                return Box.of(lower, upper);
            }
            return Ball.of(center, r, this == L1 ? Norm.L1 : this == L2 ? Norm.L2 : Norm.LINF);
        }
    }

    /** A net and the point all of its first-layer hyperplanes pass through. */
    public record Central(Network net, double[] point) {
    }

    /**
     * {@code k} random (Gaussian) hyperplanes through one random point p of [0, 1]^d, as one hidden layer
     * (rows w_i, biases -w_i.p) with one linear output: a central arrangement in general position.
     */
    public static Central central(int d, int k, long seed) {
        Random random = new Random(seed);
        double[] p = new double[d];
        for (int j = 0; j < d; j++) {
            p[j] = random.nextDouble();
        }
        double[][] w = new double[k][d];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = random.nextGaussian();
            }
            b[i] = -dot(w[i], p);
        }
        double[][] out = new double[1][k];
        for (int i = 0; i < k; i++) {
            out[0][i] = 1 + i;
        }
        return new Central(Network.of(List.of(Layer.of(w, b), Layer.of(out, new double[1]))), p);
    }

    /**
     * Regions of k hyperplanes in general position through one point of R^d, inside any neighbourhood of
     * the point: 2^k cones for k <= d, else 2 * sum_{j < d} C(k - 1, j).
     */
    public static long centralCount(int k, int d) {
        return k <= d ? 1L << k : 2 * Nets.generalPositionCount(k - 1, d - 1);
    }

    /**
     * The L-fold tent map of {@link Nets#tentMap} fed with {@code u.x} for a unit vector u of R^d: 2^L slabs
     * {@code u.x in (i/2^L, (i+1)/2^L)}, all of which meet any convex domain on which u.x ranges over (0, 1).
     */
    public static Network tentMapAlong(double[] u, int depth) {
        Network tent = Nets.tentMap(depth);
        List<Layer> layers = new ArrayList<>(tent.layers());
        Layer first = layers.get(0);
        double[][] w = new double[first.outputSize()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new double[u.length];
            for (int j = 0; j < u.length; j++) {
                w[i][j] = first.weight(i, 0) * u[j];
            }
        }
        layers.set(0, Layer.of(w, first.biases()));
        return Network.of(layers);
    }

    /**
     * The point nearest the origin of the flat where all first-layer hyperplanes meet, {@code -W^T (W W^T)^-1 b}
     * (for at most d rows with independent normals); null when W W^T is singular. Around any point of that
     * flat all 2^m sign patterns of the m hyperplanes occur, so a domain holding it in its interior has
     * exactly 2^m regions of a one-hidden-layer net.
     */
    public static double[] commonPoint(Network net) {
        Layer layer = net.hiddenLayer(0);
        int m = layer.outputSize();
        double[][] w = layer.weights();
        double[][] a = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[r][c] = dot(w[r], w[c]);
            }
            a[r][m] = -layer.bias(r);
        }
        double[] y = Nets.solve(a);
        if (y == null) {
            return null;
        }
        double[] x = new double[layer.inputSize()];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < x.length; j++) {
                x[j] += y[r] * w[r][j];
            }
        }
        return x;
    }

    /** A random unit vector of R^d. */
    public static double[] unitVector(int d, Random random) {
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = random.nextGaussian();
        }
        double n = Norm.L2.of(u);
        for (int j = 0; j < d; j++) {
            u[j] /= n;
        }
        return u;
    }

    /** The domain's scale as the tolerance model defines it: the largest half-width of a box, a ball's radius. */
    public static double scale(InputDomain domain) {
        if (domain instanceof Box box) {
            double s = 0;
            for (int j = 0; j < box.dimension(); j++) {
                s = Math.max(s, (box.upper(j) - box.lower(j)) / 2);
            }
            return s;
        }
        if (domain instanceof Ball ball) {
            return ball.radius();
        }
        return 1;
    }

    /**
     * The Euclidean distance from x (inside) to the domain's boundary, computed here: the nearest face of a
     * box, r - |x - c| for L2 and L-infinity balls, (r - |x - c|_1) / sqrt(d) for an L1 ball (its facets'
     * normals have length sqrt(d)). Negative outside.
     */
    public static double boundaryDistance(InputDomain domain, double[] x) {
        if (domain instanceof Box box) {
            double m = Double.POSITIVE_INFINITY;
            for (int j = 0; j < x.length; j++) {
                m = Math.min(m, Math.min(x[j] - box.lower(j), box.upper(j) - x[j]));
            }
            return m;
        }
        if (domain instanceof Ball ball) {
            double l1 = 0;
            double l2 = 0;
            double linf = 0;
            for (int j = 0; j < x.length; j++) {
                double a = Math.abs(x[j] - ball.center(j));
                l1 += a;
                l2 += a * a;
                linf = Math.max(linf, a);
            }
            return switch (ball.norm()) {
                case L1 -> (ball.radius() - l1) / Math.sqrt(x.length);
                case L2 -> ball.radius() - Math.sqrt(l2);
                case LINF -> ball.radius() - linf;
            };
        }
        if (domain instanceof WholeSpace) {
            return Double.POSITIVE_INFINITY;
        }
        throw new IllegalArgumentException("unknown domain " + domain);
    }

    /** A point drawn uniformly in the domain (box or ball; for an L2 ball a Gaussian direction times r U^(1/d)). */
    public static double[] uniform(InputDomain domain, Random random) {
        if (domain instanceof Box box) {
            double[] x = new double[box.dimension()];
            for (int j = 0; j < x.length; j++) {
                x[j] = box.lower(j) + (box.upper(j) - box.lower(j)) * random.nextDouble();
            }
            return x;
        }
        Ball ball = (Ball) domain;
        int d = ball.dimension();
        double[] offset = switch (ball.norm()) {
            case LINF -> {
                double[] v = new double[d];
                for (int j = 0; j < d; j++) {
                    v[j] = 2 * random.nextDouble() - 1;
                }
                yield v;
            }
            case L2 -> scaled(gaussian(d, random), Norm.L2, Math.pow(random.nextDouble(), 1.0 / d));
            case L1 -> {
                // (E_1, ..., E_d) / (E_1 + ... + E_{d+1}) with exponential E_j is uniform in the simplex; random
                // signs make it uniform in the cross-polytope.
                double[] v = new double[d];
                double sum = -Math.log(1 - random.nextDouble());
                for (int j = 0; j < d; j++) {
                    v[j] = -Math.log(1 - random.nextDouble());
                    sum += v[j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] = (random.nextBoolean() ? 1 : -1) * v[j] / sum;
                }
                yield v;
            }
        };
        return shift(ball.center(), offset, ball.radius());
    }

    /**
     * A point at the fraction f of the domain's radius from its center in a random direction (a ball: norm
     * exactly f r; a box: uniform in the box shrunk by f about its center). Most of a high-dimensional
     * ball's volume lies near its sphere, so uniform points alone never look near the center.
     */
    public static double[] atFraction(InputDomain domain, double f, Random random) {
        if (domain instanceof Box box) {
            double[] x = new double[box.dimension()];
            for (int j = 0; j < x.length; j++) {
                double mid = (box.lower(j) + box.upper(j)) / 2;
                double half = (box.upper(j) - box.lower(j)) / 2;
                x[j] = mid + f * half * (2 * random.nextDouble() - 1);
            }
            return x;
        }
        Ball ball = (Ball) domain;
        double[] v = ball.norm() == Norm.LINF ? uniformCube(ball.dimension(), random) : gaussian(ball.dimension(), random);
        return shift(ball.center(), scaled(v, ball.norm(), f), ball.radius());
    }

    /**
     * The activation pattern at x, one '0'/'1' per hidden neuron, layers separated by '|' (the format of
     * --witnesses), from a forward pass written here; null when x lies within {@code margin} (Euclidean) of
     * a neuron's hyperplane on its piece, where the sign says nothing.
     */
    public static String pattern(Network net, double[] x, double margin) {
        LocalAffine local = LocalAffine.at(net, x);
        for (int l = 0; l < local.layers(); l++) {
            for (int i = 0; i < local.width(l); i++) {
                if (!local.isConstant(l, i) && local.distance(l, i) <= margin) {
                    return null;
                }
            }
        }
        return local.pattern();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double[] gaussian(int d, Random random) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }

    private static double[] uniformCube(int d, Random random) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 2 * random.nextDouble() - 1;
        }
        return v;
    }

    /** v rescaled to have {@code norm} equal to {@code length}. */
    private static double[] scaled(double[] v, Norm norm, double length) {
        double n = norm.of(v);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] / n * length;
        }
        return out;
    }

    private static double[] shift(double[] center, double[] offset, double r) {
        double[] x = new double[center.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = center[j] + r * offset[j];
        }
        return x;
    }
}
