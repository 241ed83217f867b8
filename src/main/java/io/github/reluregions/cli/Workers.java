package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;

/** The {@code --threads} value of the counting commands. */
final class Workers {
    private Workers() {
    }

    /** The number of worker threads for {@code --threads=N}: N, or all cores for 0 (not given); an error below 0. */
    static int of(int threads) {
        if (threads < 0) {
            throw new InvalidInputException("--threads is " + threads + "; it must be positive.",
                    "Maybe --threads=" + Runtime.getRuntime().availableProcessors() + ", the number of cores.");
        }
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
