package io.github.reluregions.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.testing.StepClock;
import org.junit.jupiter.api.Test;

class SearchMonitorTest {
    @Test
    void aDeadlineOnAGivenClockPassesAfterExactlyThatClocksTime() {
        StepClock clock = StepClock.millisecondPerReading();
        SearchMonitor monitor = SearchMonitor.withTimeLimit(0.005, clock); // reading 0 starts the limit
        int checks = 0;
        while (!monitor.shouldStop()) {
            checks++;
        }
        // Readings 1..5 are at 1..5 ms, not past the 5 ms deadline; reading 6 at 6 ms is.
        assertEquals(5, checks);
        assertEquals(StopReason.TIME_LIMIT, monitor.stopReason());
        assertTrue(monitor.secondsLeft() < 0);
    }

    @Test
    void noLimitOnAnyClockAndAnInterruptWinsOverTheDeadline() {
        SearchMonitor none = SearchMonitor.withTimeLimit(0, StepClock.millisecondPerReading());
        for (int i = 0; i < 1000; i++) {
            assertFalse(none.shouldStop());
        }
        assertEquals(Double.POSITIVE_INFINITY, none.secondsLeft());
        SearchMonitor both = SearchMonitor.withTimeLimit(1e-9, StepClock.millisecondPerReading());
        assertTrue(both.isPastDeadline());
        both.interrupt();
        assertEquals(StopReason.INTERRUPTED, both.stopReason());
    }
}
