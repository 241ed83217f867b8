package io.github.reluregions.probabilistic.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParityPropagationTest {

    /**
     * Against brute force over every completion: the propagation says "inconsistent" exactly when no
     * completion satisfies the system, and implies a position exactly when all completions agree on it.
     */
    @Test
    void findsExactlyTheConsequencesOfTheDecidedPositions() {
        Random random = new Random(3);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(10);
            int rows = random.nextInt(n + 2);
            ParitySystem system = ParityCellSearchTest.randomSystem(n, rows, 0.2 + 0.6 * random.nextDouble(), random);
            long[] decided = new long[1];
            long[] on = new long[1];
            for (int p = 0; p < n; p++) {
                if (random.nextInt(3) == 0) {
                    decided[0] |= 1L << p;
                    if (random.nextBoolean()) {
                        on[0] |= 1L << p;
                    }
                }
            }
            // Brute force: every completion of the decided positions.
            int completions = 0;
            Map<Integer, Boolean> agreed = new HashMap<>();
            boolean[] disagreed = new boolean[n];
            for (int mask = 0; mask < (1 << n); mask++) {
                if ((mask & decided[0]) != on[0]) {
                    continue;
                }
                boolean[] pattern = new boolean[n];
                for (int p = 0; p < n; p++) {
                    pattern[p] = (mask >> p & 1) == 1;
                }
                if (!system.isSatisfiedBy(pattern)) {
                    continue;
                }
                completions++;
                for (int p = 0; p < n; p++) {
                    if ((decided[0] >> p & 1) == 0) {
                        Boolean before = agreed.putIfAbsent(p, pattern[p]);
                        if (before != null && before != pattern[p]) {
                            disagreed[p] = true;
                        }
                    }
                }
            }
            ParityPropagation propagation = new ParityPropagation(system);
            boolean consistent = !system.isInconsistent() && propagation.propagate(decided, on);
            assertEquals(completions > 0, consistent, "trial " + trial);
            if (consistent) {
                Map<Integer, Boolean> forced = new HashMap<>();
                for (int k = 0; k < propagation.forcedCount(); k++) {
                    forced.put(propagation.forcedPosition(k), propagation.forcedOn(k));
                }
                Map<Integer, Boolean> expected = new HashMap<>();
                agreed.forEach((p, value) -> {
                    if (!disagreed[p]) {
                        expected.put(p, value);
                    }
                });
                assertEquals(expected, forced, "trial " + trial);
            }
        }
    }
}
