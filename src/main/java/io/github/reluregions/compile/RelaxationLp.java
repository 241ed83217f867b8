package io.github.reluregions.compile;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.github.reluregions.solver.NativeLibraryException;
import io.github.reluregions.solver.OrTools;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear relaxation solved by GLOP whose maxima are proved, not taken from GLOP: every variable has finite
 * bounds, and any row weights {@code y} prove {@code c . x <= sum_r sup(y_r [l_r, u_r]) + sum_j
 * sup((c - A^T y)_j [lo_j, hi_j])} (Lagrangian weak duality, for every {@code y}). GLOP's duals only make the
 * bound tight; a wrong sign, a stale basis or a time limit can make it loose, never wrong. The bound is
 * computed in floating point and raised by a bound on its rounding error.
 */
final class RelaxationLp implements AutoCloseable {
    private static final double EPS = Math.ulp(1.0);

    private final MPSolver solver;
    private final List<MPVariable> variables = new ArrayList<>();
    private final List<double[]> variableBounds = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    private record Row(MPConstraint constraint, double lo, double hi, int[] vars, double[] coefficients) {
    }

    RelaxationLp() {
        OrTools.load();
        solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new NativeLibraryException("OR-Tools could not create the GLOP solver.", null);
        }
    }

    /** A new variable in {@code [lo, hi]} (both finite); returns its index. */
    int variable(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("A relaxation's variables need finite bounds, not [" + lo + ", " + hi + "]");
        }
        variables.add(solver.makeNumVar(lo, hi, "v" + variables.size()));
        variableBounds.add(new double[] {lo, hi});
        return variables.size() - 1;
    }

    /** The row {@code lo <= sum coefficients[k] x_{vars[k]} <= hi} (either side may be infinite). */
    void constraint(double lo, double hi, int[] vars, double[] coefficients) {
        MPConstraint constraint = solver.makeConstraint(lo, hi);
        for (int k = 0; k < vars.length; k++) {
            constraint.setCoefficient(variables.get(vars[k]), coefficients[k]);
        }
        rows.add(new Row(constraint, lo, hi, vars.clone(), coefficients.clone()));
    }

    /**
     * A proved upper bound on the maximum of {@code sign * sum_k coefficients[k] x_{vars[k]}} (entries with a
     * negative index are skipped) over the relaxation, from GLOP's duals; GLOP gets {@code secondsLeft} at
     * most. Always finite (with no duals it is the bound of the variables' box alone).
     */
    double certifiedMaximum(int[] vars, double[] coefficients, int sign, double secondsLeft) {
        double[] c = new double[variables.size()];
        MPObjective objective = solver.objective();
        objective.clear();
        for (int k = 0; k < vars.length; k++) {
            if (vars[k] >= 0 && coefficients[k] != 0) {
                c[vars[k]] += sign * coefficients[k];
                objective.setCoefficient(variables.get(vars[k]), sign * coefficients[k]);
            }
        }
        objective.setMaximization();
        if (Double.isFinite(secondsLeft)) {
            solver.setTimeLimit(Math.max(1, (long) (secondsLeft * 1000)));
        }
        MPSolver.ResultStatus status = solver.solve();
        double[] y = new double[rows.size()];
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (int r = 0; r < y.length; r++) {
                double dual = rows.get(r).constraint().dualValue();
                y[r] = Double.isFinite(dual) ? dual : 0;
            }
        }
        // Whatever sign convention the duals follow, both y and -y prove a bound: the smaller one stands.
        double bound = lagrangianBound(c, y, 1);
        return Math.min(bound, lagrangianBound(c, y, -1));
    }

    /** The bound {@code sum_r sup(w_r [l_r, u_r]) + sum_j sup((c - A^T w)_j [lo_j, hi_j])} for {@code w = sign y}, rounding included. */
    private double lagrangianBound(double[] c, double[] y, int sign) {
        double[] reduced = c.clone();
        double magnitude = 0;
        double total = 0;
        int longest = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double w = sign * y[r];
            // A weight whose side of the row is unbounded proves nothing: leave the row out.
            if (w > 0 && row.hi() == Double.POSITIVE_INFINITY || w < 0 && row.lo() == Double.NEGATIVE_INFINITY || w == 0) {
                continue;
            }
            double side = w > 0 ? w * row.hi() : w * row.lo();
            total += side;
            magnitude += Math.abs(side);
            longest = Math.max(longest, row.vars().length);
            for (int k = 0; k < row.vars().length; k++) {
                int j = row.vars()[k];
                double term = w * row.coefficients()[k];
                reduced[j] -= term;
                double[] b = variableBounds.get(j);
                magnitude += Math.abs(term) * Math.max(Math.abs(b[0]), Math.abs(b[1]));
            }
        }
        for (int j = 0; j < reduced.length; j++) {
            double[] b = variableBounds.get(j);
            double part = reduced[j] > 0 ? reduced[j] * b[1] : reduced[j] * b[0];
            total += part;
            magnitude += Math.abs(part);
        }
        double terms = rows.size() + reduced.length + longest + 4;
        return total + terms * EPS * magnitude + Double.MIN_NORMAL;
    }

    @Override
    public void close() {
        solver.delete();
    }
}
