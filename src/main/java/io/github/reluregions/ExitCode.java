package io.github.reluregions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command, each with the line {@code --help} shows for it. */
public enum ExitCode {
    /** The command finished completely (for a count: the count is exact). */
    OK(0, "the command finished completely (a count is exact)"),
    /** A bug: an unexpected error (please report it with the stack trace printed). */
    SOFTWARE(1, "unexpected internal error (a bug)"),
    /** The command line is wrong (unknown option, missing or malformed value). */
    USAGE(2, "usage error in the command line"),
    /** An input is wrong: a file missing or malformed, a domain that does not fit the network, a bad value. */
    BAD_INPUT(3, "bad input (file, network, domain or value)"),
    /** A limit was hit (time, or a caller's region limit): the partial result was written and is a lower bound. */
    LIMIT_REACHED(4, "time limit reached; partial result written (lower bound)"),
    /** OR-Tools' native library failed to load, or a solver could not be created (see native-setup/). */
    NATIVE_LIBRARY(5, "OR-Tools native library unavailable (see native-setup/)"),
    /** The search finished but some cell could not be certified: the count is a lower bound. */
    UNCERTIFIED(6, "finished, but some cell could not be certified (lower bound)"),
    /** The cluster could not be used: no member reachable at --cluster, or every member left during the count. */
    CLUSTER(7, "the cluster could not be reached, or every member left"),
    /** Interrupted (Ctrl-C / SIGINT / SIGTERM): the partial result was written and is a lower bound. */
    INTERRUPTED(130, "interrupted (SIGINT); partial result written (lower bound)");

    private final int code;
    private final String help;

    ExitCode(int code, String help) {
        this.code = code;
        this.help = help;
    }

    /** The process's exit status. */
    public int code() {
        return code;
    }

    /** The list shown under "Exit codes" in every command's help: code to description, in order. */
    public static Map<String, String> helpList() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            map.put(Integer.toString(exit.code), exit.help);
        }
        return Collections.unmodifiableMap(map);
    }
}
