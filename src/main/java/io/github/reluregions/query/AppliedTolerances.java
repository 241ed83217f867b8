package io.github.reluregions.query;

/**
 * The tolerances a count actually applied, in input coordinates: the options' values times
 * {@code factor = min(1, s)}, {@code s} the domain's scale (the largest half-width of a box, the radius of a
 * ball, 1 for R^d). A pattern counted as a region holds a Euclidean ball of radius above
 * {@code interiorRadius} here; regions whose certified radius is below {@code thinRadius} are listed as thin.
 * {@code zeroGradient} is relative (to the size of a neuron's terms) and is not scaled.
 *
 * @param interiorRadius the interior tolerance applied, absolute, in input coordinates
 * @param thinRadius the thin-region radius applied, absolute, in input coordinates
 * @param zeroGradient the relative zero-gradient threshold (as given)
 * @param factor {@code min(1, s)}: what the options' radii were multiplied by
 * @param rule how they were derived, in words
 */
public record AppliedTolerances(double interiorRadius, double thinRadius, double zeroGradient, double factor,
        String rule) {
    static final String RULE = "the option's radius times min(1, domain scale): the count runs in coordinates "
            + "where the domain is at least unit-sized";
}
