package io.github.reluregions.cli;

import picocli.CommandLine.Command;

/** {@code plot}: groups the picture subcommands. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Draws pictures: a 2-D slice of the partition into regions, histograms, tightness bars.",
        subcommands = {PlotSliceCommand.class, PlotHistogramCommand.class, PlotTightnessCommand.class})
final class PlotCommand {
}
