package io.github.reluregions.solver;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@link ChebyshevLp} on OR-Tools' GLOP through one reused {@link MPSolver}: rows live in slots that are
 * rewritten in place, so a search re-solves one model (about 50 us per solve on 4-6 inputs, against
 * 120-200 us for a model built afresh). The domain is encoded exactly where it is linear: a box (and an
 * L-infinity ball) as {@code x_j + t <= hi_j}, {@code -x_j + t <= -lo_j}; an L1 ball with split variables
 * {@code x - c = p - q}, {@code sum(p + q) + sqrt(d) t <= R}; an L2 ball by tangent cuts added through
 * {@link #addDomainCut} (starting from the 2d axis cuts), the exact check being the caller's.
 */
public final class GlopChebyshevLp implements ChebyshevLp {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final MPSolver solver;
    private final MPSolverParameters parameters;
    private final MPSolverParameters unscaled;
    private final MPVariable[] x;
    private final MPVariable t;
    private final List<MPConstraint> slots = new ArrayList<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private SolveLimit limit = SolveLimit.NONE;
    private long solves;

    /**
     * @param domain the input domain
     * @param radiusCap the largest radius the LP may report (keeps it bounded in unbounded domains)
     */
    public GlopChebyshevLp(InputDomain domain, double radiusCap) {
        OrTools.load();
        solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new NativeLibraryException("OR-Tools could not create the GLOP solver.", null);
        }
        parameters = new MPSolverParameters();
        // GLOP's presolve is wasted on LPs this small, and it declares some of them ABNORMAL (seen on a
        // 2-input, 10-row Chebyshev LP that solves to optimality without it).
        parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        unscaled = new MPSolverParameters();
        unscaled.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        unscaled.setIntegerParam(MPSolverParameters.IntegerParam.SCALING,
                MPSolverParameters.ScalingValues.SCALING_OFF.swigValue());
        int d = domain.dimension();
        x = new MPVariable[d];
        for (int j = 0; j < d; j++) {
            x[j] = solver.makeNumVar(-INF, INF, "x" + j);
        }
        t = solver.makeNumVar(-INF, radiusCap, "t");
        solver.objective().setCoefficient(t, 1.0);
        solver.objective().setMaximization();
        encodeDomain(domain);
    }

    private void encodeDomain(InputDomain domain) {
        int d = x.length;
        if (domain instanceof Box box) {
            for (int j = 0; j < d; j++) {
                addAxisRow(j, +1, box.upper(j));
                addAxisRow(j, -1, -box.lower(j));
            }
        } else if (domain instanceof Ball ball && ball.norm() == Norm.L1) {
            LinearBalls.addL1Ball(solver, x, ball, ball.radius(), t, Math.sqrt(d));
        } else if (domain instanceof Ball ball) {
            // L-infinity: exactly these rows. L2: these are the first 2d tangent cuts of the ball.
            for (int j = 0; j < d; j++) {
                addAxisRow(j, +1, ball.center(j) + ball.radius());
                addAxisRow(j, -1, -(ball.center(j) - ball.radius()));
            }
        } else if (!(domain instanceof WholeSpace)) {
            throw new IllegalArgumentException("Unknown domain " + domain);
        }
    }

    private void addAxisRow(int j, double sign, double offset) {
        MPConstraint row = solver.makeConstraint(-INF, offset);
        row.setCoefficient(x[j], sign);
        row.setCoefficient(t, 1.0);
    }

    @Override
    public int addRow(double[] normal, double offset) {
        int slot;
        MPConstraint row;
        if (freeSlots.isEmpty()) {
            slot = slots.size();
            row = solver.makeConstraint(-INF, INF);
            row.setCoefficient(t, 1.0);
            slots.add(row);
        } else {
            slot = freeSlots.pop();
            row = slots.get(slot);
        }
        for (int j = 0; j < x.length; j++) {
            row.setCoefficient(x[j], normal[j]);
        }
        row.setBounds(-INF, offset);
        return slot;
    }

    @Override
    public void removeRow(int slot) {
        slots.get(slot).setBounds(-INF, INF);
        freeSlots.push(slot);
    }

    @Override
    public boolean addDomainCut(double[] normal, double offset) {
        MPConstraint row = solver.makeConstraint(-INF, offset);
        for (int j = 0; j < x.length; j++) {
            row.setCoefficient(x[j], normal[j]);
        }
        row.setCoefficient(t, 1.0);
        return true;
    }

    @Override
    public Solution solve() {
        solves++;
        if (limit.reached()) {
            return Solution.failed();
        }
        double left = limit.secondsLeft().getAsDouble();
        if (Double.isFinite(left)) {
            solver.setTimeLimit(Math.max(1, (long) (left * 1000)));
        }
        MPSolver.ResultStatus status = solver.solve(parameters);
        if (status != MPSolver.ResultStatus.OPTIMAL && !(limit.secondsLeft().getAsDouble() > 0)) {
            return Solution.failed(); // out of time: no retries
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            // A warm start can leave GLOP in numerical trouble: ABNORMAL, or INFEASIBLE, which this LP never is
            // (t is free below). Seen: INFEASIBLE after a tangent cut of a 64-D L2 ball, on a cell holding a ball
            // of radius 0.038; taken as "empty", it lost half the regions of the ball. Solve again from scratch.
            solver.reset();
            solves++;
            status = solver.solve(parameters);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            // Still ABNORMAL from scratch: seen on 64-input LPs (the digits network in small L-infinity balls),
            // where GLOP's scaling is what fails: the same LP solves to optimality unscaled. (Presolve on is no
            // way out: it called some of these LPs infeasible, and they never are, t being free below.)
            solver.reset();
            solves++;
            status = solver.solve(unscaled);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            return Solution.failed();
        }
        double[] center = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            center[j] = x[j].solutionValue();
        }
        // The rows' duals, as weights for the caller's certificate (any sign error only weakens it).
        double[] weights = new double[slots.size()];
        for (int slot = 0; slot < weights.length; slot++) {
            weights[slot] = Math.abs(slots.get(slot).dualValue());
        }
        for (int slot : freeSlots) {
            weights[slot] = 0;
        }
        return new Solution(Status.OPTIMAL, t.solutionValue(), center, weights);
    }

    /** GLOP cannot be asked mid-solve: it gets the seconds left as its time limit, and gives up past it. */
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
        solver.delete();
    }
}
