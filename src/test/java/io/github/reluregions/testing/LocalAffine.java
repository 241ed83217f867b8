package io.github.reluregions.testing;

import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

/**
 * Every hidden neuron's pre-activation at a point x and its input-space gradient on x's piece (the affine
 * map the neuron is there), from a forward pass written here from the weights alone: the Euclidean distance
 * from x to the neuron's hyperplane on that piece is |z| / |grad z|.
 */
public final class LocalAffine {
    /**
     * A neuron is constant on the piece (dead, zero row, cancelled) when its gradient's norm is at most this
     * times the sum of the norms of the terms that make it up.
     */
    static final double CONSTANT = 1e-10;

    private final double[][] z;
    private final double[][] gradientNorm;
    private final boolean[][] constant;

    private LocalAffine(double[][] z, double[][] gradientNorm, boolean[][] constant) {
        this.z = z;
        this.gradientNorm = gradientNorm;
        this.constant = constant;
    }

    public static LocalAffine at(Network net, double[] x) {
        int layers = net.hiddenLayerCount();
        double[][] z = new double[layers][];
        double[][] norms = new double[layers][];
        boolean[][] constant = new boolean[layers][];
        int d = x.length;
        double[] previous = x;
        double[][] previousGradient = null; // null: the identity (the inputs)
        for (int l = 0; l < layers; l++) {
            Layer layer = net.hiddenLayer(l);
            double[][] w = layer.weights();
            int n = layer.outputSize();
            z[l] = new double[n];
            norms[l] = new double[n];
            constant[l] = new boolean[n];
            double[][] gradient = new double[n][];
            for (int i = 0; i < n; i++) {
                double value = layer.bias(i);
                for (int q = 0; q < w[i].length; q++) {
                    value += w[i][q] * previous[q];
                }
                z[l][i] = value;
                double[] g;
                double terms = 0;
                if (previousGradient == null) {
                    g = w[i].clone();
                    for (double v : g) {
                        terms += Math.abs(v);
                    }
                } else {
                    g = new double[d];
                    for (int q = 0; q < w[i].length; q++) {
                        if (previousGradient[q] != null && w[i][q] != 0) {
                            double[] gq = previousGradient[q];
                            double nq = 0;
                            for (int j = 0; j < d; j++) {
                                g[j] += w[i][q] * gq[j];
                                nq += gq[j] * gq[j];
                            }
                            terms += Math.abs(w[i][q]) * Math.sqrt(nq);
                        }
                    }
                }
                double gn = 0;
                for (double v : g) {
                    gn += v * v;
                }
                gn = Math.sqrt(gn);
                norms[l][i] = gn;
                constant[l][i] = gn <= CONSTANT * terms || terms == 0;
                gradient[i] = g;
            }
            double[] next = new double[n];
            double[][] nextGradient = new double[n][];
            for (int i = 0; i < n; i++) {
                if (z[l][i] > 0) {
                    next[i] = z[l][i];
                    nextGradient[i] = gradient[i];
                }
            }
            previous = next;
            previousGradient = nextGradient;
        }
        return new LocalAffine(z, norms, constant);
    }

    public int layers() {
        return z.length;
    }

    public int width(int layer) {
        return z[layer].length;
    }

    public double value(int layer, int neuron) {
        return z[layer][neuron];
    }

    public boolean isOn(int layer, int neuron) {
        return z[layer][neuron] > 0;
    }

    /** True when the neuron is constant on x's piece: it has no hyperplane there. */
    public boolean isConstant(int layer, int neuron) {
        return constant[layer][neuron];
    }

    /** The Euclidean distance from x to the neuron's hyperplane on x's piece (infinite for a constant neuron). */
    public double distance(int layer, int neuron) {
        return constant[layer][neuron] ? Double.POSITIVE_INFINITY : Math.abs(z[layer][neuron]) / gradientNorm[layer][neuron];
    }

    /** The smallest distance to any neuron's hyperplane on x's piece. */
    public double smallestDistance() {
        double m = Double.POSITIVE_INFINITY;
        for (int l = 0; l < z.length; l++) {
            for (int i = 0; i < z[l].length; i++) {
                m = Math.min(m, distance(l, i));
            }
        }
        return m;
    }

    /** The pattern, '0'/'1' per neuron, layers separated by '|'. */
    public String pattern() {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < z.length; l++) {
            if (l > 0) {
                sb.append('|');
            }
            for (double v : z[l]) {
                sb.append(v > 0 ? '1' : '0');
            }
        }
        return sb.toString();
    }
}
