package io.github.reluregions.cli;

import picocli.CommandLine.Command;

/** {@code benchmark}: groups the benchmarks. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        header = "Runs benchmarks over suites of networks.",
        subcommands = {BenchmarkTightnessCommand.class})
final class BenchmarkCommand {
}
