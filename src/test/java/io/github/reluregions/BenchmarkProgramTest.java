package io.github.reluregions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** benchmarks/Benchmark.java (run as a single-file program by benchmarks/run) still compiles against the code. */
class BenchmarkProgramTest {
    @TempDir
    Path tmp;

    @Test
    void theBenchmarkDriverCompilesAndReadsAVnnlibBox() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean ok = compiler.getTask(messages, null, null, List.of("-d", tmp.toString(), "-classpath",
                System.getProperty("java.class.path"), "-Xlint:all", "-Werror"), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(Path.of("benchmarks/Benchmark.java")))
                .call();
        assertTrue(ok, messages.toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            Method box = loader.loadClass("Benchmark").getDeclaredMethod("vnnlibBox", String.class, int.class);
            box.setAccessible(true);
            String property = "(assert (<= X_0 -0.298552812))\n(assert (>= X_0 -0.303531156))\n"
                    + "(assert (<= X_1 0.5))\n(assert (>= X_1 0.3))\n(assert (<= Y_0 Y_1))\n";
            assertEquals("-0.303531156:-0.298552812,0.3:0.5", box.invoke(null, property, 2));
        }
        assertTrue(Files.isExecutable(Path.of("benchmarks/run")) && Files.isExecutable(Path.of("benchmarks/jmh/run")));
    }
}
