package io.github.reluregions.cli;

import picocli.CommandLine;

/** Entry point of the {@code relu-regions} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // plots draw off-screen, also where a display exists
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands, error handling and exit codes wired up. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        addExitCodeHelp(cmd);
        return cmd;
    }

    private static void addExitCodeHelp(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addExitCodeHelp(sub);
        }
    }
}
