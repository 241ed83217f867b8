package io.github.reluregions.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Cases inside otherwise quick tests that only the long run ({@code mvn -Plong test}) takes, skipped (and
 * reported as skipped) in the default run.
 */
public final class LongRun {
    private LongRun() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean("relu.longRun");
    }

    /** Skips the calling test in the default run, saying why. */
    public static void require(String why) {
        Assumptions.assumeTrue(enabled(), "long run only: " + why);
    }

    /**
     * The milp engine in an L2 ball of 64 or more inputs: SCIP carries the sphere as tangent cuts, which in
     * that dimension take minutes per count (a known limit, measured 2026-12-03: 120 s for 8 of 64 regions).
     */
    public static void requireForMilpInHighDimensionalL2Balls() {
        require("milp in a 64-D L2 ball (tangent cuts in SCIP converge slowly there)");
    }
}
