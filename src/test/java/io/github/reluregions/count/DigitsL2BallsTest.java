package io.github.reluregions.count;

import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.count.model.MilpEngine;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.HighDimReference;
import io.github.reluregions.testing.WitnessAudit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digits MLP (64 inputs, 16 + 16 hidden) in the two L2 balls of ../shared/reference/high-dim.json
 * (8 regions each, from an independent SOCP enumeration), by lp and milp: complete, 8 regions, every
 * witness re-verified, and in the first ball exactly the 8 patterns the issue lists. Under "long": every
 * case of high-dim.json (central arrangements in 8, 64 and 784 dimensions, the cut MNIST net) by lp.
 */
class DigitsL2BallsTest {
    static final double GUARD_SECONDS = 120;

    /** The 8 regions of the first ball, layer 1 | layer 2, as the issue lists them. */
    static final List<String> FIRST_BALL_PATTERNS = List.of(
            "0111111110111111|0111111111010111", "0111111110111111|1111111111010111",
            "0111111111111111|0111111111010111", "0111111111111111|1111111111010111",
            "1111111110111111|0111111111010111", "1111111110111111|1111111111010111",
            "1111111111111111|0111111111010111", "1111111111111111|1111111111010111");

    static Stream<Arguments> digitsBalls() {
        return Stream.of("lp", "milp").flatMap(engine -> Stream.of(Arguments.of(engine, 0), Arguments.of(engine, 1)));
    }

    static ExactCounter engine(String name) {
        return name.equals("lp") ? new LpEngine() : new MilpEngine();
    }

    @ParameterizedTest(name = "{0}, ball #{1}")
    @MethodSource("digitsBalls")
    void digitsL2BallHasItsEightReferenceRegions(String engine, int index) {
        HighDimReference.Case c = referenceCase(index);
        assertTrue(c.network().equals("digits_mlp.json") && c.regions() == 8, c.toString());
        Network net = JsonNetworkReader.read(c.networkFile());
        WitnessAudit.Outcome outcome = WitnessAudit.count(engine(engine), net, c.domain(), GUARD_SECONDS);
        Set<String> missing = new TreeSet<>(index == 0 ? FIRST_BALL_PATTERNS : List.of());
        missing.removeAll(outcome.audit().patterns());
        assertAll(
                () -> assertTrue(missing.isEmpty(), engine + ": the issue's patterns not found: " + missing
                        + " (found " + new TreeSet<>(outcome.audit().patterns()) + ")"),
                () -> outcome.assertExact(c.regions(), 20000, 11 + index, engine + " " + c));
    }

    @Test
    void theIssuesPatternsAreThoseOfRandomPointsOfTheFirstBall() {
        // Independent of every engine: the listed patterns are real (points of the ball take them) and the
        // sampler sees at least most of them, so a count of 8 is not vacuous.
        HighDimReference.Case c = referenceCase(0);
        Network net = JsonNetworkReader.read(c.networkFile());
        WitnessAudit none = new WitnessAudit(net, c.domain());
        Set<String> sampled = none.missedSamples(20000, 2000, 3);
        assertTrue(sampled.size() >= 4 && FIRST_BALL_PATTERNS.containsAll(sampled), "sampled " + sampled);
    }

    static Stream<HighDimReference.Case> allCases() {
        List<HighDimReference.Case> cases = HighDimReference.cases();
        return cases.isEmpty() ? Stream.of((HighDimReference.Case) null) : cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    @Tag("long")
    void lpReproducesEveryHighDimensionalReferenceCount(HighDimReference.Case c) {
        Assumptions.assumeTrue(c != null, "../shared/reference is not beside the project");
        Network net = JsonNetworkReader.read(c.networkFile());
        WitnessAudit.count(new LpEngine(), net, c.domain(), 1800).assertExact(c.regions(), 5000, c.index(),
                c.toString());
    }

    private static HighDimReference.Case referenceCase(int index) {
        Assumptions.assumeTrue(HighDimReference.present(), "../shared/reference is not beside the project");
        return HighDimReference.cases().get(index);
    }
}
