package io.github.reluregions.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) for a command that writes a partial result: while installed, the JVM's shutdown runs
 * {@code onInterrupt} (which asks the running count to stop) and then waits, up to 30 s, for the command
 * to {@link #close()} the hook, i.e. to finish writing its partial report.
 */
final class InterruptHook implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private InterruptHook(Runnable onInterrupt) {
        hook = new Thread(() -> {
            onInterrupt.run();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt");
    }

    /** Installs the hook; close it when the command's output is written. */
    static InterruptHook install(Runnable onInterrupt) {
        InterruptHook interruptHook = new InterruptHook(onInterrupt);
        Runtime.getRuntime().addShutdownHook(interruptHook.hook);
        return interruptHook;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting on a signal: the hook is running and lets it exit once we are done
        }
    }
}
