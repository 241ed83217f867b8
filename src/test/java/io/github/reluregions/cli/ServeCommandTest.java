package io.github.reluregions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.reluregions.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in a child JVM and {@code count exact --cluster} against it, through the command line. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aCountOnAServedMemberIsTheExactCount() throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process member = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port=" + port, "--threads=2").redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
            String line = lines.readLine();
            while (line != null && !line.startsWith("serving on")) {
                line = lines.readLine();
            }
            assertEquals("serving on 127.0.0.1:" + port + " with 2 threads, in a cluster of 1 member(s); stop with Ctrl-C",
                    line);
            CountExactCommandTest.Run cluster = CountExactCommandTest.run("count", "exact", CountExactCommandTest.EXAMPLE,
                    "--box=-2:2", "--cluster=127.0.0.1:" + port, "--json");
            assertEquals(ExitCode.OK.code(), cluster.exitCode(), cluster.err());
            JsonNode report = cluster.json();
            assertTrue(report.get("complete").asBoolean());
            assertEquals(97, report.get("regions").asLong(), "the example's count (CountExactCommandTest)");
        } finally {
            member.destroy();
            assertTrue(member.waitFor(30, TimeUnit.SECONDS), "serve should stop on SIGTERM");
        }
    }

    @Test
    void optionsThatDoNotWorkOnAClusterAreRefusedInOneLine() throws IOException {
        Path witnesses = tmp.resolve("w.jsonl");
        String[][] cases = {
            {"--cluster=127.0.0.1:5701", "--threads=2"},
            {"--cluster=127.0.0.1:5701", "--witnesses=" + witnesses},
            {"--cluster=127.0.0.1:99999"},
            {"--cluster=,"},
        };
        for (String[] options : cases) {
            String[] args = new String[4 + options.length];
            System.arraycopy(new String[] {"count", "exact", CountExactCommandTest.EXAMPLE, "--box=-2:2"}, 0, args, 0, 4);
            System.arraycopy(options, 0, args, 4, options.length);
            CountExactCommandTest.Run run = CountExactCommandTest.run(args);
            assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), String.join(" ", options) + ": " + run.err());
            assertTrue(run.err().startsWith("error: --"), run.err());
            assertTrue(run.err().lines().count() <= 2, run.err());
        }
        assertTrue(!Files.exists(witnesses), "no witness file is started for a refused count");
    }

    @Test
    void serveRefusesABadPortInOneLine() {
        CountExactCommandTest.Run run = CountExactCommandTest.run("serve", "--port=70000");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertEquals("error: --port is 70000; it must be from 1 to 65535.", run.err().lines().findFirst().orElse(""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
