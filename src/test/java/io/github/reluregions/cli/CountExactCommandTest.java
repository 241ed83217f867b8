package io.github.reluregions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.ExitCode;
import io.github.reluregions.testing.Nets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CountExactCommandTest {
    static final String EXAMPLE = "testdata/example_2x8x8.json";

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * The report states the tolerances applied in input coordinates: the option's radius times the domain's
     * scale up to 1 (issue 16), beside the option's own value in stats.
     */
    @Test
    void theReportStatesTheAbsoluteTolerancesApplied() throws IOException {
        JsonNode wide = run("count", "exact", EXAMPLE, "--box=-2:2", "--tolerance=1e-6", "--json").json();
        assertEquals(1e-6, wide.get("tolerances").get("interiorRadius").asDouble());
        assertEquals(1.0, wide.get("tolerances").get("factor").asDouble());
        assertEquals(1e-6, wide.get("stats").get("tolerances").get("interiorRadius").asDouble());
        JsonNode small = run("count", "exact", EXAMPLE, "--box=-0.01:0.03", "--json").json();
        assertEquals(0.02, small.get("tolerances").get("factor").asDouble(), 1e-15);
        assertEquals(1e-7 * 0.02, small.get("tolerances").get("interiorRadius").asDouble(), 1e-22);
        assertEquals(1e-5 * 0.02, small.get("tolerances").get("thinRadius").asDouble(), 1e-20);
        assertEquals(1e-7, small.get("stats").get("tolerances").get("interiorRadius").asDouble());
        JsonNode probabilistic = run("count", "probabilistic", EXAMPLE, "--box=-0.01:0.03", "--seed=1", "--json").json();
        assertEquals(1e-7 * 0.02, probabilistic.get("tolerances").get("interiorRadius").asDouble(), 1e-22);
    }

    @Test
    void jsonReportIsOneObjectWithTheExactCountAsANumber() throws IOException {
        Run run = run("count", "exact", EXAMPLE, "--box=-2:2", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode report = run.json();
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("count exact", report.get("command").asText());
        assertTrue(report.get("regions").isIntegralNumber());
        assertEquals(97, report.get("regions").asLong());
        assertTrue(report.get("complete").asBoolean());
        assertEquals(2, report.get("network").get("inputDimension").asInt());
        assertEquals("[8,8]", report.get("network").get("hiddenWidths").toString());
        assertEquals("lp", report.get("engine").asText());
        assertTrue(report.get("stats").get("lpsSolved").asLong() > 0);
        assertEquals(1e-7, report.get("stats").get("tolerances").get("interiorRadius").asDouble());
    }

    @Test
    void humanReadableReportSaysExact() {
        Run run = run("count", "exact", EXAMPLE, "--box=-2:2");
        assertEquals(ExitCode.OK.code(), run.exitCode());
        assertTrue(run.out().contains("regions   97 (exact)"), run.out());
    }

    @Test
    void witnessesAreStreamedOnePerRegion() throws IOException {
        Path file = tmp.resolve("w.jsonl");
        Run run = run("count", "exact", EXAMPLE, "--box=-2:2", "--json", "--witnesses=" + file);
        assertEquals(ExitCode.OK.code(), run.exitCode());
        List<String> lines = Files.readAllLines(file);
        assertEquals(97, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(2, first.get("point").size());
        assertEquals(17, first.get("pattern").asText().length()); // 8 + '|' + 8
    }

    @Test
    void ballAndWholeSpaceDomainsAreReported() throws IOException {
        Run ball = run("count", "exact", EXAMPLE, "--center=0,0", "--radius=1", "--norm=l1", "--json");
        assertEquals(ExitCode.OK.code(), ball.exitCode(), ball.err());
        assertEquals("ball", ball.json().get("domain").get("type").asText());
        assertEquals("l1", ball.json().get("domain").get("norm").asText());
        Run whole = run("count", "exact", EXAMPLE, "--json");
        assertEquals(ExitCode.OK.code(), whole.exitCode(), whole.err());
        assertEquals("whole-space", whole.json().get("domain").get("type").asText());
        assertTrue(whole.json().get("regions").asLong() >= 97);
    }

    @Test
    void timeLimitGivesPartialReportAndItsExitCode() throws IOException {
        // Some 10^5 regions in the box: seconds of counting even on a fast machine, beyond the 0.5 s limit.
        Path net = Nets.writeJson(Nets.randomOneLayer(4, 60, 1), tmp.resolve("big.json"));
        Run run = run("count", "exact", net.toString(), "--box=-5:5", "--time-limit=0.5", "--json");
        assertEquals(ExitCode.LIMIT_REACHED.code(), run.exitCode(), run.err());
        assertFalse(run.json().get("complete").asBoolean());
        assertEquals("time-limit", run.json().get("stopReason").asText());
    }

    @Test
    void badInputsGetOneClearLineAndExitCode3() throws IOException {
        Path malformed = tmp.resolve("bad.json");
        Files.writeString(malformed, "{\"layers\": [ {\"weights\": [[1, 2]], \"biases\": [0] ");
        Path shapes = tmp.resolve("shapes.json");
        Files.writeString(shapes, "{\"layers\":[{\"weights\":[[1,2],[3,4]],\"biases\":[0,0]},"
                + "{\"weights\":[[1,2,3]],\"biases\":[0]}]}");
        Path property = tmp.resolve("p.vnnlib");
        Files.writeString(property, "(declare-const X_0 Real)");
        String[][] cases = {
            {"count", "exact", "no/such/file.json", "--box=-1:1"},
            {"count", "exact", malformed.toString()},
            {"count", "exact", shapes.toString()},
            {"count", "exact", property.toString()},
            {"count", "exact", EXAMPLE, "--box=2:-2"},
            {"count", "exact", EXAMPLE, "--box=-1:1,-1:1,-1:1"},
            {"count", "exact", EXAMPLE, "--center=0,0", "--radius=0"},
            {"count", "exact", EXAMPLE, "--center=0,0,0", "--radius=1"},
            {"count", "exact", EXAMPLE, "--box=a:b"},
        };
        for (String[] args : cases) {
            Run run = run(args);
            assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void badNumbersOptionsAndCheckpointsGetOneClearLineAndExitCode3() throws IOException {
        String twoLayers = "{\"layers\":[{\"weights\":[[%s, 1]],\"biases\":[0]},{\"weights\":[[1]],\"biases\":[0]}]}";
        Path nan = Files.writeString(tmp.resolve("nan.json"), twoLayers.formatted("NaN"));
        Path inf = Files.writeString(tmp.resolve("inf.json"), twoLayers.formatted("1e999"));
        Path text = Files.writeString(tmp.resolve("text.json"), twoLayers.formatted("\"a\""));
        Path linear = Files.writeString(tmp.resolve("linear.json"), "{\"layers\":[{\"weights\":[[1,1]],\"biases\":[0]}]}");
        Path notACheckpoint = Files.writeString(tmp.resolve("other.json"), "{}");
        Path checkpoint = tmp.resolve("run.json");
        assertEquals(ExitCode.OK.code(), run("count", "exact", EXAMPLE, "--box=-2:2", "--checkpoint=" + checkpoint).exitCode());
        String[][] cases = {
            {nan.toString()},
            {inf.toString()},
            {text.toString()},
            {linear.toString()},
            {tmp.toString()},
            {EXAMPLE, "--center=0,0", "--radius=-1"},
            {EXAMPLE, "--center=0,0", "--radius=NaN"},
            {EXAMPLE, "--center=0,0", "--radius=Infinity"},
            {EXAMPLE, "--tolerance=-1"},
            {EXAMPLE, "--threads=-2"},
            {EXAMPLE, "--checkpoint-interval=0", "--checkpoint=" + tmp.resolve("x.json")},
            {EXAMPLE, "--resume=" + notACheckpoint},
            {EXAMPLE, "--resume=" + tmp.resolve("missing.json")},
            {EXAMPLE, "--box=-1:1", "--resume=" + checkpoint},
            {EXAMPLE, "--box=-2:2", "--engine=lp", "--tolerance=1e-6", "--resume=" + checkpoint},
        };
        String[] expected = {
            "is \"NaN\"; every weight and bias must be finite",
            "is \"Infinity\"; every weight and bias must be finite",
            "is \"a\", not a number",
            "needs at least one hidden layer",
            "cannot be read",
            "radius is -1.0; it must be positive and finite",
            "radius is NaN; it must be positive and finite",
            "radius is Infinity; it must be positive and finite",
            "The tolerance (interior radius) is -1.0",
            "--threads is -2; it must be positive",
            "--checkpoint-interval is 0.0",
            "is not a relu-regions checkpoint",
            "missing.json does not exist",
            "was made for another network, domain or tolerance",
            "was made for another network, domain or tolerance",
        };
        for (int c = 0; c < cases.length; c++) {
            String[] args = new String[cases[c].length + 2];
            args[0] = "count";
            args[1] = "exact";
            System.arraycopy(cases[c], 0, args, 2, cases[c].length);
            Run run = run(args);
            assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(expected[c]),
                    String.join(" ", args) + " -> " + run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aNativeLibraryThatFailsToLoadGetsOneLineAndExitCode5() throws Exception {
        // OR-Tools unpacks its native library into java.io.tmpdir; a missing directory makes loading fail.
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaCommand, "-Djava.io.tmpdir=" + tmp.resolve("missing-dir"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "count", "exact", EXAMPLE, "--center=0,0",
                "--radius=1", "--norm=l1") // an L1 ball: GLOP from the start (boxes and L2 balls run on Java LPs)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCode.NATIVE_LIBRARY.code(), child.exitValue(), output);
        assertTrue(output.startsWith("error: OR-Tools' native library failed to load"), output);
        assertTrue(output.contains("native-setup/check"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void usageErrorsExitWith2AndHelpListsExitCodes() {
        assertEquals(ExitCode.USAGE.code(), run("count", "exact").exitCode());
        String[][] wrongCommandLines = {
            {EXAMPLE, "--engine=nope"},
            {EXAMPLE, "--center=0,0", "--radius=1", "--norm=l7"},
            {EXAMPLE, "--box=-1:1", "--center=0,0", "--radius=1"},
            {EXAMPLE, "--center=0,0"},
            {EXAMPLE, "--norm=l1"},
            {EXAMPLE, "--engin=milp"},
            {EXAMPLE, "--vnnlib=p.vnnlib", "--box=-1:1"},
        };
        String[] expected = {"Invalid value for option '--engine'", "'l7' is not a norm",
            "are mutually exclusive", "Missing required argument(s): --radius", "Missing required argument(s): --center",
            "Possible solutions: --engine", "are mutually exclusive"};
        for (int c = 0; c < wrongCommandLines.length; c++) {
            List<String> args = new ArrayList<>(List.of("count", "exact"));
            args.addAll(List.of(wrongCommandLines[c]));
            Run run = run(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE.code(), run.exitCode(), args + " -> " + run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(expected[c]), args + " -> " + run.err());
            assertTrue(run.err().contains("Maybe see 'relu-regions count exact --help'"), run.err());
            assertFalse(run.err().contains("Usage:"), "an error line, not the whole usage: " + run.err());
            assertEquals("", run.out());
        }
        Run help = run("count", "exact", "--help");
        assertEquals(ExitCode.OK.code(), help.exitCode());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("130"), help.out());
    }
}
