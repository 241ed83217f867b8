package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.benchmark.BenchmarkCase;
import io.github.reluregions.benchmark.ExactLpCount;
import io.github.reluregions.benchmark.TightnessBenchmark;
import io.github.reluregions.benchmark.TightnessOutputs;
import io.github.reluregions.benchmark.TightnessResult;
import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchmark tightness}: every analytical bound against the region count over a suite of networks. */
@Command(name = "tightness", mixinStandardHelpOptions = true,
        header = "Compares every analytical bound with the region count over a suite of networks.",
        description = {"Counts the regions of every network of the suite (exact LP engine, with a time limit per "
                + "network: a count that does not finish is a lower bound), computes every bound, and writes "
                + "tightness.csv, tightness.json, tightness.md and PNG plots into the output folder. Exit 4 when "
                + "some count did not finish, 1 when a bound lies below a count or a reference count disagrees "
                + "(a bug); the results are written in every case."})
final class BenchmarkTightnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "FILE", defaultValue = "benchmarks/tightness-suite.json",
            description = "The suite: networks with their domains, the reference cases, random families "
                    + "(default: ${DEFAULT-VALUE}).")
    Path suite;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "benchmarks/results",
            description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "240",
            description = "Time limit of each network's count (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the exact count (default: all cores).")
    int threads;

    @Override
    public Integer call() {
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
            throw new InvalidInputException("--time-limit is " + timeLimit + "; it must be a positive number of seconds.",
                    "Maybe --time-limit=240.");
        }
        if (threads < 0) {
            throw new InvalidInputException("--threads is " + threads + "; it must be positive.");
        }
        PrintWriter output = spec.commandLine().getOut();
        List<String> notes = new ArrayList<>();
        List<BenchmarkCase> cases = io.github.reluregions.benchmark.TightnessSuite.read(suite, notes);
        notes.forEach(note -> output.println("note: " + note));
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        TightnessBenchmark benchmark = new TightnessBenchmark(List.of(new ExactLpCount(workers),
                new io.github.reluregions.benchmark.ProbabilisticLpCount()), timeLimit);
        List<TightnessResult> results = new ArrayList<>();
        boolean allComplete = true;
        boolean bug = false;
        for (BenchmarkCase benchmarkCase : cases) {
            TightnessResult result = benchmark.run(benchmarkCase);
            results.add(result);
            allComplete &= result.count().complete();
            output.println(line(result));
            if (!result.boundsBelowCount().isEmpty() || !result.agreesWithKnownCount()) {
                bug = true;
                output.println("  BUG: " + (result.agreesWithKnownCount() ? "" : "the reference count is "
                        + result.knownRegions() + "; ") + (result.boundsBelowCount().isEmpty() ? ""
                        : "bounds below the count: " + result.boundsBelowCount()));
            }
            output.flush();
        }
        for (Path file : TightnessOutputs.write(out, suite.toString(), timeLimit, results)) {
            output.println("wrote " + file);
        }
        output.flush();
        return bug ? ExitCode.SOFTWARE.code() : allComplete ? ExitCode.OK.code() : ExitCode.LIMIT_REACHED.code();
    }

    private static String line(TightnessResult r) {
        RegionBound best = r.bounds().stream().filter(b -> r.tightest().contains(b.name())).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "%-28s %s%d regions%s in %.1f s; tightest %s, 10^%.2f above", r.name(),
                r.count().complete() ? "" : ">= ", r.count().regions(), r.count().complete() ? "" : " (lower bound)",
                r.count().seconds(), String.join(" = ", r.tightest()), best.log10() - r.countLog10());
    }
}
