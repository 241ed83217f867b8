package io.github.reluregions.slice;

import io.github.reluregions.model.Layer;
import io.github.reluregions.model.LinearPiece;

import java.util.Arrays;
import java.util.Objects;

/**
 * One region of a slice: its activation pattern, the certified interior point the engine found (plane
 * coordinates), and its exact polygon: the window clipped by the half-plane of every neuron's state.
 *
 * @param pattern one entry per hidden neuron, layer by layer (true for "on")
 * @param witness a point strictly inside the region, in plane coordinates
 * @param radius the witness's certified distance to the region's boundary
 * @param polygon the region inside the window
 * @param piece the restricted network's affine maps on the region
 */
public record SliceRegion(boolean[] pattern, double[] witness, double radius, ConvexPolygon polygon,
        LinearPiece piece) {

    public SliceRegion {
        pattern = pattern.clone();
        witness = witness.clone();
        Objects.requireNonNull(polygon, "polygon");
        Objects.requireNonNull(piece, "piece");
    }

    @Override
    public boolean[] pattern() {
        return pattern.clone();
    }

    @Override
    public double[] witness() {
        return witness.clone();
    }

    /**
     * Where output {@code k} is zero in this region, as a segment {@code {a0, b0, a1, b1}} in plane
     * coordinates, or null when it is not zero there (or constant on the region).
     */
    public double[] outputZeroSegment(int k) {
        Layer output = piece.output();
        double ga = output.weight(k, 0);
        double gb = output.weight(k, 1);
        if (ga == 0 && gb == 0) {
            return null;
        }
        return polygon.lineSegment(ga, gb, output.bias(k));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SliceRegion that && Arrays.equals(pattern, that.pattern)
                && Arrays.equals(witness, that.witness) && radius == that.radius && polygon.equals(that.polygon);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pattern) * 31 + polygon.hashCode();
    }
}
