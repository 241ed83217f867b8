package io.github.reluregions.testing;

import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * An LP-free brute-force count for 2-input nets in a box: the box polygon is clipped by every neuron's
 * line, layer by layer (deeper layers use the affine map of the piece), and pieces with area above
 * {@code minArea} are counted. Independent of every engine.
 */
public final class PolygonCounter {
    private final Network network;
    private final double minArea;

    public PolygonCounter(Network network, double minArea) {
        if (network.inputDimension() != 2) {
            throw new IllegalArgumentException("2 inputs only");
        }
        this.network = network;
        this.minArea = minArea;
    }

    public long count(double lo0, double hi0, double lo1, double hi1) {
        List<double[]> box = List.of(new double[] {lo0, lo1}, new double[] {hi0, lo1}, new double[] {hi0, hi1},
                new double[] {lo0, hi1});
        Layer first = network.hiddenLayer(0);
        return split(box, 0, 0, first.weights(), first.biases());
    }

    private long split(List<double[]> polygon, int layer, int neuron, double[][] map, double[] bias) {
        if (area(polygon) <= minArea) {
            return 0;
        }
        if (neuron == map.length) {
            if (layer + 1 == network.hiddenLayerCount()) {
                return 1;
            }
            // Which neurons are on in this piece: evaluate at the centroid.
            double[] c = centroid(polygon);
            Layer next = network.hiddenLayer(layer + 1);
            double[][] nextMap = new double[next.outputSize()][2];
            double[] nextBias = new double[next.outputSize()];
            for (int i = 0; i < next.outputSize(); i++) {
                nextBias[i] = next.bias(i);
                for (int k = 0; k < map.length; k++) {
                    if (map[k][0] * c[0] + map[k][1] * c[1] + bias[k] > 0) {
                        nextMap[i][0] += next.weight(i, k) * map[k][0];
                        nextMap[i][1] += next.weight(i, k) * map[k][1];
                        nextBias[i] += next.weight(i, k) * bias[k];
                    }
                }
            }
            return split(polygon, layer + 1, 0, nextMap, nextBias);
        }
        double[] w = map[neuron];
        double b = bias[neuron];
        if (Math.hypot(w[0], w[1]) < 1e-12) {
            // A constant neuron has one state on the whole piece: no split.
            return split(polygon, layer, neuron + 1, map, bias);
        }
        List<double[]> below = clip(polygon, w, b, -1);
        List<double[]> above = clip(polygon, w, b, +1);
        return split(below, layer, neuron + 1, map, bias) + split(above, layer, neuron + 1, map, bias);
    }

    /** The part of the polygon where {@code sign * (w.x + b) >= 0}. */
    private static List<double[]> clip(List<double[]> polygon, double[] w, double b, int sign) {
        List<double[]> out = new ArrayList<>();
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            double[] p = polygon.get(i);
            double[] q = polygon.get((i + 1) % n);
            double vp = sign * (w[0] * p[0] + w[1] * p[1] + b);
            double vq = sign * (w[0] * q[0] + w[1] * q[1] + b);
            if (vp >= 0) {
                out.add(p);
            }
            if ((vp >= 0) != (vq >= 0)) {
                double s = vp / (vp - vq);
                out.add(new double[] {p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])});
            }
        }
        return out;
    }

    static double area(List<double[]> polygon) {
        double twice = 0;
        for (int i = 0; i < polygon.size(); i++) {
            double[] p = polygon.get(i);
            double[] q = polygon.get((i + 1) % polygon.size());
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(twice) / 2;
    }

    private static double[] centroid(List<double[]> polygon) {
        double x = 0;
        double y = 0;
        for (double[] p : polygon) {
            x += p[0];
            y += p[1];
        }
        return new double[] {x / polygon.size(), y / polygon.size()};
    }
}
