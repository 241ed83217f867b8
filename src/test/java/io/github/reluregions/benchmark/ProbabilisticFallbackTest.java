package io.github.reluregions.benchmark;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A network whose exact count hits the time limit gets count probabilistic's lower bound, marked as such. */
class ProbabilisticFallbackTest {

    @Test
    void anUnfinishedExactCountIsFollowedByTheProbabilisticLowerBound() {
        // 42 hyperplanes in general position in R^5: 974,982 regions, far more than 8 s of exact counting
        // (block-diagonal tent-map grids are too easy: the LP engine counts 2^20 of their regions in 2 s).
        Network net = Nets.randomOneLayer(5, 42, 1);
        long truth = Nets.generalPositionCount(42, 5);
        BenchmarkCase gp = new BenchmarkCase("general position", "closed-form", "test", net, WholeSpace.of(5), truth);
        TightnessBenchmark benchmark = new TightnessBenchmark(List.of(new ExactLpCount(1), new ProbabilisticLpCount()),
                8);
        TightnessResult result = benchmark.run(gp);
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
