package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.cluster.ClusterException;
import io.github.reluregions.solver.NativeLibraryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps exceptions to one clear error line and an exit code, in one place: bad input and native-library
 * failures never show a stack trace; only bugs do. A wrong command line (exit 2) gets its error line, picocli's
 * suggestions for a mistyped option, and where to find the options, instead of the whole usage text.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + e.getMessage().replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Maybe see '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidInputException bad) {
            return report(err, bad.getMessage(), bad.hint(), ExitCode.BAD_INPUT.code());
        }
        if (e instanceof ClusterException clusterFailure) {
            return report(err, clusterFailure.getMessage(), clusterFailure.hint(), ExitCode.CLUSTER.code());
        }
        if (e instanceof NativeLibraryException nativeFailure) {
            return report(err, nativeFailure.getMessage(), null, ExitCode.NATIVE_LIBRARY.code());
        }
        err.println("internal error (a bug in relu-regions; please report it with this trace):");
        e.printStackTrace(err);
        err.flush();
        return ExitCode.SOFTWARE.code();
    }

    /** One {@code error:} line and the hint, if any; returns {@code exitCode}. */
    private static int report(PrintWriter err, String message, String hint, int exitCode) {
        err.println("error: " + message);
        if (hint != null) {
            err.println(hint);
        }
        err.flush();
        return exitCode;
    }
}
