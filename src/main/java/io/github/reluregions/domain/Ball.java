package io.github.reluregions.domain;

import io.github.reluregions.InvalidInputException;
import java.util.Arrays;

/** The ball {@code |x - center| <= radius} in the given norm. Immutable. */
public record Ball(double[] center, double radius, Norm norm) implements InputDomain {

    public Ball {
        if (center.length == 0) {
            throw new InvalidInputException("A ball needs a center with at least one coordinate.");
        }
        for (int j = 0; j < center.length; j++) {
            if (!Double.isFinite(center[j])) {
                throw new InvalidInputException("Coordinate " + j + " of the ball's center is " + center[j]
                        + "; it must be finite.");
            }
        }
        if (!Double.isFinite(radius) || radius <= 0) {
            throw new InvalidInputException("The ball's radius is " + radius + "; it must be positive and finite.",
                    radius == 0 ? "Maybe a tiny radius such as 1e-3: a ball of radius 0 has no interior." : null);
        }
        if (norm == null) {
            throw new InvalidInputException("A ball needs a norm (l1, l2 or linf).");
        }
        center = center.clone();
    }

    public static Ball of(double[] center, double radius, Norm norm) {
        return new Ball(center, radius, norm);
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    public double center(int j) {
        return center[j];
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public Interval range(double[] w, double c) {
        double mid = c + InputDomain.dot(w, center);
        double spread = radius * norm.dual().of(w);
        return new Interval(mid - spread, mid + spread);
    }

    @Override
    public double interiorMargin(double[] x) {
        double[] offset = new double[center.length];
        for (int j = 0; j < center.length; j++) {
            offset[j] = x[j] - center[j];
        }
        double slack = radius - norm.of(offset);
        // The Euclidean distance to the boundary: for L1 the facets have normals of length sqrt(d);
        // for L-infinity the nearest facet is axis-aligned; for L2 it is the slack itself.
        return norm == Norm.L1 ? slack / Math.sqrt(center.length) : slack;
    }

    @Override
    public double scale() {
        return radius;
    }

    /** The smallest box holding this ball. */
    public Box boundingBox() {
        double[] lower = new double[center.length];
        double[] upper = new double[center.length];
        for (int j = 0; j < center.length; j++) {
            lower[j] = center[j] - radius;
            upper[j] = center[j] + radius;
        }
        return Box.of(lower, upper);
    }

    @Override
    public String describe() {
        String around = center.length <= Box.DESCRIBED_SIDES ? Arrays.toString(center)
                : Arrays.toString(Arrays.copyOf(center, Box.DESCRIBED_SIDES)).replace("]", ", ...] (" + center.length
                        + " coordinates)");
        return norm.label() + " ball of radius " + radius + " around " + around;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ball that && Arrays.equals(center, that.center) && radius == that.radius
                && norm == that.norm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(center) * 31 + Double.hashCode(radius) * 7 + norm.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
