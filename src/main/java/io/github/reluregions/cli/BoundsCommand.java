package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.bounds.AnalyticalBounds;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.report.BoundsReport;
import io.github.reluregions.report.ReportWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bounds}: the analytical upper bounds on the number of regions, without counting. */
@Command(name = "bounds", mixinStandardHelpOptions = true,
        header = "Prints the analytical upper bounds on a network's number of regions (no counting).")
final class BoundsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--json", description = "Write the report as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        ProblemInput.Problem problem = input.read(Tolerances.defaults()); // the bounds use no tolerance
        problem.printNotes(spec.commandLine().getErr());
        BoundsReport report = BoundsReport.of(problem.networkSummary(), problem.domainSummary(),
                AnalyticalBounds.of(problem.query().network(), problem.query().domain()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportWriter.toJson(report) + System.lineSeparator() : report.toText());
        out.flush();
        return ExitCode.OK.code();
    }
}
