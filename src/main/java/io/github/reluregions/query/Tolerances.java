package io.github.reluregions.query;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.InputDomain;

/**
 * The one tolerance model of the tool, passed down to every engine.
 *
 * <ul>
 *   <li>{@code interiorRadius}: an activation pattern is a region when the largest Euclidean ball inside
 *       its set of inputs (within the domain) has radius above {@code interiorRadius * min(1, s)}, in
 *       input coordinates, where {@code s} is the domain's scale (largest half-width of a box, radius of
 *       a ball, 1 for R^d). Default 1e-7: for domains of scale 1 or more that is 1e-7 absolute, the
 *       convention of {@code ../shared/reference}; a domain of half-width 1e-6 uses 1e-13, so that a
 *       network and domain scaled together keep their count. The same scaling applies to
 *       {@code thinRadius}.
 *   <li>{@code thinRadius}: regions counted with a certified radius below this are listed as thin in the
 *       report (default 1e-5).
 *   <li>{@code zeroGradient}: a hidden neuron whose input-space gradient on the current region has norm
 *       below this times the norm of the terms that make it up is treated as constant (a dead or
 *       cancelled neuron) and never branched on (default 1e-12).
 * </ul>
 * Cells whose optimal LP radius lies in {@code (interiorRadius / 100, interiorRadius]} are near-degenerate:
 * not counted, but reported.
 */
public record Tolerances(double interiorRadius, double thinRadius, double zeroGradient) {
    public static final double DEFAULT_INTERIOR_RADIUS = 1e-7;
    public static final double DEFAULT_THIN_RADIUS = 1e-5;
    public static final double DEFAULT_ZERO_GRADIENT = 1e-12;
    /** Cells with radius above {@code interiorRadius / NEAR_DEGENERATE_FACTOR} but not counted are reported. */
    public static final double NEAR_DEGENERATE_FACTOR = 100;

    public Tolerances {
        if (!(interiorRadius > 0) || !Double.isFinite(interiorRadius)) {
            throw new InvalidInputException("The tolerance (interior radius) is " + interiorRadius
                    + "; it must be positive and finite.", "Maybe --tolerance=1e-7, the default.");
        }
        if (!(thinRadius >= interiorRadius)) {
            throw new InvalidInputException("The thin-region radius " + thinRadius
                    + " is below the interior tolerance " + interiorRadius + ".");
        }
    }

    public static Tolerances defaults() {
        return new Tolerances(DEFAULT_INTERIOR_RADIUS, DEFAULT_THIN_RADIUS, DEFAULT_ZERO_GRADIENT);
    }

    /** These tolerances with another interior radius (the thin radius raised if it would fall below). */
    public Tolerances withInteriorRadius(double radius) {
        return new Tolerances(radius, Math.max(thinRadius, radius), zeroGradient);
    }

    /**
     * What the options' radii are multiplied by in {@code domain}: {@code min(1, s)}, {@code s} its scale. The
     * one rule: {@code count.cell.UnitScaling} counts in coordinates scaled by the same factor.
     */
    public static double inputFactor(InputDomain domain) {
        return Math.min(1, domain.scale());
    }

    /** These tolerances as {@code domain}'s count applies them, in input coordinates. */
    public AppliedTolerances appliedIn(InputDomain domain) {
        double factor = inputFactor(domain);
        return new AppliedTolerances(interiorRadius * factor, thinRadius * factor, zeroGradient, factor,
                AppliedTolerances.RULE);
    }

    public boolean isNearDegenerate(double lpRadius) {
        return lpRadius > interiorRadius / NEAR_DEGENERATE_FACTOR && lpRadius <= interiorRadius;
    }
}
