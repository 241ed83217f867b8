package io.github.reluregions.count;

/** Receives every counted region as it is found (for streaming witnesses). */
@FunctionalInterface
public interface RegionListener {
    RegionListener NONE = (index, witness, radius, pattern) -> { };

    /**
     * @param index 0-based number of the region in the order found
     * @param witness a point strictly inside the region (not to be kept: copy it)
     * @param radius its certified distance to the region's boundary
     * @param pattern the activation pattern, one entry per hidden neuron in layer order (not to be kept)
     */
    void onRegion(long index, double[] witness, double radius, boolean[] pattern);
}
