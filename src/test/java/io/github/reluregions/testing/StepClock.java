package io.github.reluregions.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock for tests: every reading returns the time and then advances it by a fixed step, so that a search
 * with a deadline on this clock stops after the same number of checks on any machine, however fast.
 */
public final class StepClock implements LongSupplier {
    private final AtomicLong now = new AtomicLong();
    private final long stepNanos;

    public StepClock(long stepNanos) {
        this.stepNanos = stepNanos;
    }

    /** A clock that advances one millisecond per reading: a limit of {@code s} seconds lasts 1000 s readings. */
    public static StepClock millisecondPerReading() {
        return new StepClock(1_000_000L);
    }

    @Override
    public long getAsLong() {
        return now.getAndAdd(stepNanos);
    }

    /** How many times the clock was read. */
    public long readings() {
        return now.get() / stepNanos;
    }
}
