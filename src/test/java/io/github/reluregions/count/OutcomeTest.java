package io.github.reluregions.count;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import io.github.reluregions.ExitCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeTest {

    @Test
    void onlyAFinishedSearchWithoutUncertainCellsIsExact() {
        assertEquals(Outcome.EXACT, Outcome.of(StopReason.FINISHED, 0));
        assertEquals(Outcome.UNCERTIFIED, Outcome.of(StopReason.FINISHED, 1));
        assertEquals(Outcome.TIME_LIMIT, Outcome.of(StopReason.TIME_LIMIT, 0));
        assertEquals(Outcome.INTERRUPTED, Outcome.of(StopReason.INTERRUPTED, 3));
        assertEquals(Outcome.REGION_LIMIT, Outcome.of(StopReason.REGION_LIMIT, 0));
        for (Outcome outcome : Outcome.values()) {
            assertEquals(outcome == Outcome.EXACT, outcome.exact(), outcome.name());
        }
    }

    @Test
    void eachOutcomeHasTheExitCodeAndStopReasonTheReportsShow() {
        assertEquals(0, Outcome.EXACT.exitCode().code());
        assertEquals(6, Outcome.UNCERTIFIED.exitCode().code());
        assertEquals(4, Outcome.TIME_LIMIT.exitCode().code());
        assertEquals(4, Outcome.REGION_LIMIT.exitCode().code());
        assertEquals(130, Outcome.INTERRUPTED.exitCode().code());
        assertEquals("finished", Outcome.EXACT.stopReason().label());
        assertEquals("finished", Outcome.UNCERTIFIED.stopReason().label());
        assertEquals("time-limit", Outcome.TIME_LIMIT.stopReason().label());
        assertEquals("interrupted", Outcome.INTERRUPTED.stopReason().label());
    }

    @Test
    void countsTakenTogetherEndAsTheWeakestOfThem() {
        assertEquals(Outcome.EXACT, Outcome.EXACT.and(Outcome.EXACT));
        assertEquals(Outcome.UNCERTIFIED, Outcome.EXACT.and(Outcome.UNCERTIFIED));
        assertEquals(Outcome.TIME_LIMIT, Outcome.UNCERTIFIED.and(Outcome.TIME_LIMIT));
        assertEquals(Outcome.INTERRUPTED, Outcome.INTERRUPTED.and(Outcome.TIME_LIMIT));
        for (Outcome a : Outcome.values()) {
            for (Outcome b : Outcome.values()) {
                assertEquals(a.and(b), b.and(a));
                assertTrue(a.and(b) == a || a.and(b) == b);
                assertFalse(a.and(b).exact() && !(a.exact() && b.exact()));
            }
        }
    }

    @Test
    void theHelpListsEveryExitCodeOnceInOrder() {
        List<String> codes = List.copyOf(ExitCode.helpList().keySet());
        assertEquals(ExitCode.values().length, codes.size());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(Integer.toString(ExitCode.values()[i].code()), codes.get(i));
            assertTrue(seen.add(ExitCode.values()[i].code()));
        }
    }
}
