package io.github.reluregions.testing;

import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Networks with known region counts, and random ones, for tests. Fixed seeds throughout. */
public final class Nets {
    private Nets() {
    }

    /** One hidden layer of {@code m} random (Gaussian) neurons on {@code d} inputs: hyperplanes in general position. */
    public static Network randomOneLayer(int d, int m, long seed) {
        return randomNet(new int[] {d, m}, seed);
    }

    /** A random net with the given widths (inputs first, then hidden widths), one linear output. */
    public static Network randomNet(int[] widths, long seed) {
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= widths.length; l++) {
            int in = widths[l - 1];
            int out = l < widths.length ? widths[l] : 1;
            double[][] w = new double[out][in];
            double[] b = new double[out];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = random.nextGaussian();
                }
                b[i] = 0.5 * random.nextGaussian();
            }
            layers.add(Layer.of(w, b));
        }
        return Network.of(layers);
    }

    /** The L-fold composed tent map on [0, 1] (2 neurons a layer): 2^L linear pieces. */
    public static Network tentMap(int depth) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of(new double[][] {{1}, {1}}, new double[] {0, -0.5}));
        for (int l = 1; l < depth; l++) {
            layers.add(Layer.of(new double[][] {{2, -4}, {2, -4}}, new double[] {0, -0.5}));
        }
        layers.add(Layer.of(new double[][] {{2, -4}}, new double[] {0}));
        return Network.of(layers);
    }

    /**
     * The block-diagonal net of {@code a} and {@code b}: inputs and neurons side by side, no weights across.
     * Both must have the same number of hidden layers. Its regions in a product domain are the products.
     */
    public static Network blockDiagonal(Network a, Network b) {
        if (a.layers().size() != b.layers().size()) {
            throw new IllegalArgumentException("same depth needed");
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < a.layers().size(); l++) {
            Layer la = a.layers().get(l);
            Layer lb = b.layers().get(l);
            int rows = la.outputSize() + lb.outputSize();
            int cols = la.inputSize() + lb.inputSize();
            double[][] w = new double[rows][cols];
            double[] bias = new double[rows];
            for (int i = 0; i < la.outputSize(); i++) {
                for (int j = 0; j < la.inputSize(); j++) {
                    w[i][j] = la.weight(i, j);
                }
                bias[i] = la.bias(i);
            }
            for (int i = 0; i < lb.outputSize(); i++) {
                for (int j = 0; j < lb.inputSize(); j++) {
                    w[la.outputSize() + i][la.inputSize() + j] = lb.weight(i, j);
                }
                bias[la.outputSize() + i] = lb.bias(i);
            }
            layers.add(Layer.of(w, bias));
        }
        return Network.of(layers);
    }

    /** sum_{j <= d} C(m, j): regions of m hyperplanes in general position in R^d. */
    public static long generalPositionCount(int m, int d) {
        BigInteger total = BigInteger.ZERO;
        BigInteger binomial = BigInteger.ONE;
        for (int j = 0; j <= Math.min(d, m); j++) {
            total = total.add(binomial);
            binomial = binomial.multiply(BigInteger.valueOf(m - j)).divide(BigInteger.valueOf(j + 1));
        }
        return total.longValueExact();
    }

    /**
     * The largest coordinate, in absolute value, of any vertex of the first hidden layer's hyperplane
     * arrangement (every {@code d} of its hyperplanes meeting in one point); 0 when there is none.
     */
    public static double largestVertexCoordinate(Network net) {
        Layer layer = net.hiddenLayer(0);
        int d = layer.inputSize();
        int m = layer.outputSize();
        double largest = 0;
        int[] subset = new int[d];
        for (int j = 0; j < d; j++) {
            subset[j] = j;
        }
        while (d <= m) {
            double[][] a = new double[d][d + 1];
            for (int r = 0; r < d; r++) {
                for (int j = 0; j < d; j++) {
                    a[r][j] = layer.weight(subset[r], j);
                }
                a[r][d] = -layer.bias(subset[r]);
            }
            double[] vertex = solve(a);
            if (vertex != null) {
                for (double v : vertex) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            int r = d - 1;
            while (r >= 0 && subset[r] == m - d + r) {
                r--;
            }
            if (r < 0) {
                break;
            }
            subset[r]++;
            for (int q = r + 1; q < d; q++) {
                subset[q] = subset[q - 1] + 1;
            }
        }
        return largest;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix (changed in place); null when singular. */
    static double[] solve(double[][] a) {
        int d = a.length;
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= d; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[d];
        for (int r = 0; r < d; r++) {
            x[r] = a[r][d] / a[r][r];
        }
        return x;
    }

    /** Writes {@code net} in the project's JSON format (Jackson writes the records' components as they are). */
    public static java.nio.file.Path writeJson(Network net, java.nio.file.Path file) throws java.io.IOException {
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), net);
        return file;
    }

    /** A copy of {@code net} whose first hidden layer has extra rows appended (degenerate neurons). */
    public static Network withExtraFirstLayerRows(Network net, double[][] rows, double[] biases) {
        Layer first = net.hiddenLayer(0);
        int n = first.outputSize();
        double[][] w = new double[n + rows.length][];
        double[] b = new double[n + rows.length];
        double[][] old = first.weights();
        for (int i = 0; i < n; i++) {
            w[i] = old[i];
            b[i] = first.bias(i);
        }
        for (int i = 0; i < rows.length; i++) {
            w[n + i] = rows[i].clone();
            b[n + i] = biases[i];
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of(w, b));
        Layer second = net.layers().get(1);
        double[][] w2 = new double[second.outputSize()][n + rows.length];
        for (int i = 0; i < second.outputSize(); i++) {
            for (int j = 0; j < n; j++) {
                w2[i][j] = second.weight(i, j);
            }
            for (int j = 0; j < rows.length; j++) {
                w2[i][n + j] = 1.0;
            }
        }
        layers.add(Layer.of(w2, second.biases()));
        layers.addAll(net.layers().subList(2, net.layers().size()));
        return Network.of(layers);
    }
}
