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
}
