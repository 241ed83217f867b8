package io.github.reluregions.cli;

import io.github.reluregions.ExitCode;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.HighDim;
import io.github.reluregions.testing.HighDimReference;
import io.github.reluregions.testing.LocalAffine;
import io.github.reluregions.testing.Nets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code count exact --witnesses} in 64-D L2 balls, run as the CLI runs (default engine and threads): the
 * report must say complete with the known count, and every streamed witness is re-read from the file and
 * re-verified here, independently of the engine: its pattern is the one written beside it, its Euclidean
 * distance to every neuron's hyperplane on its piece and to the sphere exceeds the tolerance (1e-7 times
 * min(1, radius)), and no pattern comes twice.
 */
class CountExactHighDimWitnessesTest {
    /** Only keeps a search that would not end from hanging the suite (the count is then incomplete: exit 4). */
    static final String GUARD = "--time-limit=120";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lp", "milp"})
    void witnessesOfACentralArrangementInA64DimensionalL2BallAreAllValid(String engine) throws IOException {
        HighDim.Central c = HighDim.central(64, 7, 6464);
        Path net = Nets.writeJson(c.net(), tmp.resolve("central.json"));
        checkCli(engine, net, c.net(), Ball.of(c.point(), 0.1, io.github.reluregions.domain.Norm.L2), 128);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lp", "milp"})
    void witnessesOfTheFirstDigitsL2BallAreAllValid(String engine) throws IOException {
        Assumptions.assumeTrue(HighDimReference.present(), "../shared/reference is not beside the project");
        HighDimReference.Case c = HighDimReference.cases().get(0);
        checkCli(engine, c.networkFile(), JsonNetworkReader.read(c.networkFile()), (Ball) c.domain(), c.regions());
    }

    private void checkCli(String engine, Path netFile, Network net, Ball ball, long expected) throws IOException {
        Path file = tmp.resolve("witnesses.jsonl");
        String center = DoubleStream.of(ball.center()).mapToObj(Double::toString).collect(Collectors.joining(","));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("count", "exact", netFile.toString(), "--engine=" + engine, "--center=" + center,
                "--radius=" + ball.radius(), "--norm=l2", "--json", "--witnesses=" + file, GUARD);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        List<String> lines = Files.readAllLines(file);
        double tolerance = 1e-7 * Math.min(1, ball.radius());
        List<String> problems = new ArrayList<>();
        Set<String> patterns = new HashSet<>();
        for (String line : lines) {
            JsonNode w = new ObjectMapper().readTree(line);
            double[] x = new double[w.get("point").size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = w.get("point").get(j).asDouble();
            }
            LocalAffine local = LocalAffine.at(net, x);
            String written = w.get("pattern").asText();
            if (!local.pattern().equals(written)) {
                problems.add("region " + w.get("region") + ": written " + written + ", at the witness " + local.pattern());
            }
            double sphere = HighDim.boundaryDistance(ball, x);
            if (!(sphere > tolerance) || !(local.smallestDistance() > tolerance)) {
                problems.add("region " + w.get("region") + ": distance to the sphere " + sphere
                        + ", to the nearest hyperplane " + local.smallestDistance());
            }
            if (!patterns.add(local.pattern())) {
                problems.add("region " + w.get("region") + ": pattern " + local.pattern() + " twice");
            }
        }
        String where = engine + " in " + describe(ball) + ": exit " + code + ", regions " + report.get("regions")
                + ", complete " + report.get("complete") + ", " + lines.size() + " witnesses; expected " + expected;
        assertAll(where,
                () -> assertEquals(ExitCode.OK.code(), code, "exit code; stderr: " + err),
                () -> assertTrue(report.get("complete").asBoolean(), "complete"),
                () -> assertEquals(expected, report.get("regions").asLong(), "regions"),
                () -> assertEquals(report.get("regions").asLong(), lines.size(), "one witness per region"),
                () -> assertEquals(List.of(), problems.subList(0, Math.min(8, problems.size())), "witness problems"));
    }

    private static String describe(InputDomain domain) {
        return domain.describe();
    }
}
