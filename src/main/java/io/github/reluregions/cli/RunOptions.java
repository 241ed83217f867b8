package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.SearchMonitor;
import picocli.CommandLine.Option;

/**
 * The run options of the counting commands ({@code count exact}, {@code count probabilistic},
 * {@code count local}): threads, time limit, JSON output and the progress line. Each command's description
 * says what its threads run and what its time limit bounds.
 */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores); the description above says what each one runs.")
    int threads;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop after SECONDS and report what was reached, a lower bound (exit 4); none or 0: no "
                    + "limit.")
    double timeLimit;

    @Option(names = "--json", description = "Write the report as one JSON object on stdout.")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    /** The number of worker threads: {@code --threads}, or all cores when it was not given (0); below 0 an error. */
    int workers() {
        if (threads < 0) {
            throw new InvalidInputException("--threads is " + threads + "; it must be positive.",
                    "Maybe --threads=" + Runtime.getRuntime().availableProcessors() + ", the number of cores.");
        }
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** A monitor whose deadline is {@code --time-limit} seconds after the command started. */
    SearchMonitor monitor() {
        return SearchMonitor.withTimeLimit(timeLimit, Main.commandStart());
    }
}
