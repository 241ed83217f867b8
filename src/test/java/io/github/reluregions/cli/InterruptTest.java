package io.github.reluregions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.ExitCode;
import io.github.reluregions.testing.Nets;
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

/** Sends a real SIGINT to a running count in a child JVM. */
class InterruptTest {
    @TempDir
    Path tmp;

    @Test
    void sigintWritesThePartialReportAndExits130() throws Exception {
        // sum_{j<=5} C(60, j) ~ 6e6 regions in R^5: far more than 3 s of counting.
        Path net = Nets.writeJson(Nets.randomOneLayer(5, 60, 5), tmp.resolve("net.json"));
        Path checkpoint = tmp.resolve("started.checkpoint.json");
        JsonNode report = interruptAfter(checkpoint, net.toString(), "--box=-5:5", "--json");
        assertTrue(report.get("regions").asLong() > 0);
        assertTrue(report.get("exploredFraction").asDouble() < 1);
    }

    @Test
    void aRunInterruptedBySigintResumesFromItsCheckpointToTheExactCount() throws Exception {
        // 42 hyperplanes in general position in R^5: sum_{j<=5} C(42, j) = 974982 regions in all of R^5 (a net
        // whose count equals the closed form with nothing near-degenerate; some 12 s on two threads here), long
        // enough to be interrupted after its first checkpoint on a faster machine.
        Path net = Path.of("benchmarks", "probabilistic", "gp_5d_42.json");
        Path checkpoint = tmp.resolve("run.checkpoint.json");
        JsonNode partial = interruptAfter(checkpoint, net.toString(), "--threads=2", "--json");
        long before = partial.get("regions").asLong();
        assertTrue(before > 0 && before < 974982, "regions before the interrupt: " + before);
        assertTrue(Files.exists(checkpoint), "the interrupted run should leave its checkpoint");

        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("count", "exact", net.toString(), "--resume=" + checkpoint, "--threads=2", "--json");
        assertEquals(ExitCode.OK.code(), exit, out.toString());
        JsonNode resumed = new ObjectMapper().readTree(out.toString());
        assertEquals(Nets.generalPositionCount(42, 5), resumed.get("regions").asLong());
        assertTrue(resumed.get("complete").asBoolean());
    }

    /**
     * Starts {@code count exact ARGS} in a child JVM with checkpoints every 0.5 s to {@code checkpoint}, sends it
     * SIGINT once the first checkpoint shows the count is under way, and returns its report.
     */
    private JsonNode interruptAfter(Path checkpoint, String... args) throws Exception {
        Path out = tmp.resolve("out.json");
        Path err = tmp.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // perl resets SIGINT to its default first: a JVM started with SIGINT ignored (as background jobs
        // of non-interactive shells are) never sees it. exec keeps the pid.
        List<String> command = new ArrayList<>(List.of("perl", "-e",
                "$SIG{INT}='DEFAULT'; exec @ARGV", java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "count", "exact"));
        command.addAll(List.of(args));
        command.addAll(List.of("--checkpoint=" + checkpoint, "--checkpoint-interval=0.5"));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        for (int waited = 0; !Files.exists(checkpoint) && waited < 600; waited++) {
            assertFalse(child.waitFor(100, TimeUnit.MILLISECONDS), "the count ended before its first checkpoint");
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint after 60 s");
        assertFalse(child.waitFor(1, TimeUnit.SECONDS), "the count should still be running");
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child should end soon after SIGINT");
        assertEquals(ExitCode.INTERRUPTED.code(), child.exitValue(), Files.readString(err));
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertFalse(report.get("complete").asBoolean());
        assertEquals("interrupted", report.get("stopReason").asText());
        return report;
    }
}
