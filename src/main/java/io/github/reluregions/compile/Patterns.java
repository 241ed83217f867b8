package io.github.reluregions.compile;

import io.github.reluregions.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers both models share. */
final class Patterns {
    private Patterns() {
    }

    /** The full pattern: stable neurons ({@code binaryOf[g] < 0}) take {@code stableState[g]}, the others their binary's value. */
    static boolean[] full(boolean[] stableState, int[] binaryOf, boolean[] values) {
        boolean[] pattern = new boolean[stableState.length];
        for (int g = 0; g < pattern.length; g++) {
            pattern[g] = binaryOf[g] < 0 ? stableState[g] : values[binaryOf[g]];
        }
        return pattern;
    }

    static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the model file " + file + ": " + e.getMessage(),
                    "Maybe the folder does not exist or is not writable.");
        }
    }
}
