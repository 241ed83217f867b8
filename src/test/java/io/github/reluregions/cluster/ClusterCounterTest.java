package io.github.reluregions.cluster;

import io.github.reluregions.query.Query;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.lp.CheckpointSink;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.lp.SearchState;
import io.github.reluregions.count.lp.SubtreeTask;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Embedded members on loopback (TCP-IP join, multicast off) count exactly what the local LP engine
 * counts: whole, stopped and resumed, and when a member dies in the middle of a slice.
 */
class ClusterCounterTest {
    /** Tens of thousands of regions in [-2, 2]^4: seconds for one thread, many slices of 0.3 s. */
    private static final Network NET = Nets.randomNet(new int[] {4, 16, 14}, 5);
    private static final InputDomain BOX = Box.cube(4, -2, 2);
    private static long localCount;
    private static ClusterMember first;
    private static ClusterMember second;

    @BeforeAll
    static void countLocallyAndStartTwoMembers() {
        CountResult local = new LpEngine().count(Query.of(NET, BOX));
        assertTrue(local.complete());
        localCount = local.regions();
        first = member(List.of());
        second = member(List.of(first.address()));
        awaitSize(second, 2);
    }

    @AfterAll
    static void stopMembers() {
        second.close();
        first.close();
    }

    /** Counts finished and failed slices by member. */
    private static class Recorder implements ClusterCounter.Events {
        final Map<String, Integer> finished = new ConcurrentHashMap<>();
        final Map<String, Integer> failed = new ConcurrentHashMap<>();

        @Override
        public void sliceFinished(String member, long regions, int open) {
            finished.merge(member, 1, Integer::sum);
        }

        @Override
        public void sliceFailed(String member, String reason, int subtrees) {
            failed.merge(member, 1, Integer::sum);
        }
    }

    @Test
    void twoMembersCountExactlyWhatTheLocalEngineCounts() {
        Recorder recorder = new Recorder();
        CountResult result = count(options(first).withEvents(recorder), SearchMonitor.unlimited());
        assertTrue(result.complete());
        assertEquals(StopReason.FINISHED, result.stopReason());
        assertEquals(localCount, result.regions());
        assertEquals(1.0, result.exploredFraction());
        assertTrue(recorder.finished.containsKey(first.address()) && recorder.finished.containsKey(second.address()),
                "both members should have searched: " + recorder.finished);
        assertTrue(recorder.failed.isEmpty(), recorder.failed.toString());
    }

    @Test
    void aCountStoppedMidwayResumesFromItsStateToTheExactCount() {
        List<SearchState> states = Collections.synchronizedList(new ArrayList<>());
        // Stopped as the first slice comes back with subtrees still open: work is left then, whatever the
        // machine's speed (a time limit, or a thread polling the regions, would race the count).
        SearchMonitor monitor = SearchMonitor.unlimited();
        ClusterCounter.Events stopAtFirstOpenSlice = new ClusterCounter.Events() {
            @Override
            public void sliceFinished(String member, long regions, int open) {
                if (open > 0) {
                    monitor.interrupt();
                }
            }

            @Override
            public void sliceFailed(String member, String reason, int subtrees) {
            }
        };
        CountResult partial = count(options(second).withCheckpoints(null, states::add, 0.2)
                .withEvents(stopAtFirstOpenSlice), monitor);
        assertFalse(partial.complete());
        assertEquals(StopReason.INTERRUPTED, partial.stopReason());
        SearchState stopped = states.get(states.size() - 1);
        assertEquals(partial.regions(), stopped.regions());
        assertFalse(stopped.open().isEmpty());
        assertTrue(stopped.regions() < localCount);
        double openWeight = stopped.open().stream().mapToDouble(SubtreeTask::weight).sum();
        assertEquals(1.0, stopped.exploredFraction() + openWeight, 1e-9);

        CountResult resumed = count(options(first).withCheckpoints(stopped, CheckpointSink.NONE, 60),
                SearchMonitor.unlimited());
        assertTrue(resumed.complete());
        assertEquals(localCount, resumed.regions());
    }

    @Test
    void aMemberKilledInTheMiddleOfASliceHasItSearchedAgainAndTheCountStaysExact() {
        ClusterMember third = member(List.of(first.address()));
        awaitSize(third, 3);
        Recorder recorder = new Recorder() {
            private int started;

            @Override
            public void sliceStarted(String member, int subtrees) {
                if (member.equals(third.address()) && ++started == 1) {
                    // Killed as its first slice goes out, before it can finish it however fast the machine (the
                    // count now ends within a second or two, so a member may never get a second slice).
                    third.terminate();
                }
            }
        };
        CountResult result = count(options(first).withEvents(recorder), SearchMonitor.unlimited());
        assertTrue(result.complete());
        assertEquals(localCount, result.regions());
        assertTrue(recorder.failed.containsKey(third.address()), "the killed member's slice should have failed: "
                + recorder.failed + ", finished " + recorder.finished);
    }

    @Test
    void noMemberAtTheAddressIsAClusterError() {
        ClusterCounter counter = new ClusterCounter(ClusterCounter.Options.of(List.of("127.0.0.1:" + freePort()))
                .withWaitSeconds(1));
        ClusterException error = assertThrows(ClusterException.class, () -> counter.count(Query.of(NET, BOX)));
        assertTrue(error.getMessage().startsWith("Cannot reach a relu-regions cluster at 127.0.0.1:"),
                error.getMessage());
        assertTrue(error.hint().startsWith("Maybe start a member there first: relu-regions serve"), error.hint());
    }

    private static ClusterCounter.Options options(ClusterMember contact) {
        return ClusterCounter.Options.of(List.of(contact.address())).withSliceSeconds(0.3);
    }

    private static CountResult count(ClusterCounter.Options options, SearchMonitor monitor) {
        return new ClusterCounter(options).count(new Query(NET, BOX, Tolerances.defaults()), monitor, RegionListener.NONE);
    }

    private static ClusterMember member(List<String> members) {
        return ClusterMember.start("127.0.0.1", freePort(), members, 1, event -> { });
    }

    private static void awaitSize(ClusterMember member, int size) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (member.clusterSize() < size) {
            assertTrue(System.nanoTime() < deadline, "the members did not form a cluster of " + size);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
