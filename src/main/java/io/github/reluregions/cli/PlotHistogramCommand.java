package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.plot.Charts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plot histogram}: a histogram of one numeric column of a table. */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        header = "Draws a histogram of one numeric column of a CSV, JSON or JSON-lines table.",
        description = {"For example the --witnesses file of 'count exact' (column radius). Empty cells are left out. "
                + "The height defaults to 3/4 of the width."})
final class PlotHistogramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TableInput table;

    @Option(names = "--column", paramLabel = "NAME", required = true, description = "The column to count values of.")
    String column;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "30",
            description = "The number of equal bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--log10", description = "Bin the log10 of the values (all must be positive), for values that "
            + "span orders of magnitude such as region counts.")
    boolean log10;

    @Option(names = "--title", paramLabel = "TEXT", description = "The chart's title (default: the column's name).")
    String title;

    @Mixin
    ImageOutput image;

    @Override
    public Integer call() {
        image.check();
        double[] values = table.read().numbers(column);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("Column '" + column + "' of " + table.in + " has the value " + values[i]
                        + "; a histogram needs finite numbers.");
            }
            if (log10) {
                if (!(values[i] > 0)) {
                    throw new InvalidInputException("Column '" + column + "' of " + table.in + " has the value " + values[i]
                            + ", which has no log10.", "Maybe leave out --log10.");
                }
                values[i] = Math.log10(values[i]);
            }
        }
        String label = log10 ? "log10(" + column + ")" : column;
        image.write(Charts.histogram(title != null ? title : "Histogram of " + column, label, values, bins),
                image.width * 3 / 4);
        PrintWriter out = spec.commandLine().getOut();
        out.println(image.out + ": histogram of " + values.length + " values of " + label + " in " + bins + " bins");
        out.flush();
        return ExitCode.OK.code();
    }
}
