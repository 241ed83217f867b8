package io.github.reluregions.count;

import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.io.onnx.OnnxNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.plot.Table;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trained digits network (64 inputs) in small L-infinity balls: LPs on which GLOP's scaled simplex
 * ends ABNORMAL even from scratch. They must still be solved (the count complete), and every pattern that
 * random points of the ball take must be among the regions counted.
 */
class DigitsBallsTest {
    static final Path DIGITS = Path.of("testdata", "digits");

    @ParameterizedTest(name = "{0} point {1}, radius {2}")
    @CsvSource({"train_points.csv, 0, 0.05", "random_points.csv, 0, 0.05", "train_points.csv, 11, 0.05"})
    void countIsCompleteAndHoldsEverySampledPattern(String file, int row, double radius) {
        Network net = OnnxNetworkReader.read(DIGITS.resolve("digits_mlp.onnx"));
        double[] center = point(DIGITS.resolve(file), row);
        Ball ball = Ball.of(center, radius, Norm.LINF);
        Set<String> counted = new HashSet<>();
        CountResult result = new LpEngine().count(new Query(net, ball, Tolerances.defaults()), SearchMonitor.unlimited(), (index, witness, r, pattern) -> counted.add(bits(pattern)));
        assertTrue(result.complete(), "uncertain cells: " + result.stats().uncertainCells());
        assertEquals(result.regions(), counted.size());

        Random random = new Random(5);
        Set<String> sampled = new HashSet<>();
        for (int s = 0; s < 5000; s++) {
            double[] x = new double[center.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = center[j] + radius * (2 * random.nextDouble() - 1);
            }
            StringBuilder pattern = new StringBuilder();
            for (double[] layer : net.hiddenPreActivations(x)) {
                for (double z : layer) {
                    pattern.append(z > 0 ? '1' : '0');
                }
            }
            sampled.add(pattern.toString());
        }
        sampled.removeAll(counted);
        assertTrue(sampled.isEmpty(), "patterns of sampled points that were not counted: " + sampled);
    }

    private static double[] point(Path file, int row) {
        Table table = Table.read(file);
        double[] x = new double[64];
        for (int j = 0; j < 64; j++) {
            x[j] = table.number(row, "x" + j, table.rows().get(row).get(j));
        }
        return x;
    }

    private static String bits(boolean[] pattern) {
        StringBuilder sb = new StringBuilder();
        for (boolean on : pattern) {
            sb.append(on ? '1' : '0');
        }
        return sb.toString();
    }
}
