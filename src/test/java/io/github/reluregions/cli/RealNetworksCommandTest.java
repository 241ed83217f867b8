package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.cli.CountExactCommandTest.Run;
import io.github.reluregions.io.NetworkReaders;
import io.github.reluregions.io.onnx.TestModel;
import io.github.reluregions.io.vnnlib.VnnLibReader;
import io.github.reluregions.testing.PatternEnumerator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.reluregions.cli.CountExactCommandTest.run;
import static io.github.reluregions.io.onnx.TestModel.in;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ONNX and NNet networks and VNN-LIB domains through the command line. */
class RealNetworksCommandTest {
    static final Path TINY = Path.of("..", "shared", "models", "tiny");
    static final String EXAMPLE = CountExactCommandTest.EXAMPLE;

    @TempDir
    Path tmp;

    @Test
    void tinyOnnxModelsAreCountedInTheirVnnlibBoxAsBruteForceCounts() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TINY), "../shared/models is not beside the project");
        for (String name : new String[] {"test_nano", "test_tiny", "test_small"}) {
            Path model = TINY.resolve(name + ".onnx");
            Path property = TINY.resolve(name + ".vnnlib");
            Run run = run("count", "exact", model.toString(), "--vnnlib=" + property, "--json");
            assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
            assertTrue(run.err().contains("note: " + property + ": 1 assertion(s) on the outputs Y_i ignored"), run.err());
            long expected = PatternEnumerator.count(NetworkReaders.read(model, null),
                    VnnLibReader.read(property).inputBox(), 1e-7);
            assertEquals(expected, run.json().get("regions").asLong(), name);
            assertTrue(run.json().get("complete").asBoolean());
        }
    }

    @Test
    void aVnnlibBoxWithEqualHalfWidthsIsReportedAsAnLinfBall() throws IOException {
        Path property = tmp.resolve("ball.vnnlib");
        Files.writeString(property, "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(declare-const Y_0 Real)\n"
                + "(assert (<= X_0 0.6))\n(assert (>= X_0 0.4))\n(assert (<= X_1 -0.15))\n(assert (>= X_1 -0.35))\n"
                + "(assert (<= Y_0 0))\n");
        Run run = run("count", "exact", EXAMPLE, "--vnnlib=" + property, "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode domain = run.json().get("domain");
        assertEquals("box", domain.get("type").asText());
        assertEquals("linf", domain.get("norm").asText());
        assertEquals(0.1, domain.get("radius").asDouble(), 1e-12);
        assertEquals(0.5, domain.get("center").get(0).asDouble(), 1e-12);
        assertEquals(-0.25, domain.get("center").get(1).asDouble(), 1e-12);
        Run same = run("count", "exact", EXAMPLE, "--box=0.4:0.6,-0.35:-0.15", "--json");
        assertEquals(same.json().get("regions"), run.json().get("regions"));
    }

    @Test
    void anNNetFileCountsInsideTheRangeItClipsTo() throws IOException {
        Path nnet = Path.of("testdata", "nnet", "small_2x3.nnet");
        Run wide = run("count", "exact", nnet.toString(), "--box=-100:100", "--json");
        assertEquals(ExitCode.OK.code(), wide.exitCode(), wide.err());
        assertTrue(wide.err().contains("clips its inputs to box [0.0, 10.0] x [-1.0, 1.0], which creates no regions"),
                wide.err());
        assertArrayEquals(new double[] {0, -1}, doubles(wide.json().get("domain").get("lower")));
        assertArrayEquals(new double[] {10, 1}, doubles(wide.json().get("domain").get("upper")));
        Run inside = run("count", "exact", nnet.toString(), "--box=0:10,-1:1", "--json");
        assertEquals("", inside.err());
        assertEquals(inside.json().get("regions"), wide.json().get("regions"));
        Run whole = run("count", "exact", nnet.toString(), "--json");
        assertEquals(inside.json().get("regions"), whole.json().get("regions"));
        Run ballInside = run("count", "exact", nnet.toString(), "--center=5,0", "--radius=0.5", "--json");
        assertEquals(ExitCode.OK.code(), ballInside.exitCode(), ballInside.err());
        assertEquals("ball", ballInside.json().get("domain").get("type").asText());
        Run apart = run("count", "exact", nnet.toString(), "--box=20:30,-1:1");
        assertTrue(apart.err().contains("does not overlap the input range [0.0, 10.0]"), apart.err());
        Run ball = run("count", "exact", nnet.toString(), "--center=5,0", "--radius=2");
        assertEquals(ExitCode.BAD_INPUT.code(), ball.exitCode());
        assertTrue(ball.err().contains("The ball reaches outside the input range [-1.0, 1.0] of input 1"), ball.err());
    }

    @Test
    void filesOfTheWrongKindOrMalformedGetOneErrorLineAndExitCode3() throws IOException {
        Path property = tmp.resolve("p.vnnlib");
        Files.writeString(property, "(declare-const X_0 Real)\n(declare-const X_1 Real)\n");
        Path unknown = Files.writeString(tmp.resolve("net.txt"), "1,2,3");
        Path garbage = Files.write(tmp.resolve("garbage.onnx"), new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        Path unsupported = Files.write(tmp.resolve("sigmoid.onnx"), new TestModel().input("x", 2)
                .randomInitializer("W", 2, 2).node("MatMul", in("x", "W"), "z").node("Sigmoid", in("z"), "y")
                .output("y").bytes());
        Path badNNet = Files.writeString(tmp.resolve("bad.nnet"), "2,2,1,3,\n2,3,1,\n0,\n");
        String[][] cases = {
            {"count", "exact", property.toString()},
            {"count", "exact", unknown.toString()},
            {"count", "exact", garbage.toString()},
            {"count", "exact", unsupported.toString()},
            {"count", "exact", badNNet.toString()},
            {"count", "exact", EXAMPLE, "--format=onnx"},
            {"count", "exact", EXAMPLE, "--format=nnet"},
            {"count", "exact", EXAMPLE, "--vnnlib=" + property},
            {"count", "exact", EXAMPLE, "--vnnlib=" + tmp.resolve("missing.vnnlib")},
            {"bounds", EXAMPLE, "--vnnlib=" + EXAMPLE},
        };
        String[] expected = {
            "Maybe this is the property: pass it with --vnnlib",
            "from its extension .txt; supported: .json, .onnx, .nnet.",
            "is not a valid ONNX model",
            "(Sigmoid): It is the operator Sigmoid, which is not supported; supported: Gemm, MatMul",
            "ends before the input minimums",
            "is not a valid ONNX model",
            "(line 1): It should hold the header line",
            "gives X_0 no lower bound",
            "missing.vnnlib does not exist",
            "In the VNN-LIB file " + EXAMPLE + " (line 1): '{\"layers\":' stands outside any (...)",
        };
        for (int c = 0; c < cases.length; c++) {
            Run run = run(cases[c]);
            String args = String.join(" ", cases[c]);
            assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), args + " -> " + run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(expected[c]), args + " -> " + run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertEquals("", run.out());
        }
    }

    private static double[] doubles(JsonNode node) {
        double[] values = new double[node.size()];
        Arrays.setAll(values, i -> node.get(i).asDouble());
        return values;
    }
}
