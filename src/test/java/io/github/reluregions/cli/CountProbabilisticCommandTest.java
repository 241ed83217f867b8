package io.github.reluregions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.reluregions.ExitCode;
import io.github.reluregions.cli.CountExactCommandTest.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountProbabilisticCommandTest {
    static final String EXAMPLE = CountExactCommandTest.EXAMPLE; // 97 regions in [-2, 2]^2

    static Run run(String... args) {
        return CountExactCommandTest.run(args);
    }

    @Test
    void jsonReportHasEveryField() throws IOException {
        Run run = run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--method=both", "--seed=9", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode report = run.json();
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("count probabilistic", report.get("command").asText());
        assertEquals("lp", report.get("engine").asText());
        assertEquals("both", report.get("method").asText());
        assertTrue(report.get("lowerBound").isIntegralNumber());
        assertTrue(report.get("lowerBound").asLong() <= 97, report.toString());
        assertTrue(report.get("estimate").isIntegralNumber());
        assertEquals(0.95, report.get("confidence").asDouble());
        assertEquals(0.8, report.get("epsilon").asDouble());
        assertTrue(report.get("xors").asInt() > 0);
        assertTrue(report.get("trials").asInt() > 0);
        assertEquals(33, report.get("measurements").asInt());
        assertTrue(report.get("solverCalls").asLong() > 0);
        assertEquals(9, report.get("seed").asLong());
        assertTrue(report.get("seconds").asDouble() > 0);
        assertEquals("finished", report.get("stopReason").asText());
        assertFalse(report.get("exact").asBoolean());
        assertTrue(report.get("bounds").size() > 0);
        assertEquals(2, report.get("network").get("inputDimension").asInt());
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws IOException {
        JsonNode a = run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--method=both", "--seed=3", "--json").json();
        JsonNode b = run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--method=both", "--seed=3", "--json").json();
        assertEquals(a.get("lowerBound"), b.get("lowerBound"));
        assertEquals(a.get("estimate"), b.get("estimate"));
        assertEquals(a.get("lowerBoundDetails").get("levels"), b.get("lowerBoundDetails").get("levels"));
        assertEquals(a.get("estimateDetails").get("cellRegions"), b.get("estimateDetails").get("cellRegions"));
    }

    @Test
    void aSmallNetworkIsCountedExactly() throws IOException {
        Run run = run("count", "probabilistic", "testdata/integer_2x6x4.json", "--box=-1:1", "--method=both", "--seed=1");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("(exact"), run.out());
    }

    static void assertOneLineError(Run run, String expected) {
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertTrue(run.err().contains("Maybe"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void confidenceOutsideTheOpenUnitIntervalIsAnInputError() {
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--confidence=1"),
                "The confidence is 1.0");
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--confidence=0"),
                "The confidence is 0.0");
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--confidence=1.5"),
                "must lie strictly between 0 and 1");
    }

    @Test
    void epsilonMustBePositive() {
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--epsilon=0"), "The epsilon is 0.0");
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--epsilon=-1"), "must be positive");
    }

    @Test
    void xorSizeMustBeAtLeastOne() {
        assertOneLineError(run("count", "probabilistic", EXAMPLE, "--box=-2:2", "--xor-size=0"), "The XOR size is 0");
    }

    @Test
    void unknownEngineOrHashAndBothXorChoicesAreUsageErrors() {
        String[][] cases = {{"--engine=gurobi"}, {"--hash=sparse"}, {"--hash=dense", "--xor-size=3"}};
        String[] expected = {"expected one of [LP, MILP, CPSAT]", "expected one of [STAIRCASE, DENSE]",
            "--hash=FAMILY, --xor-size=K are mutually exclusive"};
        for (int c = 0; c < cases.length; c++) {
            List<String> args = new ArrayList<>(List.of("count", "probabilistic", EXAMPLE, "--box=-2:2"));
            args.addAll(List.of(cases[c]));
            Run run = run(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(expected[c]), run.err());
            assertTrue(run.err().contains("Maybe see 'relu-regions count probabilistic --help'"), run.err());
        }
    }

    @Test
    void milpNeedsABoundedDomain() {
        Run run = run("count", "probabilistic", EXAMPLE, "--engine=milp");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err() + run.out());
    }
}
