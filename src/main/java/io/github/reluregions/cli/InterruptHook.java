package io.github.reluregions.cli;

import io.github.reluregions.engine.SearchMonitor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT (Ctrl-C) into an interrupt of a running count: the JVM's shutdown hook asks the monitor to
 * stop and waits (up to 30 s) until the command has written its partial report, then lets the JVM exit.
 * Close it when the report is written.
 */
final class InterruptHook implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private InterruptHook(SearchMonitor monitor) {
        hook = new Thread(() -> {
            monitor.interrupt();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static InterruptHook install(SearchMonitor monitor) {
        return new InterruptHook(monitor);
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
