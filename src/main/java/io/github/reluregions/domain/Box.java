package io.github.reluregions.domain;

import io.github.reluregions.InvalidInputException;
import java.util.Arrays;

/** The box {@code lower[j] <= x_j <= upper[j]}. Immutable. */
public record Box(double[] lower, double[] upper) implements InputDomain {
    /** How many sides {@link #describe()} lists before it abbreviates. */
    static final int DESCRIBED_SIDES = 8;

    public Box {
        if (lower.length != upper.length || lower.length == 0) {
            throw new InvalidInputException("A box needs the same positive number of lower and upper ends, got "
                    + lower.length + " and " + upper.length + ".");
        }
        for (int j = 0; j < lower.length; j++) {
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j])) {
                throw new InvalidInputException("Side " + j + " of the box is [" + lower[j] + ", " + upper[j]
                        + "]; both ends must be finite.", "Maybe leave out the domain to count in all of R^d.");
            }
            if (!(lower[j] < upper[j])) {
                throw new InvalidInputException("Side " + j + " of the box is [" + lower[j] + ", " + upper[j]
                        + "]: LO must be below HI.", lower[j] == upper[j]
                                ? "Maybe widen it: a flat box has no interior and no regions."
                                : "Maybe swap them: --box=" + upper[j] + ":" + lower[j] + ".");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    public static Box of(double[] lower, double[] upper) {
        return new Box(lower, upper);
    }

    /** The cube {@code [lo, hi]^dimension}. */
    public static Box cube(int dimension, double lo, double hi) {
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(lower, lo);
        Arrays.fill(upper, hi);
        return new Box(lower, upper);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    public double lower(int j) {
        return lower[j];
    }

    public double upper(int j) {
        return upper[j];
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    @Override
    public Interval range(double[] w, double c) {
        double lo = c;
        double hi = c;
        for (int j = 0; j < w.length; j++) {
            if (w[j] >= 0) {
                lo += w[j] * lower[j];
                hi += w[j] * upper[j];
            } else {
                lo += w[j] * upper[j];
                hi += w[j] * lower[j];
            }
        }
        return new Interval(lo, hi);
    }

    @Override
    public double interiorMargin(double[] x) {
        double margin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < lower.length; j++) {
            margin = Math.min(margin, Math.min(x[j] - lower[j], upper[j] - x[j]));
        }
        return margin;
    }

    @Override
    public double scale() {
        double half = 0;
        for (int j = 0; j < lower.length; j++) {
            half = Math.max(half, (upper[j] - lower[j]) / 2);
        }
        return half;
    }

    /** The center and half-width when this box is a cube around a point (an L-infinity ball), else null. */
    public Ball asLinfBall() {
        double radius = (upper[0] - lower[0]) / 2;
        double[] center = new double[lower.length];
        for (int j = 0; j < lower.length; j++) {
            double r = (upper[j] - lower[j]) / 2;
            if (Math.abs(r - radius) > 1e-12 * Math.max(1, Math.abs(radius))) {
                return null;
            }
            center[j] = (lower[j] + upper[j]) / 2;
        }
        return new Ball(center, radius, Norm.LINF);
    }

    /**
     * The part of {@code domain} inside this box, for a network that clips its inputs to this box: a box
     * is intersected with it, all of R^d becomes this box, a ball must lie inside it (the part of a ball
     * inside a box is neither a box nor a ball).
     */
    public InputDomain restrict(InputDomain domain) {
        domain.requireDimension(dimension());
        if (domain instanceof WholeSpace) {
            return this;
        }
        if (domain instanceof Box box) {
            double[] lo = new double[lower.length];
            double[] hi = new double[lower.length];
            for (int j = 0; j < lower.length; j++) {
                lo[j] = Math.max(lower[j], box.lower[j]);
                hi[j] = Math.min(upper[j], box.upper[j]);
                if (!(lo[j] < hi[j])) {
                    throw new InvalidInputException("Side " + j + " of the box [" + box.lower[j] + ", " + box.upper[j]
                            + "] does not overlap the input range [" + lower[j] + ", " + upper[j]
                            + "] the network clips its inputs to.", "Maybe a box inside the input range.");
                }
            }
            return Box.of(lo, hi);
        }
        Ball ball = (Ball) domain;
        Box around = ball.boundingBox();
        for (int j = 0; j < lower.length; j++) {
            if (around.lower[j] < lower[j] || around.upper[j] > upper[j]) {
                throw new InvalidInputException("The ball reaches outside the input range [" + lower[j] + ", " + upper[j]
                        + "] of input " + j + ", which the network clips its inputs to.",
                        "Maybe a box domain: it is intersected with the input range.");
            }
        }
        return ball;
    }

    @Override
    public String describe() {
        boolean cube = true;
        for (int j = 1; j < lower.length; j++) {
            cube &= lower[j] == lower[0] && upper[j] == upper[0];
        }
        if (cube) {
            return "box [" + lower[0] + ", " + upper[0] + "]^" + lower.length;
        }
        Ball ball = asLinfBall();
        if (ball != null) {
            return "box = " + ball.describe();
        }
        StringBuilder sb = new StringBuilder("box ");
        int shown = Math.min(lower.length, DESCRIBED_SIDES);
        for (int j = 0; j < shown; j++) {
            sb.append(j == 0 ? "" : " x ").append('[').append(lower[j]).append(", ").append(upper[j]).append(']');
        }
        if (shown < lower.length) {
            sb.append(" x ... (").append(lower.length).append(" sides)");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box that && Arrays.equals(lower, that.lower) && Arrays.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return describe();
    }
}
