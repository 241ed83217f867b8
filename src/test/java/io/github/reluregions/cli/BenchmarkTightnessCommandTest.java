package io.github.reluregions.cli;

import static io.github.reluregions.cli.CountExactCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.ExitCode;
import io.github.reluregions.benchmark.TightnessOutputs;
import io.github.reluregions.cli.CountExactCommandTest.Run;
import io.github.reluregions.plot.Images;
import io.github.reluregions.plot.Table;
import io.github.reluregions.testing.Nets;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTightnessCommandTest {
    @TempDir
    Path tmp;

    /** A small suite: the example in its box, a one-case reference list, a ball, and a depth family. */
    private Path suite() throws Exception {
        Files.createDirectories(tmp.resolve("ref"));
        Nets.writeJson(Nets.randomOneLayer(2, 7, 41), tmp.resolve("ref/gp.json"));
        Files.writeString(tmp.resolve("ref/cases.json"),
                "[{\"network\": \"gp.json\", \"box\": [[-1e4, 1e4], [-1e4, 1e4]], \"regions\": 29}]");
        Files.copy(Path.of(CountExactCommandTest.EXAMPLE), tmp.resolve("example.json"));
        return Files.writeString(tmp.resolve("suite.json"), """
                {"networks": [{"name": "example", "file": "example.json", "box": [-2, 2]},
                              {"name": "example ball", "group": "trained", "file": "example.json",
                               "center": [0.5, 0], "radius": 0.5, "norm": "l1"}],
                 "reference": "ref/cases.json",
                 "families": [{"group": "depth", "seed": 7, "architectures": [[2, 6], [2, 3, 3], [2, 2, 2, 2]]}]}
                """);
    }

    @Test
    void theBenchmarkWritesTablesAndPlotsWithEveryBoundAboveEveryCount() throws Exception {
        Path out = tmp.resolve("results");
        Run run = run("benchmark", "tightness", "--suite=" + suite(), "--out=" + out, "--time-limit=60", "--threads=1");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("example                      97 regions in"), run.out());
        assertTrue(run.out().contains("gp                           29 regions in"), run.out());

        Table csv = Table.read(out.resolve("tightness.csv"));
        assertEquals(TightnessOutputs.CSV_COLUMNS, csv.columns());
        assertEquals(6 * 10, csv.rows().size(), "six networks, ten bounds each");
        for (int r = 0; r < csv.rows().size(); r++) {
            String value = csv.rows().get(r).get(csv.column("value"));
            if (!value.isEmpty()) {
                assertTrue(new BigInteger(value).compareTo(new BigInteger(csv.rows().get(r).get(csv.column("count")))) >= 0,
                        csv.rows().get(r).toString());
            }
        }
        // plot tightness reads the same table.
        Path png = tmp.resolve("again.png");
        Run plot = run("plot", "tightness", "--in=" + out.resolve("tightness.csv"), "--out=" + png, "--ratio");
        assertEquals(ExitCode.OK.code(), plot.exitCode(), plot.err());

        JsonNode json = new ObjectMapper().readTree(out.resolve("tightness.json").toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("benchmark tightness", json.get("command").asText());
        assertEquals(6, json.get("networks").size());
        JsonNode gp = json.get("networks").get(2);
        assertEquals("gp", gp.get("name").asText());
        assertEquals(29, gp.get("knownRegions").asLong());
        assertEquals(29, gp.get("count").get("regions").asLong());
        // One hidden layer in general position: Zaslavsky's count is attained.
        assertTrue(gp.get("tightest").toString().contains("zaslavsky"), gp.toString());
        assertEquals(0, gp.get("boundsBelowCount").size());
        assertEquals("ball", json.get("networks").get(1).get("domain").get("type").asText());

        String markdown = Files.readString(out.resolve("tightness.md"));
        assertTrue(markdown.contains("| gp | reference | 2 | [7] | box"), markdown);
        assertTrue(markdown.contains("| depth | 3 |"), markdown);
        assertTrue(markdown.contains("strictly tightest"), markdown);
        Images.assertPng(out.resolve("tightness-networks.png"), 1000, 700);
        Images.assertPng(out.resolve("tightness-families.png"), 1000, 700);
        Images.assertPng(out.resolve("tightness-depth.png"), 1000, 700);
    }

    @Test
    void countsThatHitTheTimeLimitAreLowerBoundsAndExitFour() throws Exception {
        Path net = Nets.writeJson(Nets.randomNet(new int[] {3, 20, 20}, 5), tmp.resolve("big.json"));
        Path suite = Files.writeString(tmp.resolve("slow.json"),
                "{\"networks\": [{\"name\": \"big\", \"file\": \"" + net.getFileName() + "\"}]}");
        Path out = tmp.resolve("slow-results");
        Run run = run("benchmark", "tightness", "--suite=" + suite, "--out=" + out, "--time-limit=0.05", "--threads=1");
        assertEquals(ExitCode.LIMIT_REACHED.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("(lower bound)"), run.out());
        assertTrue(Files.readString(out.resolve("tightness.md")).contains("| >= "));
    }

    /** Runs the benchmark on a suite of copies of the example network, given by its JSON text. */
    private Run runExampleSuite(String suiteJson) throws Exception {
        Files.copy(Path.of(CountExactCommandTest.EXAMPLE), tmp.resolve("example.json"));
        Path suite = Files.writeString(tmp.resolve("examples.json"), suiteJson);
        return run("benchmark", "tightness", "--suite=" + suite, "--out=" + tmp.resolve("out"));
    }

    @Test
    void aSuiteWithTwoNetworksOfOneNameIsBadInput() throws Exception {
        Run run = runExampleSuite("{\"networks\": [{\"name\": \"a\", \"file\": \"example.json\"}, "
                + "{\"name\": \"a\", \"file\": \"example.json\"}]}");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("two networks named 'a'"), run.err());
        assertTrue(run.err().contains("Maybe"), run.err());
    }

    @Test
    void aMissingReferenceListIsSkippedWithANote() throws Exception {
        Run run = runExampleSuite("{\"networks\": [{\"name\": \"a\", \"file\": \"example.json\", "
                + "\"box\": [[-1, 1], [-1, 1]]}], \"reference\": \"none/cases.json\"}");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("note: reference cases skipped"), run.out());
    }
}
