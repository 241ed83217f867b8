package io.github.reluregions.io.onnx;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.reluregions.model.Network;
import io.github.reluregions.plot.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trained digits network of testdata/digits: its shape, and our forward pass against PyTorch's. */
class DigitsModelTest {
    static final Path DIGITS = Path.of("testdata", "digits");

    @Test
    void loadsAsSixtyFourInputsTwoHiddenLayersOfSixteenAndTenOutputs() {
        Network net = OnnxNetworkReader.read(DIGITS.resolve("digits_mlp.onnx"));
        assertEquals(64, net.inputDimension());
        assertEquals(List.of(16, 16), net.hiddenWidths());
        assertEquals(10, net.outputDimension());
    }

    @Test
    void forwardPassMatchesPyTorchToOneInHundredThousand() {
        Network net = OnnxNetworkReader.read(DIGITS.resolve("digits_mlp.onnx"));
        Table reference = Table.read(DIGITS.resolve("reference_outputs.csv"));
        assertEquals(25, reference.rows().size(), "10 training, 10 random and 5 test points");
        double worst = 0;
        for (int r = 0; r < reference.rows().size(); r++) {
            List<String> row = reference.rows().get(r);
            double[] x = new double[64];
            for (int j = 0; j < 64; j++) {
                x[j] = reference.number(r, "x" + j, row.get(reference.column("x" + j)));
            }
            double[] y = net.evaluate(x);
            for (int k = 0; k < 10; k++) {
                double expected = reference.number(r, "y" + k, row.get(reference.column("y" + k)));
                worst = Math.max(worst, Math.abs(y[k] - expected));
                assertEquals(expected, y[k], 1e-5, "row " + r + ", output " + k);
            }
        }
        // Both sides compute in double from the same float32 weights: only the order of sums differs.
        assertTrue(worst < 1e-12, "largest difference " + worst);
    }

    @Test
    void classifiesTheTrainingPointsItShipsWithMostlyRight() {
        Network net = OnnxNetworkReader.read(DIGITS.resolve("digits_mlp.onnx"));
        Table points = Table.read(DIGITS.resolve("train_points.csv"));
        assertEquals(65, points.columns().size());
        int right = 0;
        for (int r = 0; r < points.rows().size(); r++) {
            List<String> row = points.rows().get(r);
            double[] x = new double[64];
            for (int j = 0; j < 64; j++) {
                x[j] = Double.parseDouble(row.get(j));
            }
            double[] y = net.evaluate(x);
            int best = 0;
            for (int k = 1; k < y.length; k++) {
                best = y[k] > y[best] ? k : best;
            }
            right += best == Integer.parseInt(row.get(64)) ? 1 : 0;
        }
        assertEquals(50, points.rows().size());
        assertTrue(right >= 48, right + " of 50 right (training accuracy 99.5%)");
    }
}
