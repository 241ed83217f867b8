package io.github.reluregions.cli;

import picocli.CommandLine.Command;

/** {@code count}: groups the counting subcommands. */
@Command(name = "count", mixinStandardHelpOptions = true,
        header = "Counts regions: exactly, in local neighbourhoods, or probabilistically (a lower bound and an estimate).",
        subcommands = {CountExactCommand.class, CountLocalCommand.class, CountProbabilisticCommand.class})
final class CountCommand {
}
