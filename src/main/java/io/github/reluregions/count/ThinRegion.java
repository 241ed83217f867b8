package io.github.reluregions.count;

/** A counted region whose certified inscribed radius is below the thin threshold, with its witness. */
public record ThinRegion(double radius, double[] witness) {
    public ThinRegion {
        witness = witness.clone();
    }
}
