package io.github.reluregions.cluster;

/**
 * The cluster could not be used: no member could be reached, or every member left during a count. Not a
 * bug and not bad input; the CLI reports it in one line with its own exit code.
 */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public ClusterException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** A suggestion starting with "Maybe", or null. */
    public String hint() {
        return hint;
    }
}
