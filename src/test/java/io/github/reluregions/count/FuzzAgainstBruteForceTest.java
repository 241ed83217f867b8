package io.github.reluregions.count;

import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.DegenerateNets;
import io.github.reluregions.testing.PatternEnumerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every exact engine against brute force (a fresh LP for every one of the 2^N patterns) on tiny random
 * networks with degenerate rows mixed in, with fixed seeds: a few hundred cases in the default suite,
 * thousands in the long run ({@code mvn -Plong test}).
 */
class FuzzAgainstBruteForceTest {
    private static final List<Supplier<ExactCounter>> ENGINES = List.of(
            LpEngine::new,
            () -> new LpEngine(LpEngine.Options.defaults().withLpSolver(LpEngine.LpSolver.GLOP)),
            () -> new LpEngine(LpEngine.Options.defaults().withThreads(2)));

    @Test
    void everyEngineAgreesWithBruteForceOnTinyDegenerateNets() {
        checkSeeds(0, 300, 7);
    }

    @Test
    @Tag("long")
    void everyEngineAgreesWithBruteForceOnThousandsOfTinyDegenerateNets() {
        checkSeeds(1_000, 4_000, 10);
    }

    private static void checkSeeds(long from, long to, int maxNeurons) {
        List<String> failures = new ArrayList<>();
        long manyRegions = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (long seed = from; seed < to; seed++) {
            DegenerateNets.Case c = DegenerateNets.of(seed, maxNeurons);
            long truth = PatternEnumerator.count(c.network(), c.domain(), Tolerances.DEFAULT_INTERIOR_RADIUS);
            manyRegions += truth >= 4 ? 1 : 0;
            for (String kind : new String[] {"duplicate", "negated", "zero row", "parallel", "integer", "box", "L1",
                    "LINF", "R^d"}) {
                if (c.description().contains(kind)) {
                    kinds.merge(kind, 1, Integer::sum);
                }
            }
            for (int e = 0; e < ENGINES.size(); e++) {
                CountResult result = ENGINES.get(e).get().count(Query.of(c.network(), c.domain()));
                if (!result.complete() || result.regions() != truth) {
                    failures.add("seed " + seed + " engine " + e + " (" + c.description() + "): brute force "
                            + truth + ", engine " + result.regions() + (result.complete() ? "" : " incomplete"));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " disagreements:\n" + String.join("\n", failures));
        // The cases must be worth checking: mostly several regions, and every kind of degeneracy present.
        long cases = to - from;
        assertTrue(manyRegions > cases / 2, "only " + manyRegions + " of " + cases + " cases have 4+ regions");
        assertTrue(kinds.size() == 9 && kinds.values().stream().allMatch(n -> n >= cases / 20),
                "degeneracies too rare: " + kinds);
    }
}
