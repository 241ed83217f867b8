package io.github.reluregions.io;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Box;
import io.github.reluregions.io.onnx.OnnxNetworkReader;
import io.github.reluregions.model.Network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NNet reader against the reference evaluation (testdata/nnet/make_acasxu_nnet.py writes both the
 * file and the outputs of nnet.py's evaluate_network), and its refusals.
 */
class NNetReaderTest {
    static final Path ACAS = Path.of("testdata", "nnet", "acasxu_run2a_1_1.nnet");
    static final Path REFERENCE = Path.of("testdata", "nnet", "acasxu_run2a_1_1.reference.json");
    static final Path ONNX = Path.of("..", "shared", "models", "acasxu", "ACASXU_run2a_1_1_batch_2000.onnx");

    /** A 2-input net: 3 hidden neurons, 1 output; inputs in [0, 10] x [-1, 1], output de-normalised by 2, +1. */
    static final Path SMALL_FILE = Path.of("testdata", "nnet", "small_2x3.nnet");
    static final List<String> SMALL = lines(SMALL_FILE);

    @Test
    void acasXuFileMatchesTheReferenceEvaluationInsideAndOutsideItsRange() throws IOException {
        LoadedNetwork loaded = NetworkReaders.load(ACAS, null);
        Network net = loaded.network();
        assertEquals(List.of(50, 50, 50, 50, 50, 50), net.hiddenWidths());
        Box range = loaded.inputRange();
        assertArrayEquals(new double[] {0.0, -3.141593, -3.141593, 100.0, 0.0}, range.lower());
        assertArrayEquals(new double[] {60760.0, 3.141593, 3.141593, 1200.0, 1200.0}, range.upper());

        JsonNode reference = new ObjectMapper().readTree(REFERENCE.toFile());
        int outside = 0;
        for (int s = 0; s < reference.get("inputs").size(); s++) {
            double[] x = vector(reference.get("inputs").get(s));
            double[] clipped = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                clipped[j] = Math.min(Math.max(x[j], range.lower(j)), range.upper(j));
                outside += clipped[j] != x[j] ? 1 : 0;
            }
            double[] expected = vector(reference.get("outputs").get(s));
            double[] got = net.evaluate(clipped);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "sample " + s + ", output " + i);
            }
        }
        assertTrue(outside > 0, "the reference has inputs outside the range, where clipping matters");
    }

    @Test
    void acasXuFileIsTheOnnxNetworkWithNormalisationFoldedIn() {
        Assumptions.assumeTrue(Files.exists(ONNX), "../shared/models is not beside the project");
        Network nnet = NetworkReaders.read(ACAS, null);
        Network onnx = OnnxNetworkReader.read(ONNX);
        double[] means = {19791.091, 0.0, 0.0, 650.0, 600.0};
        double[] ranges = {60261.0, 6.28318530718, 6.28318530718, 1100.0, 1200.0};
        java.util.Random random = new java.util.Random(5);
        for (int s = 0; s < 50; s++) {
            double[] raw = new double[5];
            double[] normalised = new double[5];
            for (int j = 0; j < 5; j++) {
                normalised[j] = random.nextDouble() - 0.5;
                raw[j] = normalised[j] * ranges[j] + means[j];
            }
            double[] expected = onnx.evaluate(normalised);
            double[] got = nnet.evaluate(raw);
            for (int i = 0; i < 5; i++) {
                double y = expected[i] * 373.94992 + 7.5188840201005975;
                assertEquals(y, got[i], 1e-6 * Math.max(1, Math.abs(y)));
            }
        }
    }

    @Test
    void smallFileFoldsNormalisationIntoFirstAndLastLayer() {
        LoadedNetwork loaded = NNetReader.parse(SMALL, "small.nnet");
        Network net = loaded.network();
        // hidden: ((x0 - 5) / 10, x1 / 2) -> relu(u0), relu(u1 + 0.5), relu(u0 + u1 - 0.5); output (h0 - h1 + 2 h2 + 0.25) * 2 + 1
        double[] x = {7, 0.4};
        double u0 = 0.2;
        double u1 = 0.2;
        double y = (u0 - (u1 + 0.5) + 2 * Math.max(0, u0 + u1 - 0.5) + 0.25) * 2 + 1;
        assertEquals(y, net.evaluate(x)[0], 1e-12);
        assertEquals(Box.of(new double[] {0, -1}, new double[] {10, 1}), loaded.inputRange());
    }

    @Test
    void malformedFilesNameTheLineAndWhatWasExpected() {
        assertRefused(edit(1, "2,2,1,"), "line 2", "the header line");
        assertRefused(edit(2, "2,3,2,"), "line 3", "The layer sizes start with 2 and end with 2 but the header says 2 "
                + "inputs and 1 outputs.");
        assertRefused(edit(2, "2,4,1,"), "line 12", "It should hold weight row 3 of layer 1: 2 number(s), but it has 1.");
        assertRefused(edit(7, "10,0,2,"), "line 8", "Range 1 is 0");
        assertRefused(edit(9, "0,one,"), "line 10", "Entry 2 of weight row 1 of layer 1 is 'one'");
        assertRefused(edit(14, "1,-1,"), "line 15", "weight row 0 of layer 2: 3 number(s), but it has 2");
        List<String> truncated = new ArrayList<>(SMALL.subList(0, SMALL.size() - 1));
        assertRefused(truncated, "ends before bias 0 of layer 2", "");
        List<String> extra = new ArrayList<>(SMALL);
        extra.add("1,");
        assertRefused(extra, "line 17", "1 more lines after the last bias");
        assertRefused(edit(4, "0,1,"), "small.nnet", "Side 1 of the box is [1.0, 1.0]");
    }

    private static List<String> edit(int index, String line) {
        List<String> lines = new ArrayList<>(SMALL);
        lines.set(index, line);
        return lines;
    }

    private static void assertRefused(List<String> lines, String where, String what) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NNetReader.parse(lines, "small.nnet"));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] vector(JsonNode node) {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }
}
