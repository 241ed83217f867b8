package io.github.reluregions.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java Chebyshev LP against GLOP on random LPs, with rows added and removed as a search does. */
class DenseChebyshevLpTest {

    @Test
    void agreesWithGlopOnRandomSequencesOfRowsAndDomains() {
        Random random = new Random(3);
        int compared = 0;
        int empty = 0;
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + random.nextInt(6);
            InputDomain domain = trial % 4 == 3 ? WholeSpace.of(d)
                    : trial % 3 == 0 ? Ball.of(gaussian(random, d), 0.5 + random.nextDouble(), Norm.LINF)
                    : Box.cube(d, -1 - random.nextDouble(), 1 + 3 * random.nextDouble());
            double cap = domain instanceof WholeSpace ? 1 : 2 * domain.scale();
            try (DenseChebyshevLp dense = new DenseChebyshevLp(domain, cap);
                    GlopChebyshevLp glop = new GlopChebyshevLp(domain, cap)) {
                List<int[]> slots = new ArrayList<>();
                for (int step = 0; step < 40; step++) {
                    if (!slots.isEmpty() && random.nextInt(3) == 0) {
                        int[] pair = slots.remove(random.nextInt(slots.size()));
                        dense.removeRow(pair[0]);
                        glop.removeRow(pair[1]);
                    } else {
                        double[] normal = gaussian(random, d);
                        double length = Math.sqrt(java.util.Arrays.stream(normal).map(v -> v * v).sum());
                        for (int j = 0; j < d; j++) {
                            normal[j] /= length;
                        }
                        // Degenerate rows now and then: a repeated row, and the same hyperplane reversed.
                        double offset = random.nextInt(5) == 0 ? 0 : random.nextGaussian();
                        slots.add(new int[] {dense.addRow(normal, offset), glop.addRow(normal, offset)});
                        if (random.nextInt(6) == 0) {
                            double[] reversed = normal.clone();
                            for (int j = 0; j < d; j++) {
                                reversed[j] = -reversed[j];
                            }
                            slots.add(new int[] {dense.addRow(reversed, -offset), glop.addRow(reversed, -offset)});
                        }
                    }
                    ChebyshevLp.Solution expected = glop.solve();
                    ChebyshevLp.Solution actual = dense.solve();
                    assertEquals(ChebyshevLp.Status.OPTIMAL, expected.status());
                    assertEquals(ChebyshevLp.Status.OPTIMAL, actual.status());
                    double r = expected.radius();
                    if (r > 0) {
                        assertEquals(r, actual.radius(), 1e-7 * (1 + r), "trial " + trial + " step " + step);
                    } else {
                        empty++;
                        assertTrue(actual.radius() <= 1e-9, "trial " + trial + " step " + step + ": GLOP " + r
                                + ", dense " + actual.radius());
                    }
                    compared++;
                }
                assertTrue(dense.fallbackCount() <= dense.solveCount() / 10,
                        "fell back to GLOP " + dense.fallbackCount() + " of " + dense.solveCount() + " times");
            }
        }
        assertEquals(8000, compared);
        assertTrue(empty > 500, "too few empty cells to test the dual certificate: " + empty);
    }

    @Test
    void inRdACellBeyondTheStandInBoxIsStillFound() {
        // x1 >= 1e7 and x2 between -0.5 and 0.5: no point within the stand-in box (half-side 1e4), balls of radius 0.5 beyond.
        try (DenseChebyshevLp dense = new DenseChebyshevLp(WholeSpace.of(2), 1.0)) {
            dense.addRow(new double[] {-1, 0}, -1e7);
            dense.addRow(new double[] {0, 1}, 0.5);
            dense.addRow(new double[] {0, -1}, 0.5);
            ChebyshevLp.Solution solution = dense.solve();
            assertEquals(ChebyshevLp.Status.OPTIMAL, solution.status());
            assertEquals(0.5, solution.radius(), 1e-9);
            assertTrue(solution.center()[0] >= 1e7 + 0.5 - 1e-6, "center " + solution.center()[0]);
        }
    }

    @Test
    void inRdAnUnboundedCellHasTheCappedRadiusWithoutGlop() {
        try (DenseChebyshevLp dense = new DenseChebyshevLp(WholeSpace.of(3), 1.0)) {
            dense.addRow(new double[] {1, 0, 0}, 0.2);
            dense.addRow(new double[] {0, 0.6, 0.8}, -3);
            ChebyshevLp.Solution solution = dense.solve();
            assertEquals(1.0, solution.radius(), 1e-12);
            assertEquals(0, dense.fallbackCount());
        }
    }

    private static double[] gaussian(Random random, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}
