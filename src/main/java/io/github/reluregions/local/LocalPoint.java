package io.github.reluregions.local;

import java.util.Arrays;
import java.util.Objects;

/**
 * A point to count around.
 *
 * @param index its row in the points file, from 0 (after the header)
 * @param coordinates the point in input space
 * @param label its label (a class, say), or null
 */
public record LocalPoint(int index, double[] coordinates, String label) {
    public LocalPoint {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        coordinates = Objects.requireNonNull(coordinates, "coordinates").clone();
    }

    public static LocalPoint of(int index, double[] coordinates, String label) {
        return new LocalPoint(index, coordinates, label);
    }

    @Override
    public double[] coordinates() {
        return coordinates.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalPoint p && p.index == index && Arrays.equals(p.coordinates, coordinates)
                && Objects.equals(p.label, label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, Arrays.hashCode(coordinates), label);
    }

    @Override
    public String toString() {
        return "LocalPoint[" + index + (label == null ? "" : ", label " + label) + ", " + coordinates.length
                + " coordinates]";
    }
}
