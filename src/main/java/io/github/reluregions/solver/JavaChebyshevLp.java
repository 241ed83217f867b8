package io.github.reluregions.solver;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import java.util.Arrays;

/** What the Chebyshev LPs solved in Java share: their solve limit, their solve count, nothing native to close. */
abstract class JavaChebyshevLp implements ChebyshevLp {
    /**
     * Half the side of the box that stands in for all of R^d in the box LPs: the simplex needs a bounded
     * start. An answer that leans on this box is not taken (it goes to GLOP).
     */
    static final double WHOLE_SPACE_EXTENT = 1e4;

    /** When a running solve gives up; checked every few iterations. */
    protected SolveLimit limit = SolveLimit.NONE;
    protected long solves;

    @Override
    public void stopWhen(SolveLimit limit) {
        this.limit = limit;
    }

    @Override
    public long solveCount() {
        return solves;
    }

    @Override
    public void close() {
        // nothing native to release
    }

    /** True when {@code domain} is a box, an L-infinity ball or all of R^d: a box to the box LPs. */
    static boolean isBoxLike(InputDomain domain) {
        return domain instanceof Box || domain instanceof Ball ball && ball.norm() == Norm.LINF
                || domain instanceof WholeSpace;
    }

    /** Fills the sides of {@code domain} as a box: its own, the L-infinity ball's, or the stand-in box of R^d. */
    static void boxSides(InputDomain domain, double[] lower, double[] upper) {
        for (int j = 0; j < lower.length; j++) {
            if (domain instanceof WholeSpace) {
                lower[j] = -WHOLE_SPACE_EXTENT;
                upper[j] = WHOLE_SPACE_EXTENT;
            } else if (domain instanceof Box box) {
                lower[j] = box.lower(j);
                upper[j] = box.upper(j);
            } else {
                Ball ball = (Ball) domain;
                lower[j] = ball.center(j) - ball.radius();
                upper[j] = ball.center(j) + ball.radius();
            }
        }
    }

    /**
     * Inverts the {@code n x n} {@code matrix} into {@code inverse} by Gauss-Jordan with partial pivoting
     * ({@code matrix} is used up); false when a pivot falls below 1e-12.
     */
    static boolean invert(double[][] matrix, double[][] inverse, int n) {
        for (int i = 0; i < n; i++) {
            Arrays.fill(inverse[i], 0);
            inverse[i][i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(matrix[r][col]) > Math.abs(matrix[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(matrix[pivot][col]) < 1e-12) {
                return false;
            }
            double[] swap = matrix[col];
            matrix[col] = matrix[pivot];
            matrix[pivot] = swap;
            swap = inverse[col];
            inverse[col] = inverse[pivot];
            inverse[pivot] = swap;
            double p = matrix[col][col];
            for (int j = 0; j < n; j++) {
                matrix[col][j] /= p;
                inverse[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && matrix[r][col] != 0) {
                    double f = matrix[r][col];
                    Vectors.addScaled(matrix[r], -f, matrix[col], n);
                    Vectors.addScaled(inverse[r], -f, inverse[col], n);
                }
            }
        }
        return true;
    }
}
