package io.github.reluregions.io.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.model.Network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ONNX model in ../shared/models loads, and its forward pass matches ONNX Runtime's. */
class SharedModelsTest {
    static final Path MODELS = Path.of("..", "shared", "models");
    /** ONNX Runtime computes a float32 model in float32; we compute in double from the same weights. */
    static final double FLOAT32_TOLERANCE = 1e-5;
    /** Both compute in double. */
    static final double FLOAT64_TOLERANCE = 1e-12;

    static Stream<String> models() throws IOException {
        if (!Files.isDirectory(MODELS)) {
            return Stream.of("(no ../shared/models)");
        }
        try (Stream<Path> files = Files.walk(MODELS)) {
            List<String> onnx = files.filter(f -> f.toString().endsWith(".onnx")).map(f -> MODELS.relativize(f).toString())
                    .sorted().collect(Collectors.toList());
            return onnx.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void forwardPassMatchesOnnxRuntime(String model) throws Exception {
        Path file = MODELS.resolve(model);
        Assumptions.assumeTrue(Files.exists(file), "../shared/models is not beside the project");
        Network net = OnnxNetworkReader.read(file);
        byte[] bytes = Files.readAllBytes(file);
        // float32 as published, on inputs of the size the models were trained for (normalised, images)
        double float32 = worstDifference(net, bytes, 1, FLOAT32_TOLERANCE);
        // the same weights in float64: no rounding of ONNX Runtime's hides a difference, far from the data too
        double float64 = worstDifference(net, OnnxRuntimeReference.inDouble(bytes), 10, FLOAT64_TOLERANCE);
        System.out.printf("%s: largest relative difference to ONNX Runtime: %.3g (float32 model, inputs in "
                + "[-1, 1]), %.3g (float64 copy, inputs in [-10, 10])%n", model, float32, float64);
    }

    /** The largest relative difference of our forward pass to ONNX Runtime's at random points of [-scale, scale]^d. */
    static double worstDifference(Network net, byte[] model, double scale, double tolerance) throws Exception {
        Random random = new Random(42);
        double worst = 0;
        try (OnnxRuntimeReference reference = new OnnxRuntimeReference(model)) {
            for (int sample = 0; sample < 200; sample++) {
                double[] x = new double[net.inputDimension()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) (scale * (2 * random.nextDouble() - 1)); // the same point in float32 and float64
                }
                double[] expected = reference.run(x);
                double[] got = net.evaluate(x);
                assertEquals(expected.length, got.length, "output dimension");
                for (int i = 0; i < got.length; i++) {
                    double error = Math.abs(got[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
                    worst = Math.max(worst, error);
                    assertTrue(error <= tolerance, "output " + i + " at " + java.util.Arrays.toString(x) + " is "
                            + got[i] + ", ONNX Runtime says " + expected[i]);
                }
            }
        }
        return worst;
    }
}
