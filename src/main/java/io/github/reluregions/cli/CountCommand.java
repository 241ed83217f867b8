package io.github.reluregions.cli;

import picocli.CommandLine.Command;

/** {@code count}: groups the counting subcommands. */
@Command(name = "count", mixinStandardHelpOptions = true,
        header = "Counts regions: exactly, or (later) probabilistically.",
        subcommands = {CountExactCommand.class, CountLocalCommand.class})
final class CountCommand {
}
