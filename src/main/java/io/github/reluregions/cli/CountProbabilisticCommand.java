package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.model.Network;
import io.github.reluregions.probabilistic.CellCounter;
import io.github.reluregions.probabilistic.HashChoice;
import io.github.reluregions.probabilistic.ProbabilisticCounter;
import io.github.reluregions.probabilistic.ProbabilisticResult;
import io.github.reluregions.probabilistic.RunStatus;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.report.ProbabilisticCountReport;
import io.github.reluregions.report.ReportWriter;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code count probabilistic}: a lower bound and an estimate with stated probabilities, by XOR hashing. */
@Command(name = "probabilistic", mixinStandardHelpOptions = true,
        header = "Bounds and estimates the number of regions with stated probabilities, by random XOR constraints.",
        description = {"The lower bound (MBound / MIPBound) holds with probability at least --confidence; the "
                + "estimate (ApproxMC) lies within a factor 1 + --epsilon of the count with probability at least "
                + "--confidence. A network with fewer regions than the estimate's threshold is counted exactly.",
                "With no domain option, counts in all of R^d (engine lp only). --threads: how many of the "
                        + "estimate's measurements run at once, each with its own search; the answer is the same for "
                        + "any N. At --time-limit the lower bound is the one of the levels finished, with no estimate."})
final class CountProbabilisticCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "lower-bound",
            converter = MethodConverter.class, completionCandidates = MethodConverter.Names.class,
            description = "What to compute: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProbabilisticCounter.Method method;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
            description = "The probability with which the lower bound and the estimate hold, in (0, 1) "
                    + "(default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--epsilon", paramLabel = "EPS", defaultValue = "0.8",
            description = "The estimate's tolerance: within a factor 1 + EPS; also sets how many regions are "
                    + "enumerated before hashing (default: ${DEFAULT-VALUE}).")
    double epsilon;

    /** The lower bound's XORs: a family, or a fixed size; at most one of the two. */
    static final class Xors {
        @Option(names = "--hash", paramLabel = "FAMILY",
                description = "The lower bound's XORs: staircase (default; rows in echelon form for a fast search) "
                        + "or dense (each neuron in each XOR with probability 1/2).")
        XorFamily family;

        @Option(names = "--xor-size", paramLabel = "K",
                description = "The lower bound's XORs over K neurons each, drawn uniformly (MBound's fixed-length "
                        + "XORs).")
        Integer size;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Xors xors;

    @Option(names = "--seed", paramLabel = "N",
            description = "The seed of every random choice (default: drawn at random and reported); the same seed "
                    + "gives the same answer.")
    Long seed;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "lp",
            description = "What searches the hash cells: lp (default; the LP search with the XORs propagated, "
                    + "any domain), milp (the SCIP model with parity constraints, bounded domains) or cpsat.")
    EngineChoice engine;

    @Mixin
    ToleranceOption tolerance;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        HashChoice hashChoice = checkOptions();
        ProblemInput.Problem problem = input.read(tolerance.tolerances());
        Query query = problem.query();
        SearchMonitor monitor = run.monitor();
        CellCounter counter = engine.cellCounter(query);
        long runSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        ProbabilisticCounter.Options options = new ProbabilisticCounter.Options(method, confidence, epsilon,
                hashChoice, runSeed, run.workers());
        RunStatus status = new RunStatus();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        try (InterruptHook ignoredHook = InterruptHook.install(monitor::interrupt)) {
            List<RegionBound> bounds = AnalyticalBounds.of(query.network(), query.domain()); // before the deadline runs out
            long start = System.nanoTime();
            ProbabilisticResult result;
            try (Progress ignored = Progress.start(run.progress, () -> String.format(Locale.ROOT, "%s, %,d LPs",
                    status.phase(), counter.lps() + monitor.lps()), err)) {
                result = ProbabilisticCounter.count(counter, options, monitor, status);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ProbabilisticCountReport report = ProbabilisticCountReport.of(problem.networkSummary(),
                    problem.domainSummary(), MethodConverter.label(method), confidence, epsilon, result, seconds,
                    query.appliedTolerances(), bounds);
            out.print(run.json ? ReportWriter.toJson(report) + System.lineSeparator() : report.toText());
            out.flush();
            return result.outcome().exitCode().code();
        }
    }

    /** Checks the option values; returns the lower bound's XOR family. */
    private HashChoice checkOptions() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidInputException("The confidence is " + confidence + "; it must lie strictly between 0 and 1.",
                    "Maybe --confidence 0.95.");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new InvalidInputException("The epsilon is " + epsilon + "; it must be positive.",
                    "Maybe --epsilon 0.8 (the estimate within a factor 1.8).");
        }
        if (xors == null) {
            return HashChoice.staircase();
        }
        if (xors.size != null && xors.size < 1) {
            throw new InvalidInputException("The XOR size is " + xors.size + "; it must be at least 1.",
                    "Maybe --xor-size=3.");
        }
        if (method == ProbabilisticCounter.Method.ESTIMATE) {
            throw new InvalidInputException("--xor-size and --hash choose the lower bound's XORs, and --method="
                    + "estimate computes no lower bound.", "Maybe --method=both; the estimate always uses dense XORs, "
                    + "which its guarantee needs.");
        }
        return xors.size != null ? HashChoice.fixed(xors.size) : xors.family.choice();
    }
}
