package io.github.reluregions;

import java.util.concurrent.ExecutionException;

/** What a task run on another thread threw, passed on to the thread that waited for it. */
public final class ExecutionFailures {
    private ExecutionFailures() {
    }

    /**
     * The task's own exception, to be thrown by the caller ({@code throw ExecutionFailures.unchecked(e)}): a
     * runtime exception as it is, an error thrown from here, anything else wrapped.
     */
    public static RuntimeException unchecked(ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
