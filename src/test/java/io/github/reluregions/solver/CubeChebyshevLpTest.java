package io.github.reluregions.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.RadiusCertificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cube Chebyshev LP (sides as bounds, bound-flipping dual simplex) against GLOP, with rows added and
 * removed as a search does, in 2 to 784 dimensions; its duals must certify the radius.
 */
class CubeChebyshevLpTest {

    @Test
    void agreesWithGlopAndItsDualsCertifyTheRadius() {
        int[] counts = compareWithGlop(Double.NEGATIVE_INFINITY);
        assertTrue(counts[0] > 1000, "compared " + counts[0]);
        assertTrue(counts[1] > 100, "too few empty cells: " + counts[1]);
        assertEquals(0, counts[2], "stopped early with no decision radius");
    }

    /**
     * With a decision radius, a solve may stop before the optimum on an empty cell: then it has no center,
     * its duals certify a radius at most the decision radius, and GLOP's optimum is no larger. Every other
     * solve is the optimum as before.
     */
    @Test
    void stopsEarlyOnlyOnCellsItsDualsProveEmpty() {
        int[] counts = compareWithGlop(1e-7);
        assertTrue(counts[0] > 1000, "compared " + counts[0]);
        assertTrue(counts[2] > 50, "too few early stops: " + counts[2]);
    }

    /** {compared, empty, stopped early}. */
    private static int[] compareWithGlop(double decisionRadius) {
        Random random = new Random(5);
        int compared = 0;
        int empty = 0;
        int early = 0;
        for (int trial = 0; trial < 60; trial++) {
            int d = trial < 40 ? 1 + random.nextInt(8) : trial % 2 == 0 ? 64 : 784;
            double[] center = new double[d];
            for (int j = 0; j < d; j++) {
                center[j] = random.nextGaussian();
            }
            double half = 0.05 + 2 * random.nextDouble();
            InputDomain domain = trial % 2 == 0 ? Ball.of(center, half, Norm.LINF)
                    : Box.cube(d, -half, half);
            double[] inside = domain instanceof Ball ball ? ball.center() : new double[d];
            double cap = 2 * domain.scale();
            int steps = d > 8 ? 15 : 30;
            try (CubeChebyshevLp cube = new CubeChebyshevLp(domain, cap, decisionRadius);
                    GlopChebyshevLp glop = new GlopChebyshevLp(domain, cap)) {
                List<int[]> slots = new ArrayList<>();
                List<double[]> normals = new ArrayList<>();
                List<Double> offsets = new ArrayList<>();
                for (int step = 0; step < steps; step++) {
                    if (!slots.isEmpty() && random.nextInt(4) == 0) {
                        int k = random.nextInt(slots.size());
                        int[] pair = slots.remove(k);
                        normals.remove(k);
                        offsets.remove(k);
                        cube.removeRow(pair[0]);
                        glop.removeRow(pair[1]);
                    } else {
                        int copies = random.nextInt(8) == 0 ? 2 : 1; // a duplicated row now and then
                        double[] normal = gaussian(random, d);
                        double length = Math.sqrt(Arrays.stream(normal).map(v -> v * v).sum());
                        double dot = 0;
                        for (int j = 0; j < d; j++) {
                            normal[j] /= length;
                            dot += normal[j] * inside[j];
                        }
                        double offset = dot + half * random.nextGaussian() * 0.5;
                        for (int c = 0; c < copies; c++) {
                            slots.add(new int[] {cube.addRow(normal, offset), glop.addRow(normal, offset)});
                            normals.add(normal);
                            offsets.add(offset);
                        }
                    }
                    ChebyshevLp.Solution expected = glop.solve();
                    ChebyshevLp.Solution actual = cube.solve();
                    assertEquals(ChebyshevLp.Status.OPTIMAL, actual.status(), "trial " + trial + " step " + step);
                    double r = Math.min(expected.radius(), half);
                    String where = "trial " + trial + " (d=" + d + ") step " + step;
                    double[][] rows = normals.toArray(new double[0][]);
                    double[] b = offsets.stream().mapToDouble(Double::doubleValue).toArray();
                    double[] weights = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        weights[i] = actual.weights()[slots.get(i)[0]];
                    }
                    if (actual.center() == null) {
                        double bound = RadiusCertificate.bound(domain, rows, b, weights, rows.length);
                        assertTrue(bound <= decisionRadius, where + ": early stop certifies " + bound);
                        assertTrue(r <= decisionRadius + 1e-6 * (1 + Math.abs(r)), where + ": GLOP's radius " + r);
                        early++;
                        compared++;
                        continue;
                    }
                    assertEquals(r, actual.radius(), 1e-6 * (1 + Math.abs(r)), where);
                    // The duals prove the radius: the certificate over the exact cube is the optimum.
                    if (rows.length > 0 && r < half * (1 - 1e-6)) {
                        double bound = RadiusCertificate.bound(domain, rows, b, weights, rows.length);
                        assertEquals(r, bound, 1e-6 * (1 + Math.abs(r)), where + ": certificate");
                    }
                    if (r <= 0) {
                        empty++;
                    }
                    compared++;
                }
                assertEquals(0, cube.fallbackCount(), "fell back to GLOP in trial " + trial);
            }
        }
        return new int[] {compared, empty, early};
    }

    private static double[] gaussian(Random random, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}
