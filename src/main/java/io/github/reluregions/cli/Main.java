package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import java.lang.management.ManagementFactory;
import picocli.CommandLine;

/** Entry point of the {@code relu-regions} command. */
public final class Main {
    private Main() {
    }

    /** When the process started ({@link System#nanoTime} scale), once {@link #main} runs; else unset. */
    private static volatile long processStart = Long.MIN_VALUE;

    public static void main(String[] args) {
        processStart = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        System.setProperty("java.awt.headless", "true"); // plots draw off-screen, also where a display exists
        System.exit(commandLine().execute(args));
    }

    /**
     * Where a command's time limit counts from: the process's start when run as {@code relu-regions} (so
     * that reading the network and loading OR-Tools count too), else now (a command run in-process).
     */
    static long commandStart() {
        long start = processStart;
        return start == Long.MIN_VALUE ? System.nanoTime() : start;
    }

    /** The command line with its subcommands, error handling and exit codes wired up. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        addExitCodeHelp(cmd);
        return cmd;
    }

    private static void addExitCodeHelp(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addExitCodeHelp(sub);
        }
    }
}
