package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.cli.CountExactCommandTest.Run;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.plot.Table;
import io.github.reluregions.testing.Nets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.reluregions.cli.CountExactCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountLocalCommandTest {
    static final String DIGITS = "testdata/digits/digits_mlp.onnx";

    @TempDir
    Path tmp;

    /**
     * Three lines in the plane: x1 = 0, x2 = 0 and x1 + x2 = 10. Around (0, 0) a small ball meets the
     * first two (4 regions); around (3, 3) none (1); around (0, 3) the first (2), and with radius 4 the
     * first two, not the third (4, as |0 + 3 - 10| / sqrt 2 = 4.95).
     */
    Path net;
    Path points;

    @BeforeEach
    void writeNetworkAndPoints() throws IOException {
        Network lines = Network.of(List.of(
                Layer.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, -10}),
                Layer.of(new double[][] {{1, -1, 2}}, new double[] {0})));
        net = Nets.writeJson(lines, tmp.resolve("lines.json"));
        points = Files.writeString(tmp.resolve("points.csv"), "x1,x2,label\n0,0,origin\n3,3,inside\n0,3,edge\n");
    }

    @ParameterizedTest(name = "{0} balls")
    @ValueSource(strings = {"l2", "l1", "linf"})
    void countsTheRegionsOfEveryBallAroundEveryPoint(String norm) throws IOException {
        Run run = run("count", "local", net.toString(), "--points=" + points, "--radius=0.5", "--norm=" + norm,
                "--json", "--threads=2");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode rows = run.json().get("rows");
        assertEquals(3, rows.size());
        assertEquals(List.of(4L, 1L, 2L), List.of(rows.get(0).get("regions").asLong(), rows.get(1).get("regions").asLong(),
                rows.get(2).get("regions").asLong()));
        assertEquals("inside", rows.get(1).get("label").asText());
    }

    @Test
    void severalRadiiGiveOneRowPerPointAndRadiusAndASummaryPerRadius() throws IOException {
        Run run = run("count", "local", net.toString(), "--points=" + points, "--radius=0.5,4", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode report = run.json();
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("count local", report.get("command").asText());
        assertEquals(2, report.get("network").get("inputDimension").asInt());
        assertEquals("[0.5,4.0]", report.get("radius").toString());
        assertEquals("l2", report.get("norm").asText());
        assertEquals(3, report.get("points").get("count").asInt());
        assertEquals("label", report.get("points").get("labelColumn").asText());
        assertTrue(report.get("complete").asBoolean());

        JsonNode rows = report.get("rows");
        assertEquals(6, rows.size());
        long[][] expected = {{0, 4}, {0, 4}, {1, 1}, {1, 4}, {2, 2}, {2, 4}}; // point and regions, radius 0.5 then 4
        for (int i = 0; i < 6; i++) {
            JsonNode row = rows.get(i);
            assertEquals(expected[i][0], row.get("point").asInt());
            assertEquals(i % 2 == 0 ? 0.5 : 4.0, row.get("radius").asDouble());
            assertEquals(expected[i][1], row.get("regions").asLong(), "row " + i);
            assertTrue(row.get("complete").asBoolean());
            assertEquals("finished", row.get("stopReason").asText());
            assertTrue(row.get("lps").isIntegralNumber());
            assertTrue(row.has("seconds") && row.has("thinRegions") && row.has("uncertainCells"));
        }

        JsonNode summary = report.get("summary");
        assertEquals(2, summary.size());
        JsonNode small = summary.get(0);
        assertEquals(0.5, small.get("radius").asDouble());
        assertEquals(3, small.get("points").asInt());
        assertEquals(7.0 / 3, small.get("mean").asDouble(), 1e-12);
        assertEquals(2.0, small.get("median").asDouble());
        assertEquals(1, small.get("min").asLong());
        assertEquals(4, small.get("max").asLong());
        assertEquals(0, small.get("incomplete").asInt());
        assertFalse(small.get("lowerBounds").asBoolean());
        assertEquals(4.0, summary.get(1).get("mean").asDouble());
    }

    @Test
    void tableGoesToCsvOrJsonAndPlotHistogramReadsIt() throws IOException {
        Path csv = tmp.resolve("local.csv");
        Run text = run("count", "local", net.toString(), "--points=" + points, "--radius=0.5", "--out=" + csv);
        assertEquals(ExitCode.OK.code(), text.exitCode(), text.err());
        assertTrue(text.out().contains("3 rows written to " + csv), text.out());
        assertTrue(text.out().matches("(?s).*0\\.5\\s+3\\s+2\\.33\\s+2\\s+1\\s+4\\s+0\\n.*"), text.out());
        Table table = Table.read(csv);
        assertEquals(List.of("point", "label", "radius", "regions", "complete", "stopReason", "seconds", "lps",
                "thinRegions", "uncertainCells"), table.columns());
        assertEquals("[4.0, 1.0, 2.0]", java.util.Arrays.toString(table.numbers("regions")));
        assertEquals("edge", table.rows().get(2).get(1));

        Path json = tmp.resolve("local.json");
        assertEquals(ExitCode.OK.code(), run("count", "local", net.toString(), "--points=" + points, "--radius=0.5",
                "--out=" + json).exitCode());
        assertEquals("[4.0, 1.0, 2.0]", java.util.Arrays.toString(Table.read(json).numbers("regions")));

        Path png = tmp.resolve("h.png");
        Run plot = run("plot", "histogram", "--in=" + csv, "--column=regions", "--out=" + png);
        assertEquals(ExitCode.OK.code(), plot.exitCode(), plot.err());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void pointsFileWithTheWrongNumberOfColumnsIsOneErrorLine() throws IOException {
        Path wide = Files.writeString(tmp.resolve("wide.csv"), "a,b,c,d\n1,2,3,4\n");
        Run run = run("count", "local", net.toString(), "--points=" + wide, "--radius=0.5");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertTrue(run.err().startsWith("error: The points file " + wide + " has 4 columns but the network has 2 inputs"),
                run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(2, run.err().lines().count(), run.err()); // the error and its "Maybe" hint

        Run digits = run("count", "local", DIGITS, "--points=" + points, "--radius=0.01");
        assertEquals(ExitCode.BAD_INPUT.code(), digits.exitCode());
        assertTrue(digits.err().contains("has 3 columns but the network has 64 inputs"), digits.err());
    }

    @Test
    void columnsAndLabelPickTheCoordinatesOutOfAWiderTable() throws IOException {
        Path wide = Files.writeString(tmp.resolve("wide.csv"), "id,x1,x2,note,class\n7,0,0,a,4\n8,3,3,b,5\n");
        Run run = run("count", "local", net.toString(), "--points=" + wide, "--columns=x1:x2", "--label=class",
                "--radius=0.5", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode rows = run.json().get("rows");
        assertEquals(4, rows.get(0).get("regions").asLong());
        assertEquals("5", rows.get(1).get("label").asText());
        assertEquals("x1:x2", run.json().get("points").get("columns").asText());

        Run byNumber = run("count", "local", net.toString(), "--points=" + wide, "--columns=3,2", "--radius=0.5",
                "--json");
        assertEquals(ExitCode.OK.code(), byNumber.exitCode(), byNumber.err());
        assertEquals("x2,x1", byNumber.json().get("points").get("columns").asText());
        assertNull(byNumber.json().get("rows").get(0).get("label").textValue());

        Run tooMany = run("count", "local", net.toString(), "--points=" + wide, "--columns=x1:note", "--radius=0.5");
        assertEquals(ExitCode.BAD_INPUT.code(), tooMany.exitCode());
        assertTrue(tooMany.err().contains("names 3 columns"), tooMany.err());

        Run unknown = run("count", "local", net.toString(), "--points=" + wide, "--columns=x1,y", "--radius=0.5");
        assertEquals(ExitCode.BAD_INPUT.code(), unknown.exitCode());
        assertTrue(unknown.err().contains("has no column 'y'"), unknown.err());
    }

    @Test
    void headerlessPointsAndBadValuesAreHandled() throws IOException {
        Path bare = Files.writeString(tmp.resolve("bare.csv"), "0,0\n3,3\n");
        Run run = run("count", "local", net.toString(), "--points=" + bare, "--radius=0.5", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertEquals(2, run.json().get("rows").size());

        assertEquals(ExitCode.BAD_INPUT.code(), run("count", "local", net.toString(), "--points=" + bare, "--radius=-1").exitCode());
        assertEquals(ExitCode.BAD_INPUT.code(), run("count", "local", net.toString(), "--points=" + bare, "--radius=0.5",
                "--out=" + tmp.resolve("t.txt")).exitCode());
        assertEquals(ExitCode.BAD_INPUT.code(), run("count", "local", net.toString(), "--points=" + tmp.resolve("missing.csv"),
                "--radius=0.5").exitCode());
        Path nan = Files.writeString(tmp.resolve("nan.csv"), "x1,x2\n0,NaN\n");
        Run notFinite = run("count", "local", net.toString(), "--points=" + nan, "--radius=0.5");
        assertEquals(ExitCode.BAD_INPUT.code(), notFinite.exitCode());
        assertTrue(notFinite.err().contains("finite"), notFinite.err());
    }

    @Test
    void countThatHitsItsTimeLimitIsALowerBoundAndExitsFour() throws IOException {
        Run run = run("count", "local", net.toString(), "--points=" + points, "--radius=0.5", "--time-limit=1e-9",
                "--json");
        assertEquals(ExitCode.LIMIT_REACHED.code(), run.exitCode(), run.out() + run.err());
        JsonNode report = run.json();
        assertFalse(report.get("complete").asBoolean());
        assertEquals(1e-9, report.get("timeLimitPerPoint").asDouble());
        assertTrue(report.get("summary").get(0).get("lowerBounds").asBoolean());
        assertEquals("time-limit", report.get("rows").get(0).get("stopReason").asText());

        Run text = run("count", "local", net.toString(), "--points=" + points, "--radius=0.5", "--time-limit=1e-9");
        assertTrue(text.out().contains("is a lower bound") || text.out().contains("are a lower bound"), text.out());
    }

    @Test
    void digitsNetworkAroundItsTrainingPointsMatchesCountExact() throws IOException {
        Run run = run("count", "local", DIGITS, "--points=testdata/digits/train_points.csv", "--radius=0.01",
                "--norm=linf", "--threads=2", "--json");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        JsonNode rows = run.json().get("rows");
        assertEquals(50, rows.size());
        Table table = Table.read(Path.of("testdata/digits/train_points.csv"));
        for (int r : new int[] {0, 30, 40}) {
            List<String> coordinates = new ArrayList<>(table.rows().get(r).subList(0, 64));
            Run exact = run("count", "exact", DIGITS, "--center=" + String.join(",", coordinates), "--radius=0.01",
                    "--norm=linf", "--json");
            assertEquals(exact.json().get("regions").asLong(), rows.get(r).get("regions").asLong(), "point " + r);
            assertEquals(table.rows().get(r).get(64), rows.get(r).get("label").asText());
        }
    }
}
