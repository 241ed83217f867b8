package io.github.reluregions.probabilistic.search;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParitySearchTest {

    /** Every region's pattern, from the LP engine. */
    static List<boolean[]> patterns(Network net, InputDomain domain) {
        List<boolean[]> patterns = new ArrayList<>();
        CountResult result = new LpEngine().count(new Query(net, domain, Tolerances.defaults()), SearchMonitor.unlimited(), (index, witness, radius, pattern) -> patterns.add(pattern.clone()));
        assertTrue(result.complete());
        return patterns;
    }


    @Test
    void countsExactlyTheRegionsWhosePatternsSatisfyTheSystem() {
        Random random = new Random(11);
        Network[] nets = {Nets.randomNet(new int[] {2, 6, 5}, 3), Nets.tentMap(4), Nets.randomOneLayer(3, 9, 4)};
        InputDomain[] domains = {Box.cube(2, -2, 2), Box.cube(1, 0, 1), WholeSpace.of(3)};
        for (int i = 0; i < nets.length; i++) {
            List<boolean[]> all = patterns(nets[i], domains[i]);
            int n = nets[i].hiddenNeuronCount();
            for (int rows = 0; rows <= 4; rows++) {
                ParitySystem system = ParityCellSearchTest.randomSystem(n, rows, 0.5, random);
                long expected = all.stream().filter(system::isSatisfiedBy).count();
                CountResult result = ParitySearch.count(new Query(nets[i], domains[i], Tolerances.defaults()), system, Long.MAX_VALUE, SearchMonitor.unlimited());
                assertTrue(result.complete());
                assertEquals(expected, result.regions(), "net " + i + ", " + rows + " rows");
            }
        }
    }


    @Test
    void withoutRowsItCountsLikeTheLpEngine() {
        Network net = Nets.randomNet(new int[] {3, 6, 6}, 9);
        InputDomain box = Box.cube(3, -1, 1);
        CountResult result = ParitySearch.count(new Query(net, box, Tolerances.defaults()), ParitySystem.none(12), Long.MAX_VALUE, SearchMonitor.unlimited());
        assertEquals(new LpEngine().count(Query.of(net, box)).regions(), result.regions());
    }

    @Test
    void aPopulationAsLargeAsTheTreeCountsItsLevelsExactly() {
        // The tent map has 2^L regions on [0, 1]; the profile starts at one node and ends near 2^L.
        Network net = Nets.tentMap(5);
        PrefixProfile profile = PrefixProfile.sample(new Query(net, Box.cube(1, 0, 1), Tolerances.defaults()), 64, new SplittableRandom(1), SearchMonitor.unlimited());
        assertEquals(0.0, profile.log2Nodes(0));
        assertEquals(10, profile.depth());
        // No level has more than 32 prefixes: nothing is sampled away, so the estimate is exact.
        assertEquals(5.0, profile.log2Nodes(10), 1e-9);
        assertTrue(profile.lpsSolved() > 0);
    }
}
