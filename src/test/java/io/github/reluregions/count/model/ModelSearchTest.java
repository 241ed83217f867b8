package io.github.reluregions.count.model;

import io.github.reluregions.compile.CompiledModel;
import io.github.reluregions.compile.CpSatModel;
import io.github.reluregions.compile.MilpModel;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Box;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.solver.SolveLimit;
import io.github.reluregions.testing.Nets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enumeration over a compiled model: limits, fixings and parity constraints, as a probabilistic counter would use them. */
class ModelSearchTest {
    static final Network NET = Nets.randomNet(new int[] {2, 6, 4}, 61);
    static final Box BOX = Box.cube(2, -2, 2);
    static final double TAU = Tolerances.DEFAULT_INTERIOR_RADIUS;

    static CountResult enumerate(CompiledModel model, int[] fixing, long limit, Set<String> patterns) {
        return ModelSearch.enumerate(model, Tolerances.defaults(), fixing, limit, SearchMonitor.unlimited(),
                (index, witness, radius, pattern) -> {
                    StringBuilder bits = new StringBuilder();
                    for (boolean b : pattern) {
                        bits.append(b ? '1' : '0');
                    }
                    assertTrue(patterns.add(bits.toString()), "a pattern counted twice");
                });
    }

    @Test
    void aRegionLimitStopsWithALowerBound() {
        long total = new LpEngine().count(Query.of(NET, BOX)).regions();
        try (CompiledModel model = MilpModel.compile(NET, BOX, TAU, SolveLimit.NONE)) {
            CountResult partial = enumerate(model, null, 5, new HashSet<>());
            assertEquals(5, partial.regions());
            assertEquals(StopReason.REGION_LIMIT, partial.stopReason());
            assertFalse(partial.complete());
            assertTrue(partial.exploredFraction() < 1);
            assertTrue(total > 5);
        }
    }

    @Test
    void fixingsAndParitiesPartitionTheRegions() {
        Set<String> all = new HashSet<>();
        long total;
        try (CompiledModel model = CpSatModel.compile(NET, BOX, TAU)) {
            total = enumerate(model, null, Long.MAX_VALUE, all).regions();
        }
        assertEquals(new LpEngine().count(Query.of(NET, BOX)).regions(), total);
        // Fixing binary 0 either way splits the regions in two.
        Set<String> split = new HashSet<>();
        long sum = 0;
        for (int value = 0; value <= 1; value++) {
            try (CompiledModel model = MilpModel.compile(NET, BOX, TAU, SolveLimit.NONE)) {
                int[] fixing = new int[model.binaries().size()];
                Arrays.fill(fixing, CompiledModel.FREE);
                fixing[0] = value;
                CountResult part = enumerate(model, fixing, Long.MAX_VALUE, split);
                assertTrue(part.complete());
                sum += part.regions();
            }
        }
        assertEquals(total, sum);
        assertEquals(all, split);
        // A random parity constraint over the binaries splits them too (the cells of a hashing counter).
        Set<String> byParity = new HashSet<>();
        long paritySum = 0;
        for (boolean odd : new boolean[] {false, true}) {
            try (CompiledModel model = MilpModel.compile(NET, BOX, TAU, SolveLimit.NONE)) {
                int[] subset = {0, 2, 3, model.binaries().size() - 1};
                model.addParity(subset, odd);
                Set<String> cell = new HashSet<>();
                paritySum += enumerate(model, null, Long.MAX_VALUE, cell).regions();
                for (String bits : cell) {
                    int ones = 0;
                    for (int k : subset) {
                        ones += bits.charAt(model.binaries().get(k).global()) == '1' ? 1 : 0;
                    }
                    assertEquals(odd, ones % 2 == 1, bits);
                }
                byParity.addAll(cell);
            }
        }
        assertEquals(total, paritySum);
        assertEquals(all, byParity);
    }

    @Test
    void anInterruptedOrTimedOutSearchSaysSo() {
        Network big = Nets.randomOneLayer(3, 25, 4);
        Box box = Box.cube(3, -3, 3);
        SearchMonitor interrupted = SearchMonitor.unlimited();
        interrupted.interrupt();
        CountResult stopped = new MilpEngine().count(new Query(big, box, Tolerances.defaults()), interrupted, RegionListener.NONE);
        assertEquals(StopReason.INTERRUPTED, stopped.stopReason());
        assertFalse(stopped.complete());
        // A deadline already past, and an interrupt in the middle (after 5 regions), whatever the machine's speed.
        CountResult timed = new MilpEngine().count(new Query(big, box, Tolerances.defaults()), SearchMonitor.withTimeLimit(1e-9), RegionListener.NONE);
        assertEquals(StopReason.TIME_LIMIT, timed.stopReason());
        assertFalse(timed.complete());
        SearchMonitor midway = SearchMonitor.unlimited();
        CountResult cut = new CpSatEngine().count(new Query(big, box, Tolerances.defaults()), midway, (index, witness, radius, pattern) -> {
                    if (index + 1 >= 5) {
                        midway.interrupt();
                    }
                });
        assertEquals(StopReason.INTERRUPTED, cut.stopReason());
        assertFalse(cut.complete());
        assertTrue(cut.regions() >= 5 && cut.regions() < new LpEngine().count(Query.of(big, box)).regions(), "" + cut.regions());
    }

    @Test
    void theIntegerTestNetworkIsCountedExactlyByCpSat() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "integer_2x6x4.json"));
        Box box = Box.cube(2, -3, 3);
        CountResult cpsat = new CpSatEngine().count(Query.of(net, box));
        assertTrue(cpsat.complete());
        assertEquals("exact", cpsat.stats().model().arithmetic());
        assertEquals(0.0, cpsat.stats().model().relaxation());
        assertEquals(new LpEngine().count(Query.of(net, box)).regions(), cpsat.regions());
        assertEquals(new MilpEngine().count(Query.of(net, box)).regions(), cpsat.regions());
    }
}
