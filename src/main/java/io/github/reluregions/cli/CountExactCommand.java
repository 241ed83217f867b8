package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.checkpoint.CheckpointFile;
import io.github.reluregions.cluster.ClusterAddresses;
import io.github.reluregions.cluster.ClusterCounter;
import io.github.reluregions.compile.ModelFormat;
import io.github.reluregions.compile.ModelKind;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.CheckpointSink;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.lp.SearchState;
import io.github.reluregions.count.model.ModelExport;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.report.ExactCountReport;
import io.github.reluregions.report.ReportWriter;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
                + "interior witness; otherwise it is a lower bound. --threads: the lp engine's workers, each "
                + "searching its own subtrees with its own LP model. --time-limit counts from the command's start.")
final class CountExactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "lp",
            description = "The exact engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EngineChoice engine;

    @Mixin
    ToleranceOption tolerance;

    @Mixin
    RunOptions run;

    @Option(names = "--witnesses", paramLabel = "FILE",
            description = "Stream one interior point per region to FILE, as JSON lines.")
    Path witnesses;

    @Option(names = "--lp", paramLabel = "SOLVER", defaultValue = "auto",
            description = "The lp engine's LP solver: auto (a Java simplex whose every answer is checked, with GLOP "
                    + "when a check fails, for boxes and L-infinity balls; GLOP elsewhere) or glop (default: "
                    + "${DEFAULT-VALUE}).")
    LpEngine.LpSolver lpSolver;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save the search's open subtrees to FILE every --checkpoint-interval seconds and when it "
                    + "ends or is stopped (lp engine), so that --resume can continue it.")
    Path checkpoint;

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds between checkpoints (default: ${DEFAULT-VALUE}).")
    double checkpointInterval;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the search saved in the checkpoint FILE (same network, domain and tolerance); "
                    + "new checkpoints go to FILE too unless --checkpoint names another.")
    Path resume;

    @Option(names = "--cluster", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Count on the relu-regions cluster whose members (started with 'relu-regions serve') listen "
                    + "at these addresses; one is enough, the others are found through it (lp engine).")
    String cluster;

    @Option(names = "--emit-model", paramLabel = "FILE",
            description = "Write the compiled solver model to FILE and stop, without counting: .mps or .lp for the "
                    + "milp engine's SCIP model, .pbtxt or .txt for the cpsat engine's CP-SAT model.")
    Path emitModel;

    @Override
    public Integer call() {
        ProblemInput.Problem problem = input.read(tolerance.tolerances());
        problem.printNotes(spec.commandLine().getErr());
        Query query = problem.query();
        Network net = query.network();
        SearchMonitor monitor = run.monitor();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (emitModel != null) {
            return emitModel(query, out);
        }

        try (InterruptHook ignoredHook = InterruptHook.install(monitor::interrupt)) {
            ExactCounter counter = counter(problem, err);
            // Before the count, so that its deadline leaves them out of the time after it (a second or two on
            // MNIST-sized nets).
            List<RegionBound> bounds = AnalyticalBounds.of(net, query.domain());
            long start = System.nanoTime();
            CountResult result;
            try (Progress ignored = Progress.start(run.progress, monitor, err);
                    WitnessWriter witnessWriter = witnesses == null ? null : new WitnessWriter(witnesses, net.hiddenWidths())) {
                RegionListener listener = witnessWriter == null ? RegionListener.NONE : witnessWriter;
                result = counter.count(query, monitor, listener);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ExactCountReport report = ExactCountReport.of(problem.networkSummary(), problem.domainSummary(),
                    engine.label(), result, seconds, query.appliedTolerances(), bounds);
            out.print(run.json ? ReportWriter.toJson(report) + System.lineSeparator() : report.toText());
            out.flush();
            return result.outcome().exitCode().code();
        }
    }

    private ExactCounter counter(ProblemInput.Problem problem, PrintWriter err) {
        int workers = run.workers();
        if (!(checkpointInterval > 0)) {
            throw new InvalidInputException("--checkpoint-interval is " + checkpointInterval
                    + "; it must be a positive number of seconds.");
        }
        Path checkpointFile = checkpoint != null ? checkpoint : resume;
        if (cluster != null) {
            requireClusterOptions();
        }
        if (engine != EngineChoice.LP) {
            if (checkpointFile != null) {
                throw new InvalidInputException("--checkpoint and --resume work with the lp engine only, not "
                        + engine.label() + ".", "Maybe --engine=lp.");
            }
            return engine.create();
        }
        CheckpointSink sink = CheckpointSink.NONE;
        SearchState start = null;
        if (checkpointFile != null) {
            String fingerprint = problem.query().fingerprint();
            String description = problem.file() + " in " + problem.query().domain().describe();
            if (resume != null) {
                start = new CheckpointFile(resume, fingerprint, description).load();
            }
            CheckpointFile file = new CheckpointFile(checkpointFile, fingerprint, description);
            sink = file::save;
        }
        if (cluster != null) {
            return new ClusterCounter(ClusterCounter.Options.of(ClusterAddresses.parse(cluster, "--cluster"))
                    .withCheckpoints(start, sink, checkpointInterval).withEvents(new ClusterWarnings(err)));
        }
        return new LpEngine(new LpEngine.Options(workers, start, sink, checkpointInterval, lpSolver));
    }

    private void requireClusterOptions() {
        if (engine != EngineChoice.LP) {
            throw new InvalidInputException("--cluster runs the lp engine, not " + engine.label() + ".",
                    "Maybe --engine=lp, or leave out --cluster.");
        }
        if (run.threads != 0) {
            throw new InvalidInputException("--threads sets this machine's workers; with --cluster every member "
                    + "searches with its own threads.", "Maybe 'relu-regions serve --threads=N' on the members.");
        }
        if (witnesses != null) {
            throw new InvalidInputException("--witnesses does not work with --cluster: the witnesses stay on the "
                    + "members.", "Maybe count without --cluster to write them.");
        }
    }

    /** Says on stderr when a member's slice failed and is searched again. */
    private record ClusterWarnings(PrintWriter err) implements ClusterCounter.Events {
        @Override
        public void sliceFailed(String member, String reason, int subtrees) {
            err.println("warning: the member " + member + " failed (" + reason + "); its " + subtrees
                    + " subtrees are searched again.");
            err.flush();
        }
    }

    private int emitModel(Query query, PrintWriter out) {
        ModelKind wanted = ModelFormat.forFile(emitModel).kind();
        if (engine != EngineChoice.LP && engine.model() != wanted) {
            throw new InvalidInputException("--emit-model=" + emitModel + " names a " + wanted.label()
                    + " model but --engine is "
                    + engine.label() + ".", "Maybe --emit-model=model." + (engine == EngineChoice.MILP ? "mps" : "pbtxt")
                    + " for the " + engine.label() + " engine's model.");
        }
        ModelExport.Summary summary = ModelExport.write(query, emitModel);
        out.print(run.json ? ReportWriter.toJson(summary) + System.lineSeparator() : summary.toText() + System.lineSeparator());
        out.flush();
        return ExitCode.OK.code();
    }

}
