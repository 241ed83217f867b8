package io.github.reluregions.cli;

import io.github.reluregions.count.SearchMonitor;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A progress line on stderr, rewritten in place twice a second, for runs longer than a second. Shown
 * when stderr is a terminal (or when forced); erased when the run ends.
 */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final PrintWriter err;
    private volatile boolean printed;

    private Progress(Supplier<String> line, PrintWriter err) {
        this.err = err;
        long start = System.nanoTime();
        this.thread = new Thread(() -> {
            try {
                Thread.sleep(1000);
                while (!Thread.currentThread().isInterrupted()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    err.print(String.format(Locale.ROOT, "\r%s, %.0f s   ", line.get(), seconds));
                    err.flush();
                    printed = true;
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        thread.setDaemon(true);
    }

    /** Starts a progress line if {@code wanted} is true, or if null and stderr is a terminal. */
    static Progress start(Boolean wanted, SearchMonitor monitor, PrintWriter err) {
        return start(wanted, () -> String.format(Locale.ROOT, "%,d regions, %,d LPs, %.1f%% explored",
                monitor.regions(), monitor.lps(), 100 * monitor.exploredFraction()), err);
    }

    /** The same with a line of the caller's (the elapsed time is appended). */
    static Progress start(Boolean wanted, Supplier<String> line, PrintWriter err) {
        boolean show = wanted != null ? wanted : stderrIsTerminal();
        Progress progress = new Progress(line, err);
        if (show) {
            progress.thread.start();
        }
        return progress;
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception | Error e) {
            return System.console() != null;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (printed) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
