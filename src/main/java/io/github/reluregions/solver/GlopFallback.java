package io.github.reluregions.solver;

import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;

/**
 * A Chebyshev LP that a Java solver could not settle, solved once on GLOP in a model built for it: the
 * Java solvers' fallback. Its rows' weights come back in the caller's slots.
 */
final class GlopFallback {
    private GlopFallback() {
    }

    /**
     * Solves the LP of {@code domain} with the active rows {@code first <= i < end} of {@code a, b} (slot
     * {@code i - first}). In all of R^d, {@code extent} is the half-side of the caller's stand-in box.
     */
    static ChebyshevLp.Solution solve(InputDomain domain, double radiusCap, double extent, double[][] a, double[] b,
            boolean[] active, int first, int end, java.util.function.DoubleSupplier secondsLeft) {
        ChebyshevLp.Solution solution = solveIn(domain, radiusCap, a, b, active, first, end, secondsLeft);
        if (solution.status() != ChebyshevLp.Status.FAILED || !(domain instanceof WholeSpace)) {
            return solution;
        }
        // GLOP, built from scratch with free variables, calls some unbounded cells UNBOUNDED (the objective
        // is capped, so it is not), yet solves them in a large box. The box's optimum is the optimum in R^d
        // when it reaches the cap (no radius is larger) or when no side of the box touches its ball.
        double side = 100 * extent;
        ChebyshevLp.Solution boxed = solveIn(Box.cube(domain.dimension(), -side, side), radiusCap, a, b, active,
                first, end, secondsLeft);
        if (boxed.status() == ChebyshevLp.Status.OPTIMAL) {
            double reach = 0;
            for (double coordinate : boxed.center()) {
                reach = Math.max(reach, Math.abs(coordinate));
            }
            if (boxed.radius() >= radiusCap * (1 - 1e-9) || reach + Math.max(boxed.radius(), 0) < side * (1 - 1e-9)) {
                return boxed;
            }
            // A wedge that widens beyond the box (seen: radius 0.008 at the box's side, the cap far out):
            // no optimum, but the box's center is a point of the cell for the caller to certify.
            return new ChebyshevLp.Solution(ChebyshevLp.Status.FAILED, Double.NaN, boxed.center(), null);
        }
        return solution;
    }

    private static ChebyshevLp.Solution solveIn(InputDomain glopDomain, double radiusCap, double[][] a, double[] b,
            boolean[] active, int first, int end, java.util.function.DoubleSupplier secondsLeft) {
        try (GlopChebyshevLp glop = new GlopChebyshevLp(glopDomain, radiusCap)) {
            glop.stopWhen(new SolveLimit(() -> false, secondsLeft));
            int[] slotOf = new int[end - first];
            int count = 0;
            for (int i = first; i < end; i++) {
                if (active[i]) {
                    glop.addRow(a[i], b[i]);
                    slotOf[count++] = i - first;
                }
            }
            ChebyshevLp.Solution solution = glop.solve();
            if (solution.weights() == null) {
                return solution;
            }
            double[] weights = new double[end - first];
            for (int k = 0; k < count && k < solution.weights().length; k++) {
                weights[slotOf[k]] = solution.weights()[k];
            }
            return new ChebyshevLp.Solution(solution.status(), solution.radius(), solution.center(), weights);
        }
    }
}
