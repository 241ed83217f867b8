package io.github.reluregions.count.cell;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.query.Tolerances;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CellLp#findWitness} on a cell squeezed between two half-spaces on one hyperplane (a neuron off and
 * its duplicate on), in an L2 ball: the cell must be proved empty, not left uncertain, in 3 and in 64
 * dimensions; and a slab of positive width between two such half-spaces must still get its witness.
 */
class CellLpTest {
    private static final Tolerances TOL = Tolerances.defaults();

    /**
     * The cell that EngineCrossCheckTest's seed 107 left uncertain (widths [3, 5] plus two duplicated
     * first-layer neurons, an L2 ball of radius 2.49): neuron 2 off and its duplicate, neuron 6, on. The
     * rows as the LP engine held them (unit normals, {@code n . x <= b}); rows 3 and 5 implied, outside the
     * LP. Rows 2 and 6 face each other on one hyperplane, so the cell has width 0; the L2 ball's barrier LP
     * stopped on a singular Newton system with duals that proved only 1.01e-7, above the 1e-7 tolerance.
     */
    private static final double[][] NORMALS = {
        {0.34507765230908, 0.35018333339936775, -0.8708002336277598},
        {0.8135711965356194, 0.1297719567952578, 0.5667990361646096},
        {0.5296750485364825, 0.19966558700951545, 0.8243652080977342},
        {0.41618317280237, 0.10921779999303384, 0.9026976453059098},
        {0.9474384852651258, 0.016705427784410733, -0.3195015576191509},
        {0.34507765230908, 0.35018333339936775, -0.8708002336277598},
        {-0.5296750485364825, -0.19966558700951545, -0.8243652080977342},
    };
    private static final double[] OFFSETS = {0.8794028134466119, 0.5189077577482342, -1.1754314064307199,
        -0.017675160667193053, -0.1459627292779348, 0.8794028134466119, 1.1754314064307199};
    private static final boolean[] IN_LP = {true, true, true, false, true, false, true};
    private static final double[] CENTER = {-0.5657548357743578, -1.1426877832319766, 0.6960881726481881};
    private static final double RADIUS = 2.492801795671512;

    @Test
    void theZeroWidthCellOfSeed107IsProvedEmpty() {
        assertProvedEmpty(null, 3, "seed 107's cell, 3-D");
    }

    @Test
    void theZeroWidthCellOfSeed107IsProvedEmptyIn64DimensionsPadded() {
        assertProvedEmpty(null, 64, "seed 107's cell, 64-D with zeros");
    }

    /** Rotated, the barrier LP's rounding differs (here it proves the cell empty itself): empty either way. */
    @Test
    void theZeroWidthCellOfSeed107IsProvedEmptyIn64DimensionsRotated() {
        assertProvedEmpty(frame(64, 3, new Random(64)), 64, "seed 107's cell, 64-D in a random 3-frame");
    }

    @Test
    void aSlabBetweenTwoOpposedHalfSpacesKeepsItsWitness() {
        // The duplicate's half-space moved 0.3 away: a slab of width 0.3 that meets the rest of the cell.
        double[] offsets = OFFSETS.clone();
        offsets[6] += 0.3;
        try (CellLp cell = cell(null, 3, offsets)) {
            Witness witness = cell.findWitness();
            assertTrue(witness.found(), "the slab has interior: " + witness);
            assertTrue(cell.margin(witness.point()) > TOL.interiorRadius(), "certified margin");
        }
    }

    private static void assertProvedEmpty(double[][] frame, int d, String label) {
        try (CellLp cell = cell(frame, d, OFFSETS)) {
            Witness witness = cell.findWitness();
            assertFalse(witness.found(), label + ": no interior point");
            assertFalse(witness.uncertain(), label + ": decided, not uncertain");
            assertTrue(witness.lpRadius() <= TOL.interiorRadius(), label + ": certified radius " + witness.lpRadius());
        }
    }

    /** The cell in R^d: x = Q y for y in R^3, Q the frame's vectors (zero padding when {@code frame} is null). */
    private static CellLp cell(double[][] frame, int d, double[] offsets) {
        CellLp cell = new CellLp(Ball.of(embed(CENTER, d, frame), RADIUS, Norm.L2), TOL, NORMALS.length);
        for (int e = 0; e < NORMALS.length; e++) {
            double[] w = embed(NORMALS[e], d, frame);
            // push(w, c, |w|, false) holds w.x + c <= 0: the row n . x <= b is w = n, c = -b
            cell.push(w, -offsets[e], frame == null ? 1 : Vectors.norm(w), false, IN_LP[e]);
        }
        return cell;
    }

    private static double[] embed(double[] y, int d, double[][] frame) {
        double[] x = new double[d];
        for (int i = 0; i < y.length; i++) {
            if (frame == null) {
                x[i] = y[i];
            } else {
                for (int j = 0; j < d; j++) {
                    x[j] += frame[i][j] * y[i];
                }
            }
        }
        return x;
    }

    /** {@code k} orthonormal vectors of R^d (Gram-Schmidt on Gaussian vectors). */
    static double[][] frame(int d, int k, Random random) {
        double[][] q = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                q[i][j] = random.nextGaussian();
            }
            for (int p = 0; p < i; p++) {
                double s = Vectors.dot(q[p], q[i]);
                for (int j = 0; j < d; j++) {
                    q[i][j] -= s * q[p][j];
                }
            }
            double n = Vectors.norm(q[i]);
            for (int j = 0; j < d; j++) {
                q[i][j] /= n;
            }
        }
        return q;
    }
}
