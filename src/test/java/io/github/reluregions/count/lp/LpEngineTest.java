package io.github.reluregions.count.lp;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.ExactCounterContractTest;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.domain.Box;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;
import io.github.reluregions.testing.StepClock;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LpEngineTest extends ExactCounterContractTest {

    @Override
    protected ExactCounter createCounter() {
        return new LpEngine();
    }

    @Test
    void aTimeLimitGivesAnIncompleteLowerBound() {
        // Some 10^5 regions in the box; the deadline is 200 readings of a clock that advances 1 ms per reading,
        // so the count stops after the same checks on any machine, and twice the same partial count.
        Network net = Nets.randomOneLayer(4, 60, 5);
        Query query = new Query(net, Box.cube(4, -5, 5), Tolerances.defaults());
        StepClock clock = StepClock.millisecondPerReading();
        CountResult partial = new LpEngine().count(query, SearchMonitor.withTimeLimit(0.2, clock), RegionListener.NONE);
        assertFalse(partial.complete());
        assertEquals(StopReason.TIME_LIMIT, partial.stopReason());
        assertTrue(partial.regions() > 0 && partial.regions() < Nets.generalPositionCount(60, 4), "" + partial.regions());
        assertTrue(partial.exploredFraction() < 1.0);
        assertTrue(clock.readings() > 200, "the deadline was read " + clock.readings() + " times");
        CountResult again = new LpEngine().count(query, SearchMonitor.withTimeLimit(0.2,
                StepClock.millisecondPerReading()), RegionListener.NONE);
        assertEquals(partial.regions(), again.regions());
        assertEquals(partial.stats().lpsSolved(), again.stats().lpsSolved());
    }

    @Test
    void anInterruptStopsTheSearchWithAPartialCount() {
        Network net = Nets.randomOneLayer(4, 40, 5);
        SearchMonitor monitor = SearchMonitor.unlimited();
        monitor.interrupt();
        CountResult partial = new LpEngine().count(new Query(net, Box.cube(4, -5, 5), Tolerances.defaults()), monitor, RegionListener.NONE);
        assertEquals(StopReason.INTERRUPTED, partial.stopReason());
        assertFalse(partial.complete());
    }

    @Test
    void neuronsStableOverTheDomainCostNoLp() {
        // Every hyperplane of this net misses the small box: one region, found without branching.
        Network net = Nets.randomOneLayer(3, 10, 8);
        CountResult result = new LpEngine().count(Query.of(net, Box.cube(3, 40, 40.001)));
        assertEquals(1, result.regions());
        assertEquals(10, result.stats().stableByDomain());
        assertEquals(1, result.stats().lpsSolved());
    }

    @Test
    void thinRegionsAreCountedAndListed() {
        // Two parallel lines 1e-6 apart make a slab region of inscribed radius 5e-7: above the 1e-7
        // tolerance (counted), below the 1e-5 thin threshold (listed).
        Network net = Network.of(java.util.List.of(
                io.github.reluregions.model.Layer.of(new double[][] {{1, 0}, {1, 0}}, new double[] {0, -1e-6}),
                io.github.reluregions.model.Layer.of(new double[][] {{1, 1}}, new double[] {0})));
        CountResult result = new LpEngine().count(Query.of(net, Box.cube(2, -1, 1)));
        assertEquals(3, result.regions());
        assertEquals(1, result.stats().thinRegions());
        assertEquals(5e-7, result.stats().thinExamples().get(0).radius(), 1e-9);
        CountResult strict = new LpEngine().count(new Query(net, Box.cube(2, -1, 1), Tolerances.defaults().withInteriorRadius(1e-6)), SearchMonitor.unlimited(), RegionListener.NONE);
        assertEquals(2, strict.regions());
        assertEquals(1, strict.stats().nearDegenerateDropped());
    }

    @Test
    void aTinyDomainWithTheNetworkScaledToMatchKeepsTheCount() {
        for (int seed = 0; seed < 4; seed++) {
            Network net = Nets.randomNet(new int[] {2, 6, 5}, 3000 + seed);
            long expected = new LpEngine().count(Query.of(net, Box.cube(2, -1, 1))).regions();
            double[] center = {0.3, -0.7};
            double h = 1e-6;
            // tiny(x) = net((x - center) / h): the same partition shrunk into the box center +- h.
            io.github.reluregions.model.Layer first = net.hiddenLayer(0);
            double[][] w = first.weights();
            double[] b = first.biases();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < 2; j++) {
                    b[i] -= w[i][j] * center[j] / h;
                    w[i][j] /= h;
                }
            }
            java.util.List<io.github.reluregions.model.Layer> layers = new java.util.ArrayList<>(net.layers());
            layers.set(0, io.github.reluregions.model.Layer.of(w, b));
            Network tiny = Network.of(layers);
            Box tinyBox = Box.of(new double[] {center[0] - h, center[1] - h}, new double[] {center[0] + h, center[1] + h});
            java.util.List<double[]> witnesses = new java.util.ArrayList<>();
            CountResult result = new LpEngine().count(new Query(tiny, tinyBox, Tolerances.defaults()), SearchMonitor.unlimited(), (index, witness, radius, pattern) -> witnesses.add(witness.clone()));
            assertTrue(result.complete());
            assertEquals(expected, result.regions(), "seed " + seed);
            for (double[] x : witnesses) {
                assertTrue(tinyBox.interiorMargin(x) > 0, "witness mapped back into the tiny box");
            }
        }
    }

    @Test
    void aHugeBoxGivesTheClosedFormCount() {
        Network net = Nets.randomOneLayer(3, 9, 17);
        assertEquals(Nets.generalPositionCount(9, 3), new LpEngine().count(Query.of(net, Box.cube(3, -1e6, 1e6))).regions());
    }
}
