package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.compile.ModelFormat;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.engine.CountResult;
import io.github.reluregions.engine.ModelExport;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Option(names = "--emit-model", paramLabel = "FILE",
            description = "Write the compiled solver model to FILE and stop, without counting: .mps or .lp for the "
                    + "milp engine's SCIP model, .pbtxt or .txt for the cpsat engine's CP-SAT model.")
    Path emitModel;

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
        if (emitModel != null) {
            return emitModel(net, domain, tolerances, out);
        }

        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            monitor.interrupt();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
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
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting on a signal: the hook is running and lets it exit once we are done
            }
        }
    }

    private int emitModel(Network net, InputDomain domain, Tolerances tolerances, PrintWriter out) {
        String wanted = ModelFormat.forFile(emitModel).engine();
        if (engine != EngineChoice.LP && !engine.label().equals(wanted)) {
            throw new InvalidInputException("--emit-model=" + emitModel + " names a " + wanted + " model but --engine is "
                    + engine.label() + ".", "Maybe --emit-model=model." + (engine == EngineChoice.MILP ? "mps" : "pbtxt")
                    + " for the " + engine.label() + " engine's model.");
        }
        ModelExport.Summary summary = ModelExport.write(net, domain, tolerances, emitModel);
        out.print(json ? ReportWriter.toJson(summary) + System.lineSeparator() : summary.toText() + System.lineSeparator());
        out.flush();
        return ExitCodes.OK;
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
