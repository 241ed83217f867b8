package io.github.reluregions.slice;

import java.util.Arrays;

/**
 * A convex polygon in the plane, vertices counter-clockwise, in double precision. Immutable; may be empty
 * (no vertices). Every operation is exact up to the rounding of one intersection per edge.
 */
public record ConvexPolygon(double[] xs, double[] ys) {
    /** Consecutive vertices closer than this (relative to the polygon's size) are merged. */
    private static final double MERGE = 1e-14;

    public ConvexPolygon {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x but " + ys.length + " y coordinates");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    public static ConvexPolygon rectangle(double x0, double x1, double y0, double y1) {
        return new ConvexPolygon(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
    }

    /**
     * The regular polygon with {@code sides} sides around {@code (cx, cy)} whose inscribed circle has
     * radius {@code r} (so it holds the disc of radius {@code r}), one vertex direction at angle pi/sides.
     */
    public static ConvexPolygon circumscribed(double cx, double cy, double r, int sides) {
        double vertexRadius = r / Math.cos(Math.PI / sides);
        double[] xs = new double[sides];
        double[] ys = new double[sides];
        for (int k = 0; k < sides; k++) {
            double angle = Math.PI * (2 * k + 1) / sides;
            xs[k] = cx + vertexRadius * Math.cos(angle);
            ys[k] = cy + vertexRadius * Math.sin(angle);
        }
        return new ConvexPolygon(xs, ys);
    }

    /** The L1 ball (a diamond) of radius {@code r} around {@code (cx, cy)}. */
    public static ConvexPolygon diamond(double cx, double cy, double r) {
        return new ConvexPolygon(new double[] {cx + r, cx, cx - r, cx}, new double[] {cy, cy + r, cy, cy - r});
    }

    public int size() {
        return xs.length;
    }

    public boolean isEmpty() {
        return xs.length < 3;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** The area (shoelace formula); 0 for an empty polygon. */
    public double area() {
        if (isEmpty()) {
            return 0;
        }
        double twice = 0;
        for (int i = 0; i < xs.length; i++) {
            int j = (i + 1) % xs.length;
            twice += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return Math.abs(twice) / 2;
    }

    /** The centroid of the polygon's area (its vertex mean when it has no area). */
    public double[] centroid() {
        double twice = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < xs.length; i++) {
            int j = (i + 1) % xs.length;
            double cross = xs[i] * ys[j] - xs[j] * ys[i];
            twice += cross;
            cx += (xs[i] + xs[j]) * cross;
            cy += (ys[i] + ys[j]) * cross;
        }
        if (twice == 0) {
            return new double[] {Arrays.stream(xs).average().orElse(Double.NaN),
                Arrays.stream(ys).average().orElse(Double.NaN)};
        }
        return new double[] {cx / (3 * twice), cy / (3 * twice)};
    }

    /** {@code {minX, maxX, minY, maxY}}. */
    public double[] bounds() {
        return new double[] {Arrays.stream(xs).min().orElse(Double.NaN), Arrays.stream(xs).max().orElse(Double.NaN),
            Arrays.stream(ys).min().orElse(Double.NaN), Arrays.stream(ys).max().orElse(Double.NaN)};
    }

    /**
     * The part where {@code a x + b y + c >= 0} (one Sutherland-Hodgman step): each edge that crosses the
     * line is cut at the crossing, computed from the two end values. Costs O(vertices).
     */
    public ConvexPolygon clip(double a, double b, double c) {
        int n = xs.length;
        if (n == 0) {
            return this;
        }
        double[] values = new double[n];
        boolean allInside = true;
        boolean allOutside = true;
        for (int i = 0; i < n; i++) {
            values[i] = a * xs[i] + b * ys[i] + c;
            allInside &= values[i] >= 0;
            allOutside &= values[i] < 0;
        }
        if (allInside) {
            return this;
        }
        if (allOutside) {
            return new ConvexPolygon(new double[0], new double[0]);
        }
        double[] outX = new double[n + 2];
        double[] outY = new double[n + 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (values[i] >= 0) {
                outX[m] = xs[i];
                outY[m++] = ys[i];
            }
            if ((values[i] >= 0) != (values[j] >= 0)) {
                double s = values[i] / (values[i] - values[j]);
                outX[m] = xs[i] + s * (xs[j] - xs[i]);
                outY[m++] = ys[i] + s * (ys[j] - ys[i]);
            }
        }
        return merged(outX, outY, m);
    }

    /** Drops consecutive near-duplicate vertices (from cuts through a vertex). */
    private static ConvexPolygon merged(double[] x, double[] y, int m) {
        double size = 0;
        for (int i = 0; i < m; i++) {
            size = Math.max(size, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        double tiny = MERGE * Math.max(size, Double.MIN_NORMAL);
        double[] keptX = new double[m];
        double[] keptY = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (k > 0 && Math.abs(x[i] - keptX[k - 1]) <= tiny && Math.abs(y[i] - keptY[k - 1]) <= tiny) {
                continue;
            }
            keptX[k] = x[i];
            keptY[k++] = y[i];
        }
        while (k > 1 && Math.abs(keptX[k - 1] - keptX[0]) <= tiny && Math.abs(keptY[k - 1] - keptY[0]) <= tiny) {
            k--;
        }
        if (k < 3) {
            k = 0;
        }
        return new ConvexPolygon(Arrays.copyOf(keptX, k), Arrays.copyOf(keptY, k));
    }

    /**
     * The segment where the line {@code a x + b y + c = 0} crosses the polygon, as
     * {@code {x0, y0, x1, y1}}, or null when the line misses its interior.
     */
    public double[] lineSegment(double a, double b, double c) {
        int n = xs.length;
        if (isEmpty()) {
            return null;
        }
        double[] points = new double[4];
        int found = 0;
        for (int i = 0; i < n && found < 2; i++) {
            int j = (i + 1) % n;
            double vi = a * xs[i] + b * ys[i] + c;
            double vj = a * xs[j] + b * ys[j] + c;
            // Each crossing counted once: at the edge's start when it lies on the line, else strictly inside.
            if (vi == 0) {
                points[2 * found] = xs[i];
                points[2 * found++ + 1] = ys[i];
            } else if ((vi > 0 && vj < 0) || (vi < 0 && vj > 0)) {
                double s = vi / (vi - vj);
                points[2 * found] = xs[i] + s * (xs[j] - xs[i]);
                points[2 * found++ + 1] = ys[i] + s * (ys[j] - ys[i]);
            }
        }
        if (found < 2 || (points[0] == points[2] && points[1] == points[3])) {
            return null;
        }
        return points;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvexPolygon that && Arrays.equals(xs, that.xs) && Arrays.equals(ys, that.ys);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConvexPolygon[");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(xs[i]).append(", ").append(ys[i]).append(')');
        }
        return sb.append(']').toString();
    }
}
