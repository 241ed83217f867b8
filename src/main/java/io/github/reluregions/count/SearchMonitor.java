package io.github.reluregions.count;

import io.github.reluregions.solver.SolveLimit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Shared between a running count and whoever watches it: the deadline and the interrupt flag going in,
 * the progress so far coming out (read from another thread for progress lines and partial reports).
 * The deadline is read from a clock in nanoseconds, {@link System#nanoTime} unless one is given: a test
 * passes a clock that advances by a fixed step on every reading, so that a count stops after the same number
 * of checks on any machine.
 */
public final class SearchMonitor {
    private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;

    private final LongSupplier clock;
    private final long deadlineNanos;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile long regions;
    private volatile long lps;
    private volatile double exploredFraction;

    private SearchMonitor(LongSupplier clock, long deadlineNanos) {
        this.clock = clock;
        this.deadlineNanos = deadlineNanos;
    }

    /** A monitor with no time limit. */
    public static SearchMonitor unlimited() {
        return new SearchMonitor(SYSTEM_CLOCK, Long.MAX_VALUE);
    }

    /** A monitor whose deadline is {@code seconds} from now; {@code seconds <= 0} means no limit. */
    public static SearchMonitor withTimeLimit(double seconds) {
        return withTimeLimit(seconds, System.nanoTime());
    }

    /**
     * A monitor whose deadline is {@code seconds} after {@code startNanos} ({@link System#nanoTime} scale),
     * e.g. the command's start; {@code seconds <= 0} means no limit.
     */
    public static SearchMonitor withTimeLimit(double seconds, long startNanos) {
        return withTimeLimit(seconds, startNanos, SYSTEM_CLOCK);
    }

    /**
     * A monitor whose deadline is {@code seconds} from the clock's first reading, on that clock (nanoseconds);
     * {@code seconds <= 0} means no limit.
     */
    public static SearchMonitor withTimeLimit(double seconds, LongSupplier clock) {
        return withTimeLimit(seconds, clock.getAsLong(), clock);
    }

    private static SearchMonitor withTimeLimit(double seconds, long startNanos, LongSupplier clock) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return new SearchMonitor(clock, Long.MAX_VALUE);
        }
        return new SearchMonitor(clock, startNanos + (long) (seconds * 1e9));
    }

    /** Asks the running count to stop at the next node; its partial result is then returned. */
    public void interrupt() {
        interrupted.set(true);
    }

    public boolean isInterrupted() {
        return interrupted.get();
    }

    public boolean isPastDeadline() {
        return deadlineNanos != Long.MAX_VALUE && clock.getAsLong() - deadlineNanos > 0;
    }

    /** Seconds until the deadline (negative past it), or infinity when there is none. */
    public double secondsLeft() {
        return deadlineNanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (deadlineNanos - clock.getAsLong()) / 1e9;
    }

    /** True once the count should stop: interrupted or past the deadline. */
    public boolean shouldStop() {
        return interrupted.get() || isPastDeadline();
    }

    /** The same stop and seconds left, as a solver's limit. */
    public SolveLimit solveLimit() {
        return new SolveLimit(this::shouldStop, this::secondsLeft);
    }

    /** Why a count that stops now stops: {@code INTERRUPTED} or {@code TIME_LIMIT}. */
    public StopReason stopReason() {
        return interrupted.get() ? StopReason.INTERRUPTED : StopReason.TIME_LIMIT;
    }

    /** Sets the progress read by watchers: regions counted, LPs solved, share of the tree finished. */
    public void publish(long regions, long lps, double exploredFraction) {
        this.regions = regions;
        this.lps = lps;
        this.exploredFraction = exploredFraction;
    }

    public long regions() {
        return regions;
    }

    public long lps() {
        return lps;
    }

    /** The share of the search tree finished so far, in [0, 1] (each branching halves a node's share). */
    public double exploredFraction() {
        return exploredFraction;
    }
}
