package io.github.reluregions.cli;

import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.engine.CountResult;
import io.github.reluregions.engine.RegionListener;
import io.github.reluregions.engine.SearchMonitor;
import io.github.reluregions.engine.StopReason;
import io.github.reluregions.engine.Tolerances;
import io.github.reluregions.network.Network;
import io.github.reluregions.report.ExactCountReport;
import io.github.reluregions.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code count exact}: every region of the domain, each with a certified interior point. */
@Command(name = "exact", mixinStandardHelpOptions = true,
        header = "Counts every activation region of a network in a domain, each with a certified interior point.",
        description = "With no domain option, counts in all of R^d (unbounded regions count). The count is exact "
                + "(\"complete\": true, exit 0) only when the search finished and every region has a certified "
                + "interior witness; otherwise it is a lower bound.")
final class CountExactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "lp",
            description = "The exact engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EngineChoice engine;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop after this many seconds and report the regions found so far as a lower bound (exit 4).")
    double timeLimit;

    @Option(names = "--tolerance", paramLabel = "RADIUS", defaultValue = "1e-7",
            description = "A pattern counts as a region when its largest inscribed ball has a radius above this, "
                    + "in input coordinates (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--json", description = "Write the report as one JSON object on stdout.")
    boolean json;

    @Option(names = "--witnesses", paramLabel = "FILE",
            description = "Stream one interior point per region to FILE, as JSON lines.")
    Path witnesses;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Override
    public Integer call() {
        ProblemInput.Problem problem = input.read();
        Network net = problem.network();
        InputDomain domain = problem.domain();
        Tolerances tolerances = Tolerances.defaults().withInteriorRadius(tolerance);
        SearchMonitor monitor = SearchMonitor.withTimeLimit(timeLimit);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        try (InterruptHook ignoredHook = InterruptHook.install(monitor)) {
            long start = System.nanoTime();
            CountResult result;
            try (Progress ignored = Progress.start(progress, monitor, err);
                    WitnessWriter witnessWriter = witnesses == null ? null : new WitnessWriter(witnesses, net.hiddenWidths())) {
                RegionListener listener = witnessWriter == null ? RegionListener.NONE : witnessWriter;
                result = engine.create().count(net, domain, tolerances, monitor, listener);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ExactCountReport report = ExactCountReport.of(problem.networkSummary(), problem.domainSummary(),
                    engine.label(), result, seconds, AnalyticalBounds.of(net, domain));
            out.print(json ? ReportWriter.toJson(report) + System.lineSeparator() : report.toText());
            out.flush();
            return exitCode(result);
        }
    }

    static int exitCode(CountResult result) {
        if (result.complete()) {
            return ExitCodes.OK;
        }
        if (result.stopReason() == StopReason.INTERRUPTED) {
            return ExitCodes.INTERRUPTED;
        }
        if (result.stopReason() == StopReason.TIME_LIMIT) {
            return ExitCodes.LIMIT_REACHED;
        }
        return ExitCodes.UNCERTIFIED;
    }
}
