package io.github.reluregions.slice;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The affine plane {@code x = origin + a u + b v} through input space, with plane coordinates
 * {@code (a, b)}. Immutable.
 */
public record Plane(double[] origin, double[] u, double[] v) {
    /** Coordinates shown of each vector in {@link #toString()}. */
    private static final int SHOWN = 8;

    public Plane {
        if (origin.length != u.length || origin.length != v.length) {
            throw new InvalidInputException("The plane's --origin, --u and --v have " + origin.length + ", "
                    + u.length + " and " + v.length + " coordinates; they need the same number.");
        }
        requireFinite(origin, "--origin");
        requireFinite(u, "--u");
        requireFinite(v, "--v");
        double uu = dot(u, u);
        double vv = dot(v, v);
        double uv = dot(u, v);
        if (!(uu * vv - uv * uv > 1e-12 * uu * vv) || uu == 0 || vv == 0) {
            throw new InvalidInputException("The plane's directions --u=" + text(u) + " and --v=" + text(v)
                    + " do not span a plane (one is zero or they are parallel).",
                    "Maybe two coordinate axes, e.g. --u=1,0,... --v=0,1,...");
        }
        origin = origin.clone();
        u = u.clone();
        v = v.clone();
    }

    public static Plane of(double[] origin, double[] u, double[] v) {
        return new Plane(origin, u, v);
    }

    /** The plane of a 2-input network's own inputs: {@code (a, b) = (x1, x2)}. */
    public static Plane inputs2d() {
        return new Plane(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    }

    public int dimension() {
        return origin.length;
    }

    /** True when plane coordinates are the input coordinates of a 2-input network. */
    public boolean isInputs2d() {
        return equals(inputs2d());
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    @Override
    public double[] v() {
        return v.clone();
    }

    /** The input point at plane coordinates {@code (a, b)}. */
    public double[] toInput(double a, double b) {
        double[] x = new double[origin.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = origin[j] + a * u[j] + b * v[j];
        }
        return x;
    }

    /** The plane coordinates of the orthogonal projection of input point {@code x} onto the plane. */
    public double[] project(double[] x) {
        if (x.length != origin.length) {
            throw new IllegalArgumentException("point has " + x.length + " coordinates, the plane " + origin.length);
        }
        double[] r = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            r[j] = x[j] - origin[j];
        }
        // Solve the 2x2 normal equations [u.u u.v; u.v v.v] (a, b) = (u.r, v.r).
        double uu = dot(u, u);
        double vv = dot(v, v);
        double uv = dot(u, v);
        double ur = dot(u, r);
        double vr = dot(v, r);
        double det = uu * vv - uv * uv;
        return new double[] {(ur * vv - vr * uv) / det, (vr * uu - ur * uv) / det};
    }

    /**
     * The network restricted to the plane, as a network with 2 inputs {@code (a, b)}: its first layer
     * becomes {@code (W [u v]) (a, b) + (W origin + b)}; the other layers are unchanged. Its regions are
     * the cells in which the plane meets the original network's regions.
     */
    public Network restrict(Network network) {
        if (network.inputDimension() != origin.length) {
            throw new InvalidInputException("The plane has " + origin.length + " coordinates but the network has "
                    + network.inputDimension() + " inputs.",
                    "Maybe give --origin, --u and --v with " + network.inputDimension() + " numbers each.");
        }
        if (isInputs2d()) {
            return network;
        }
        Layer first = network.hiddenLayer(0);
        double[][] w = new double[first.outputSize()][2];
        double[] bias = first.biases();
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < origin.length; j++) {
                double wij = first.weight(i, j);
                w[i][0] += wij * u[j];
                w[i][1] += wij * v[j];
                bias[i] += wij * origin[j];
            }
        }
        List<Layer> layers = new ArrayList<>(network.layers());
        layers.set(0, Layer.of(w, bias));
        return Network.of(layers);
    }

    private static void requireFinite(double[] values, String option) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new InvalidInputException(option + " has " + value + "; every coordinate must be finite.");
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /** The first {@link #SHOWN} coordinates, then how many there are: a picture's subtitle stays short. */
    private static String text(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < Math.min(values.length, SHOWN); j++) {
            double value = values[j];
            sb.append(j == 0 ? "" : ",");
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                sb.append((long) value);
            } else {
                sb.append(value);
            }
        }
        if (values.length > SHOWN) {
            sb.append(",... (").append(values.length).append(" coordinates)");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Plane that && Arrays.equals(origin, that.origin) && Arrays.equals(u, that.u)
                && Arrays.equals(v, that.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(origin) * 961 + Arrays.hashCode(u) * 31 + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "plane origin " + text(origin) + ", u " + text(u) + ", v " + text(v);
    }
}
