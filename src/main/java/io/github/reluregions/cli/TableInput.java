package io.github.reluregions.cli;

import io.github.reluregions.plot.Table;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input table of the plot commands that draw from a table. */
final class TableInput {
    @Option(names = "--in", paramLabel = "FILE", required = true,
            description = "The table to read: CSV with a header row (.csv), a JSON array of objects (.json) or one "
                    + "JSON object a line (.jsonl).")
    Path in;

    Table read() {
        return Table.read(in);
    }
}
