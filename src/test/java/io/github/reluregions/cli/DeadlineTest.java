package io.github.reluregions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.reluregions.ExitCode;
import io.github.reluregions.testing.Nets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The time-limit contract: every counting command, on an MNIST-sized net (784 inputs, 256x2) far too large
 * to finish, writes its partial report within {@code T + 2} s of its start, with exit 4 and the stop reason
 * "time-limit" — through every engine and LP (the cube LP, GLOP, the ball LP, the MILP's bound LPs and
 * SCIP, CP-SAT's integer plan, the probabilistic counters), including inside a long LP or a long compile.
 * benchmarks/deadlines/run measures the same through the launcher, JVM start included.
 */
class DeadlineTest {
    static final double T = 1.5;
    static final double GRACE = 2;

    @TempDir
    static Path tmp;
    static String net;
    static String box;
    static String center;

    @BeforeAll
    static void mnistSizedNet() throws Exception {
        net = Nets.writeJson(Nets.randomNet(new int[] {784, 256, 256, 10}, 11), tmp.resolve("net784.json")).toString();
        box = "--box=" + String.join(",", Collections.nCopies(784, "0:1"));
        center = "--center=" + String.join(",", Collections.nCopies(784, "0.5"));
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("count exact, cube LP", List.of("count", "exact", "NET", "BOX")),
                Arguments.of("count exact --lp=glop", List.of("count", "exact", "NET", "BOX", "--lp=glop")),
                Arguments.of("count exact, L2 ball", List.of("count", "exact", "NET", "CENTER", "--radius=5", "--norm=l2")),
                Arguments.of("count exact --engine=milp", List.of("count", "exact", "NET", "BOX", "--engine=milp")),
                Arguments.of("count exact --engine=cpsat", List.of("count", "exact", "NET", "BOX", "--engine=cpsat")),
                Arguments.of("count probabilistic", List.of("count", "probabilistic", "NET", "BOX", "--seed=1")),
                Arguments.of("count probabilistic --method=estimate",
                        List.of("count", "probabilistic", "NET", "BOX", "--method=estimate", "--seed=1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void writesItsPartialReportWithinTheTimeLimitPlusTwoSeconds(String name, List<String> template) throws Exception {
        List<String> args = new ArrayList<>();
        for (String arg : template) {
            args.add(switch (arg) {
                case "NET" -> net;
                case "BOX" -> box;
                case "CENTER" -> center;
                default -> arg;
            });
        }
        args.add("--time-limit=" + T);
        args.add("--json");
        long start = System.nanoTime();
        CountExactCommandTest.Run run = CountExactCommandTest.run(args.toArray(new String[0]));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCode.LIMIT_REACHED.code(), run.exitCode(), name + ": " + run.err());
        JsonNode report = run.json();
        if (report.has("complete")) {
            assertFalse(report.get("complete").asBoolean(), name);
        } else {
            assertFalse(report.get("exact").asBoolean(), name); // a probabilistic report
        }
        assertEquals("time-limit", report.get("stopReason").asText(), name);
        System.out.printf("%s: report after %.2f s (limit %.1f s)%n", name, seconds, T);
        assertTrue(seconds <= T + GRACE, name + ": report after " + seconds + " s, limit " + T + " s");
    }
}
