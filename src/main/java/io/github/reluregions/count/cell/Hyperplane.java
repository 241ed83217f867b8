package io.github.reluregions.count.cell;

import io.github.reluregions.Vectors;

/**
 * A neuron's hyperplane {@code w.x + c = 0} on the current region, seen from a node's witness {@code x} with
 * its ball of radius {@code radius}: the value at the witness, the side it lies on, its distance to the
 * hyperplane, and the radius of the part of its ball that stays on that side. The arrays are the layer's,
 * shared, not copied.
 *
 * @param value {@code w.x + c} at the witness
 * @param witnessSide true when the witness lies on the neuron's on side ({@code value > 0})
 * @param distance {@code |value| / |w|}
 * @param inherited {@code min(radius, distance)}: a ball of this radius around the witness lies on its side
 */
public record Hyperplane(double[] w, double c, double norm, double value, boolean witnessSide, double distance,
        double inherited) {

    /** Neuron {@code neuron} of {@code local} seen from the witness {@code x} with its ball of {@code radius}. */
    public static Hyperplane of(LocalLayer local, int neuron, double[] x, double radius) {
        double[] w = local.map[neuron];
        double c = local.bias[neuron];
        double norm = Vectors.norm(w);
        double value = Vectors.dot(w, x) + c;
        double distance = Math.abs(value) / norm;
        return new Hyperplane(w, c, norm, value, value > 0, distance, Math.min(radius, distance));
    }
}
