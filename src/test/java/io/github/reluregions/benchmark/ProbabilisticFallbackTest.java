package io.github.reluregions.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.domain.Box;
import io.github.reluregions.network.Network;
import io.github.reluregions.testing.Nets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A network whose exact count hits the time limit gets count probabilistic's lower bound, marked as such. */
class ProbabilisticFallbackTest {

    @Test
    void anUnfinishedExactCountIsFollowedByTheProbabilisticLowerBound() {
        Network tent = Nets.tentMap(5);
        Network pair = Nets.blockDiagonal(tent, tent);
        Network grid = Nets.blockDiagonal(pair, pair); // (2^5)^4 = 1048576 regions in [0, 1]^4
        long truth = 1L << 20;
        BenchmarkCase grid4 = new BenchmarkCase("tent grid", "closed-form", "test", grid, Box.cube(4, 0, 1), truth);
        TightnessBenchmark benchmark = new TightnessBenchmark(List.of(new ExactLpCount(1), new ProbabilisticLpCount()),
                5);
        TightnessResult result = benchmark.run(grid4);
        RegionCount.Outcome count = result.count();
        assertEquals("probabilistic-lp", count.method());
        assertFalse(count.complete());
        assertTrue(count.regions() <= truth, count.toString());
        assertTrue(count.regions() > 0, count.toString());
        assertTrue(count.confidence() == null || count.confidence() == 0.95, count.toString());
        assertTrue(result.agreesWithKnownCount());

        String csv = TightnessOutputs.csv(List.of(result));
        assertTrue(csv.startsWith(String.join(",", TightnessOutputs.CSV_COLUMNS)), csv);
        assertTrue(csv.contains("probabilistic-lp"), csv);
        String markdown = TightnessOutputs.markdown(List.of(result));
        assertTrue(markdown.contains(">= " + count.regions()), markdown);
        if (count.confidence() != null) {
            assertTrue(markdown.contains("(probability 0.95"), markdown);
        }
    }
}
