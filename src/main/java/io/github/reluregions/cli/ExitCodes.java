package io.github.reluregions.cli;

/** The exit codes of every command, listed in {@code --help}. */
public final class ExitCodes {
    /** The command finished completely (for a count: the count is exact). */
    public static final int OK = 0;
    /** A bug: an unexpected error (please report it with the stack trace printed). */
    public static final int SOFTWARE = 1;
    /** The command line is wrong (unknown option, missing or malformed value). */
    public static final int USAGE = 2;
    /** An input is wrong: a file missing or malformed, a domain that does not fit the network, a bad value. */
    public static final int BAD_INPUT = 3;
    /** The time limit was hit: the partial result was written and is a lower bound. */
    public static final int LIMIT_REACHED = 4;
    /** OR-Tools' native library failed to load, or a solver could not be created (see native-setup/). */
    public static final int NATIVE_LIBRARY = 5;
    /** The search finished but some cell could not be certified: the count is a lower bound. */
    public static final int UNCERTIFIED = 6;
    /** The cluster could not be used: no member reachable at --cluster, or every member left during the count. */
    public static final int CLUSTER = 7;
    /** Interrupted (Ctrl-C / SIGINT): the partial result was written and is a lower bound. */
    public static final int INTERRUPTED = 130;

    /** The list shown under "Exit codes" in every command's help. */
    static final java.util.Map<String, String> HELP = helpList(
        "0:the command finished completely (a count is exact)",
        "1:unexpected internal error (a bug)",
        "2:usage error in the command line",
        "3:bad input (file, network, domain or value)",
        "4:time limit reached; partial result written (lower bound)",
        "5:OR-Tools native library unavailable (see native-setup/)",
        "6:finished, but some cell could not be certified (lower bound)",
        "7:the cluster could not be reached, or every member left",
        "130:interrupted (SIGINT); partial result written (lower bound)");

    private static java.util.Map<String, String> helpList(String... entries) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            map.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private ExitCodes() {
    }
}
