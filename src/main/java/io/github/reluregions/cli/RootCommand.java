package io.github.reluregions.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command: only lists the subcommands. */
@Command(name = "relu-regions", mixinStandardHelpOptions = true, version = "relu-regions 0.1.0",
        header = "Counts the linear (activation) regions of ReLU networks.",
        subcommands = {CountCommand.class, BoundsCommand.class, PlotCommand.class, BenchmarkCommand.class, ServeCommand.class,
                HelpCommand.class})
final class RootCommand {
}
