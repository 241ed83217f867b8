package io.github.reluregions.count.lp;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting the search into subtrees (threads, checkpoints, resume) never changes what is counted. */
class SubtreeSplitTest {
    // Some 10^4 regions: long enough for checkpoints every millisecond or so even on a fast machine.
    private static final Network NET = Nets.randomNet(new int[] {3, 20, 16}, 11);
    private static final InputDomain BOX = Box.cube(3, -3, 3);

    private static final class Patterns implements RegionListener {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onRegion(long index, double[] witness, double radius, boolean[] pattern) {
            StringBuilder sb = new StringBuilder();
            for (boolean b : pattern) {
                sb.append(b ? '1' : '0');
            }
            seen.add(sb.toString());
        }

        Set<String> distinct() {
            Set<String> set = new HashSet<>(seen);
            assertEquals(seen.size(), set.size(), "a pattern was counted twice");
            return set;
        }
    }

    private static CountResult run(LpEngine.Options options, SearchMonitor monitor, RegionListener listener) {
        return new LpEngine(options).count(new Query(NET, BOX, Tolerances.defaults()), monitor, listener);
    }

    @Test
    void twoThreadsCountTheSameRegionsAsOne() {
        Patterns one = new Patterns();
        Patterns two = new Patterns();
        CountResult serial = run(LpEngine.Options.defaults(), SearchMonitor.unlimited(), one);
        CountResult parallel = run(LpEngine.Options.defaults().withThreads(2), SearchMonitor.unlimited(), two);
        assertTrue(serial.complete());
        assertTrue(parallel.complete());
        assertTrue(serial.regions() > 500, "the test net should be big enough to share work: " + serial.regions());
        assertEquals(serial.regions(), parallel.regions());
        assertEquals(one.distinct(), two.distinct());
        assertEquals(1.0, parallel.exploredFraction());
    }

    @Test
    void resumingFromAnyCheckpointGivesTheUninterruptedCount() {
        long full = run(LpEngine.Options.defaults(), SearchMonitor.unlimited(), RegionListener.NONE).regions();
        List<SearchState> states = Collections.synchronizedList(new ArrayList<>());
        LpEngine.Options checkpointing = new LpEngine.Options(2, null, states::add, 0.002, LpEngine.LpSolver.AUTO);
        assertEquals(full, run(checkpointing, SearchMonitor.unlimited(), RegionListener.NONE).regions());
        assertTrue(states.size() >= 3, "expected checkpoints along the way, got " + states.size());
        SearchState last = states.get(states.size() - 1);
        assertTrue(last.finished());
        assertEquals(full, last.regions());

        List<SearchState> midway = states.subList(0, states.size() - 1);
        for (int i = 0; i < midway.size(); i += Math.max(1, midway.size() / 4)) {
            SearchState state = midway.get(i);
            assertFalse(state.finished());
            assertTrue(state.regions() < full);
            Patterns rest = new Patterns();
            CountResult resumed = run(new LpEngine.Options(1 + i % 2, state, CheckpointSink.NONE,
                    Double.POSITIVE_INFINITY, LpEngine.LpSolver.values()[i % 2]), SearchMonitor.unlimited(), rest);
            assertTrue(resumed.complete());
            assertEquals(full, resumed.regions(), "resumed from checkpoint " + i + " of " + states.size());
            assertEquals(full - state.regions(), rest.distinct().size());
        }
    }

    @Test
    void aStoppedRunHandsBackItsFrontierAndResumesToTheExactCount() {
        Patterns all = new Patterns();
        long full = run(LpEngine.Options.defaults(), SearchMonitor.unlimited(), all).regions();
        List<SearchState> states = new ArrayList<>();
        Patterns first = new Patterns();
        // Stop after a third of the regions, whatever the machine's speed (a time limit would race a fast CPU).
        SearchMonitor monitor = SearchMonitor.unlimited();
        RegionListener stopAtAThird = (index, witness, radius, pattern) -> {
            first.onRegion(index, witness, radius, pattern);
            if (index + 1 >= full / 3) {
                monitor.interrupt();
            }
        };
        CountResult partial = run(new LpEngine.Options(2, null, states::add, Double.POSITIVE_INFINITY, LpEngine.LpSolver.AUTO),
                monitor, stopAtAThird);
        assertFalse(partial.complete());
        assertEquals(StopReason.INTERRUPTED, partial.stopReason());
        assertTrue(partial.regions() < full, partial.regions() + " of " + full);
        SearchState stopped = states.get(states.size() - 1);
        assertEquals(partial.regions(), stopped.regions());
        assertFalse(stopped.open().isEmpty());
        double openWeight = stopped.open().stream().mapToDouble(SubtreeTask::weight).sum();
        assertEquals(1.0, stopped.exploredFraction() + openWeight, 1e-9);

        Patterns second = new Patterns();
        CountResult resumed = run(new LpEngine.Options(1, stopped, CheckpointSink.NONE, Double.POSITIVE_INFINITY, LpEngine.LpSolver.GLOP),
                SearchMonitor.unlimited(), second);
        assertEquals(full, resumed.regions());
        Set<String> union = new HashSet<>(first.distinct());
        for (String pattern : second.distinct()) {
            assertTrue(union.add(pattern), "counted before and after the stop: " + pattern);
        }
        assertEquals(all.distinct(), union);
    }

    @Test
    void aRunPastItsDeadlineStopsWithTheTimeLimitAndHandsBackTheWholeTree() {
        List<SearchState> states = new ArrayList<>();
        SearchMonitor expired = SearchMonitor.withTimeLimit(1e-9);
        CountResult partial = run(new LpEngine.Options(1, null, states::add, Double.POSITIVE_INFINITY, LpEngine.LpSolver.AUTO),
                expired, RegionListener.NONE);
        assertFalse(partial.complete());
        assertEquals(StopReason.TIME_LIMIT, partial.stopReason());
        SearchState stopped = states.get(states.size() - 1);
        double openWeight = stopped.open().stream().mapToDouble(SubtreeTask::weight).sum();
        assertEquals(1.0, stopped.exploredFraction() + openWeight, 1e-9);
        long full = run(LpEngine.Options.defaults(), SearchMonitor.unlimited(), RegionListener.NONE).regions();
        CountResult resumed = run(new LpEngine.Options(1, stopped, CheckpointSink.NONE, Double.POSITIVE_INFINITY,
                LpEngine.LpSolver.AUTO), SearchMonitor.unlimited(), RegionListener.NONE);
        assertTrue(resumed.complete());
        assertEquals(full, resumed.regions());
    }
}
