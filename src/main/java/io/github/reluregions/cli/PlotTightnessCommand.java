package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.plot.Table;
import io.github.reluregions.plot.Tightness;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plot tightness}: the analytical bounds next to the region counts, per network. */
@Command(name = "tightness", mixinStandardHelpOptions = true,
        header = "Draws the analytical bounds next to the region counts, per network, on a log scale.",
        description = {"The table has one row per network and bound, with the columns network, bound, value_log10 (empty when the bound does not apply), count, "
                + "count_log10 and complete (true when the count is exact). Networks whose count is a lower bound "
                + "are marked. The height defaults to 3/4 of the width."})
final class PlotTightnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TableInput table;

    @Option(names = "--ratio", description = "Draw log10(bound / count) instead: how many orders of magnitude each "
            + "bound lies above the count.")
    boolean ratio;

    @Mixin
    ImageOutput image;

    @Override
    public Integer call() {
        image.check();
        Table rows = table.read();
        image.write(Tightness.chart(rows, ratio), image.width * 3 / 4);
        PrintWriter out = spec.commandLine().getOut();
        out.println(image.out + ": " + (ratio ? "bound / count ratios" : "bounds and counts") + " from "
                + rows.rows().size() + " rows");
        out.flush();
        return ExitCode.OK.code();
    }
}
