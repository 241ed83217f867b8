package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.io.LoadedNetwork;
import io.github.reluregions.local.LocalCount;
import io.github.reluregions.local.LocalCounter;
import io.github.reluregions.model.Network;
import io.github.reluregions.report.LocalCountReport;
import io.github.reluregions.report.NetworkSummary;
import io.github.reluregions.report.ReportWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code count local}: the regions in a ball around each point of a file (Zhu, Lin and Tang 2020). */
@Command(name = "local", mixinStandardHelpOptions = true,
        header = "Counts the regions in a ball of given radius around each point of a CSV file.",
        description = {"Every ball is counted exactly by the lp engine on one thread, as 'count exact' would count it; "
                + "the points are spread over --threads workers. One row per point and radius goes to --out "
                + "(CSV or JSON) and a summary per radius (mean, median, min, max) to stdout; --json writes the "
                + "whole report, summary and rows.",
                "--time-limit is the limit of each ball's count. A count that hits it or has uncertain cells is a "
                        + "lower bound: its row says "
                        + "\"complete\": false, and the summary of its radius is marked as lower bounds (exit 4 or 6)."})
final class CountLocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkInput network;

    @Option(names = "--points", paramLabel = "FILE", required = true,
            description = "The points: a CSV file (header row optional), a JSON array of objects or JSON lines, one "
                    + "point a row. By default the first d columns are the coordinates (d = the network's inputs) "
                    + "and a further column, if any, is a label.")
    Path points;

    @Option(names = "--radius", paramLabel = "R", required = true, split = ",",
            description = "The balls' radius; several radii give one row per point per radius.")
    List<Double> radii;

    @Option(names = "--norm", paramLabel = "NORM", defaultValue = "l2", converter = NormConverter.class,
            description = "The balls' norm: l1, l2 (default, the exact Euclidean ball) or linf.")
    Norm norm;

    @Option(names = "--columns", paramLabel = "COLUMNS",
            description = "The coordinate columns: names or numbers (from 1), comma-separated, with FIRST:LAST for a "
                    + "run, e.g. --columns=x0:x63.")
    String columns;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column (default: a column named 'label', or the one column that is not a "
                    + "coordinate).")
    String label;



    @Mixin
    ToleranceOption tolerance;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "TABLE",
            description = "Write the rows to TABLE: CSV with a header row (.csv) or a JSON array of objects (.json); "
                    + "both read by 'plot histogram'.")
    Path out;


    @Override
    public Integer call() {
        if (out != null && !isCsv(out) && !isJson(out)) {
            throw new InvalidInputException("--out=" + out + " has neither the extension .csv nor .json.",
                    "Maybe --out=local.csv.");
        }
        LoadedNetwork loaded = network.read();
        Network net = loaded.network();
        PointsFile file = PointsFile.read(points, net.inputDimension(), columns, label);
        List<Double> radiusList = List.copyOf(radii);
        List<LocalCounter.Task> tasks = LocalCounter.tasks(file.points(), radiusList, norm,
                loaded.inputRange());
        int workers = run.workers();
        LocalCounter counter = new LocalCounter(LpEngine::new,
                new LocalCounter.Options(workers, run.timeLimit, tolerance.tolerances()));

        try (InterruptHook ignoredHook = InterruptHook.install(counter::interrupt)) {
            long start = System.nanoTime();
            List<LocalCount> rows;
            try (Progress ignored = Progress.start(run.progress, () -> String.format(Locale.ROOT,
                    "%,d of %,d balls counted, %,d regions", counter.finished(), tasks.size(), counter.regionsSoFar()),
                    spec.commandLine().getErr())) {
                rows = counter.count(net, tasks);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LocalCountReport report = LocalCountReport.of(NetworkSummary.of(network.file.toString(), net),
                    new LocalCountReport.PointsSummary(points.toString(), file.points().size(), file.columns(),
                            file.labelColumn()),
                    radiusList, norm.label(), EngineChoice.LP.label(), workers, run.timeLimit,
                    tasks.size(), seconds, rows);
            if (out != null) {
                write(out, isCsv(out) ? report.toCsv() : ReportWriter.toJson(report.rows()) + System.lineSeparator());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(run.json ? ReportWriter.toJson(report) + System.lineSeparator() : report.toText(out == null));
            if (!run.json && out != null) {
                stdout.println("table     " + rows.size() + " rows written to " + out);
            }
            stdout.flush();
            return report.outcome().exitCode().code();
        }
    }


    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the table " + file + ": " + e.getMessage(),
                    "Maybe its folder does not exist or is not writable.");
        }
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
