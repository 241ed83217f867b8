package io.github.reluregions.solver;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.github.reluregions.domain.Ball;

/** Linear encodings of ball domains in an {@link MPSolver} model, shared by the LPs and the MILP. */
public final class LinearBalls {
    private LinearBalls() {
    }

    /**
     * Adds the L1 ball {@code sum_j |x_j - c_j| + margin * t <= radius} (center from {@code ball}) with split
     * variables {@code x_j - c_j = p_j - q_j}, {@code p, q >= 0}; {@code t} may be null (no margin term).
     */
    public static void addL1Ball(MPSolver solver, MPVariable[] x, Ball ball, double radius, MPVariable t,
            double margin) {
        double inf = MPSolver.infinity();
        MPConstraint total = solver.makeConstraint(-inf, radius, "l1_ball");
        if (t != null) {
            total.setCoefficient(t, margin);
        }
        for (int j = 0; j < x.length; j++) {
            MPVariable p = solver.makeNumVar(0, inf, "p" + j);
            MPVariable q = solver.makeNumVar(0, inf, "q" + j);
            MPConstraint split = solver.makeConstraint(ball.center(j), ball.center(j), "l1_split" + j);
            split.setCoefficient(x[j], 1);
            split.setCoefficient(p, -1);
            split.setCoefficient(q, 1);
            total.setCoefficient(p, 1);
            total.setCoefficient(q, 1);
        }
    }
}
