package io.github.reluregions.compile;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.solver.LinearBalls;
import io.github.reluregions.solver.NativeLibraryException;
import io.github.reluregions.solver.OrTools;
import io.github.reluregions.solver.SolveLimit;

/**
 * The network and domain as a MILP on SCIP (through OR-Tools' {@link MPSolver}), in the big-M form of
 * Serra, Tjandraatmadja and Ramalingam (2018, formulation (1)), with the state of a neuron as its binary.
 *
 * <p>Variables: the inputs {@code x_j}; per hidden neuron its pre-activation {@code z_l_i} (within its
 * bounds); per neuron that the bounds cannot prove stable a binary {@code a_l_i} (1 = on) and its output
 * {@code h_l_i} with {@code h >= z}, {@code h <= z - L (1 - a)}, {@code h <= U a}, {@code h >= 0}, where
 * {@code [L, U]} are propagated (CROWN) bounds tightened by LP ({@link NeuronBounds}). A stably-on neuron
 * passes {@code z} on, a stably-off one nothing. So {@code a = 1} forces {@code z >= 0} and {@code a = 0}
 * forces {@code z <= 0}.
 *
 * <p>The margin: a fixed one, with a certified check after. A region with an interior ball of radius
 * {@code r > tau} has that ball's center at distance above {@code tau} from every first-layer hyperplane
 * and from the domain's boundary, so we require exactly that: {@code z >= tau |w_i|} when on and
 * {@code z <= -tau |w_i|} when off for first-layer neuron {@code i}, and {@code x} at least {@code tau}
 * inside the domain. These are necessary conditions, so no region is cut off, and they exclude the
 * lower-dimensional patterns of duplicated or opposite first-layer neurons. Deeper neurons keep margin 0:
 * their gradient depends on the pattern and may vanish (a neuron whose inputs are all off is constant), so
 * any fixed positive margin there could cut off a region; their patterns without interior are left to the
 * certification. We do not maximise the slack: a feasibility solve stops at the first solution, and the
 * Chebyshev LP that certifies a pattern finds the deepest point anyway.
 *
 * <p>Domains: a box (and an L-infinity ball) as bounds; an L1 ball exactly (split variables); an L2 ball,
 * since this API takes no quadratic constraint, by an outer polyhedron that the search tightens: the
 * bounding box and, up to 4 inputs, the 2^d diagonal cuts, then the tangent cuts the search adds
 * ({@link #addDomainCut}) facing the patterns that certification rejected outside the ball. A solve does not
 * cut off its own point when it lies outside the ball: the pattern goes to certification, which decides it
 * with the sphere exact. (Until 2026-12-07 each solve added a tangent cut at its point and solved again, up
 * to 100 times; in 64 or 784 dimensions SCIP's points sit in the box's corners, some sqrt(d) radii out,
 * where each such cut shaves off little, so a count of 12 regions took minutes.) R^d is refused: big-M
 * constants need a bounded domain.
 *
 * <p>SCIP runs on one thread with feasibility tolerance 1e-9 (default 1e-6, coarser than the margins).
 */
public final class MilpModel extends PatternModel {
    static final String SCIP_PARAMETERS = "numerics/feastol = 1e-9\n";
    private static final long NO_TIME_LIMIT_MS = 1_000_000_000L;
    private static final int DIAGONAL_CUTS_UP_TO_DIMENSION = 4;
    private static final double EPS = Math.ulp(1.0);
    /**
     * A search cut whose unit normal is this close (cosine) to an earlier one's is left out: it would cut off
     * almost nothing more (a cap of height about {@code R (1 - cos)}), and near-parallel dense rows are what
     * SCIP cannot take (the tent map in a 784-D ball, whose cells all face {@code +-u}: ABNORMAL from 9 cuts on).
     */
    private static final double SAME_CUT_COSINE = 1 - 1e-6;

    private final MPSolver solver;
    private final MPVariable[] x;
    private final List<MPVariable> binaryVars = new ArrayList<>();
    private final Ball l2Ball;
    private final double l2Radius;
    private final long boundLps;
    private long solves;
    private long domainCuts;
    /** The cuts {@link #addDomainCut} added: their unit normals and rows. */
    private final List<double[]> cutNormals = new ArrayList<>();
    private final List<MPConstraint> cutRows = new ArrayList<>();
    /** Set once the search cuts were dropped after a solve SCIP could not finish with them. */
    private boolean cutsDropped;
    private volatile boolean interrupted;

    private MilpModel(Network network, InputDomain domain, double tau, SolveLimit limit) {
        super(network, domain);
        OrTools.load();
        solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new NativeLibraryException("OR-Tools could not create the SCIP solver.", null);
        }
        solver.setNumThreads(1);
        if (!solver.setSolverSpecificParametersAsString(SCIP_PARAMETERS)) {
            throw new IllegalStateException("SCIP refused the parameters " + SCIP_PARAMETERS);
        }
        NeuronBounds bounds = NeuronBounds.tightenedByLp(network, domain, limit);
        this.boundLps = bounds.lps();
        this.x = inputVariables(solver, domain, tau, "x");
        if (domain instanceof Ball ball && ball.norm() == Norm.L1) {
            LinearBalls.addL1Ball(solver, x, ball, ball.radius() - tau * Math.sqrt(x.length), null, 0);
        }
        if (domain instanceof Ball ball && ball.norm() == Norm.L2) {
            this.l2Ball = ball;
            this.l2Radius = ball.radius() - tau;
            addDiagonalCuts();
        } else {
            this.l2Ball = null;
            this.l2Radius = Double.NaN;
        }
        addLayers(bounds, tau);
    }

    /**
     * Compiles {@code network} on {@code domain}.
     *
     * @param interiorRadius the tolerance {@code tau}: patterns whose regions hold a ball of radius above it
     *     stay feasible
     * @param limit when to stop tightening the neuron bounds by LP (the rest keep their propagated bounds)
     * @throws InvalidInputException for R^d
     */
    public static MilpModel compile(Network network, InputDomain domain, double interiorRadius, SolveLimit limit) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        requireBounded(domain, ModelKind.MILP);
        domain.requireDimension(network.inputDimension());
        return new MilpModel(network, domain, interiorRadius, limit);
    }

    static void requireBounded(InputDomain domain, ModelKind kind) {
        if (domain instanceof WholeSpace) {
            throw new InvalidInputException("The " + kind.label() + " engine counts in a bounded domain only: its model "
                    + "needs bounds on every input.",
                    "Maybe give a box (e.g. --box=-10:10) or a ball, or use --engine=lp, which counts in all of R^d.");
        }
    }

    /**
     * Input variables within the domain's bounding box shrunk by {@code margin} (the Euclidean distance to
     * the domain's boundary that an interior ball's center keeps).
     */
    static MPVariable[] inputVariables(MPSolver solver, InputDomain domain, double margin, String prefix) {
        int d = domain.dimension();
        MPVariable[] vars = new MPVariable[d];
        for (int j = 0; j < d; j++) {
            double lo;
            double hi;
            if (domain instanceof Box box) {
                lo = box.lower(j) + margin;
                hi = box.upper(j) - margin;
            } else {
                Ball ball = (Ball) domain;
                double reach = ball.radius() - (ball.norm() == Norm.L1 ? margin * Math.sqrt(d) : margin);
                lo = ball.center(j) - reach;
                hi = ball.center(j) + reach;
            }
            vars[j] = solver.makeNumVar(lo, Math.max(lo, hi), prefix + j);
            if (hi < lo) {
                // The domain holds no ball of this radius: nothing is feasible.
                MPConstraint none = solver.makeConstraint(1, 1, "no_interior_" + j);
                none.setCoefficient(vars[j], 0);
            }
        }
        return vars;
    }

    private void addDiagonalCuts() {
        int d = x.length;
        if (d < 2 || d > DIAGONAL_CUTS_UP_TO_DIMENSION) {
            return;
        }
        for (int signs = 0; signs < (1 << d); signs++) {
            double[] normal = new double[d];
            for (int j = 0; j < d; j++) {
                normal[j] = ((signs >> j) & 1) == 1 ? -1 / Math.sqrt(d) : 1 / Math.sqrt(d);
            }
            addBallCut(normal, "l2_diagonal" + signs);
        }
    }

    /**
     * {@code normal . (x - c) <= R - tau} for a unit {@code normal}: a tangent of the shrunk ball, its offset
     * raised by a bound on the rounding of {@code normal} and of the sum (so it only ever loosens).
     */
    private MPConstraint addBallCut(double[] normal, String name) {
        double offset = l2Radius;
        double size = Math.abs(l2Radius);
        for (int j = 0; j < x.length; j++) {
            offset += normal[j] * l2Ball.center(j);
            size += Math.abs(normal[j] * l2Ball.center(j));
        }
        offset += 4 * (x.length + 1) * EPS * size;
        MPConstraint cut = solver.makeConstraint(-MPSolver.infinity(), offset, name);
        for (int j = 0; j < x.length; j++) {
            cut.setCoefficient(x[j], normal[j]);
        }
        return cut;
    }

    private void addLayers(NeuronBounds bounds, double tau) {
        double inf = MPSolver.infinity();
        MPVariable[] inputs = x;
        int global = 0;
        for (int l = 0; l < network().hiddenLayerCount(); l++) {
            Layer layer = network().hiddenLayer(l);
            MPVariable[] outputs = new MPVariable[layer.outputSize()];
            for (int i = 0; i < layer.outputSize(); i++, global++) {
                double lo = bounds.lower(l, i);
                double hi = bounds.upper(l, i);
                String label = l + "_" + i;
                MPVariable z = solver.makeNumVar(lo, hi, "z_" + label);
                MPConstraint affine = solver.makeConstraint(layer.bias(i), layer.bias(i), "affine_" + label);
                affine.setCoefficient(z, 1);
                for (int k = 0; k < inputs.length; k++) {
                    if (inputs[k] != null) {
                        affine.setCoefficient(inputs[k], -layer.weight(i, k));
                    }
                }
                if (bounds.stablyOn(l, i)) {
                    fixState(global, true);
                    outputs[i] = z;
                    continue;
                }
                if (bounds.stablyOff(l, i)) {
                    fixState(global, false);
                    continue;
                }
                MPVariable a = solver.makeBoolVar("a_" + label);
                MPVariable h = solver.makeNumVar(0, hi, "h_" + label);
                MPConstraint above = solver.makeConstraint(0, inf, "relu_above_" + label);
                above.setCoefficient(h, 1);
                above.setCoefficient(z, -1);
                MPConstraint onCap = solver.makeConstraint(-inf, -lo, "relu_on_" + label);
                onCap.setCoefficient(h, 1);
                onCap.setCoefficient(z, -1);
                onCap.setCoefficient(a, -lo);
                MPConstraint offCap = solver.makeConstraint(-inf, 0, "relu_off_" + label);
                offCap.setCoefficient(h, 1);
                offCap.setCoefficient(a, -hi);
                if (l == 0) {
                    double margin = tau * rowNorm(layer, i);
                    MPConstraint onMargin = solver.makeConstraint(lo, inf, "margin_on_" + label);
                    onMargin.setCoefficient(z, 1);
                    onMargin.setCoefficient(a, -(margin - lo));
                    MPConstraint offMargin = solver.makeConstraint(-inf, -margin, "margin_off_" + label);
                    offMargin.setCoefficient(z, 1);
                    offMargin.setCoefficient(a, -(hi + margin));
                }
                addBinary(new NeuronRef(l, i, global));
                binaryVars.add(a);
                outputs[i] = h;
            }
            inputs = outputs;
        }
    }

    private static double rowNorm(Layer layer, int i) {
        double sum = 0;
        for (int j = 0; j < layer.inputSize(); j++) {
            sum += layer.weight(i, j) * layer.weight(i, j);
        }
        return Math.sqrt(sum);
    }

    @Override
    public String solverName() {
        return "SCIP";
    }

    @Override
    public void addLinearConstraint(int[] binaryIndices, long[] coefficients, long lo, long hi) {
        MPConstraint row = solver.makeConstraint(lo, hi);
        for (int k = 0; k < binaryIndices.length; k++) {
            MPVariable a = binaryVars.get(binaryIndices[k]);
            row.setCoefficient(a, row.getCoefficient(a) + coefficients[k]);
        }
    }

    @Override
    public void addParity(int[] binaryIndices, boolean odd) {
        // sum_k b_k - 2 y = odd ? 1 : 0 with y integer.
        MPVariable y = solver.makeIntVar(0, binaryIndices.length / 2 + 1, "parity" + solver.numVariables());
        MPConstraint row = solver.makeConstraint(odd ? 1 : 0, odd ? 1 : 0);
        for (int index : binaryIndices) {
            MPVariable a = binaryVars.get(index);
            row.setCoefficient(a, row.getCoefficient(a) + 1);
        }
        row.setCoefficient(y, -2);
    }

    @Override
    public PatternSolution solve(int[] fixing, double timeLimitSeconds) {
        for (int k = 0; k < binaryVars.size(); k++) {
            int value = fixing == null ? FREE : fixing[k];
            binaryVars.get(k).setBounds(value == FREE ? 0 : value, value == FREE ? 1 : value);
        }
        long deadline = Double.isFinite(timeLimitSeconds) ? System.nanoTime() + (long) (timeLimitSeconds * 1e9)
                : Long.MAX_VALUE;
        MPSolver.ResultStatus status = timedSolve(deadline);
        if (failed(status, deadline) && !cutRows.isEmpty()) {
            // The cuts only tighten a relaxation: the model without them is still one. SCIP's failures seen with
            // them (ABNORMAL) came from cuts parallel to neuron rows that touch the sphere (the tent map along u
            // in a ball where u.x spans exactly (0, 1)); without them, and re-extracted, it solves those parts.
            dropCuts();
            status = timedSolve(deadline);
        }
        if (status == null) {
            return PatternSolution.of(PatternSolution.Status.STOPPED);
        }
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
            return PatternSolution.of(PatternSolution.Status.NONE);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return PatternSolution.of(stopped(status, deadline) ? PatternSolution.Status.STOPPED
                    : PatternSolution.Status.FAILED);
        }
        boolean[] values = new boolean[binaryVars.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = binaryVars.get(k).solutionValue() > 0.5;
        }
        double[] point = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            point[j] = x[j].solutionValue();
        }
        return new PatternSolution(PatternSolution.Status.FOUND, values, point);
    }

    /** One SCIP solve within what is left before {@code deadline}; null, without a solve, once stopped. */
    private MPSolver.ResultStatus timedSolve(long deadline) {
        if (interrupted || System.nanoTime() - deadline > 0) {
            return null;
        }
        solver.setTimeLimit(deadline == Long.MAX_VALUE ? NO_TIME_LIMIT_MS
                : Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        solves++;
        return solver.solve();
    }

    /** True when {@code status} is SCIP's "not solved" of a solve that was interrupted or ran out of time. */
    private boolean stopped(MPSolver.ResultStatus status, long deadline) {
        return status == MPSolver.ResultStatus.NOT_SOLVED && (interrupted || System.nanoTime() - deadline > 0);
    }

    /** True when {@code status} is no answer and the solve was not stopped. */
    private boolean failed(MPSolver.ResultStatus status, long deadline) {
        return status != null && status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE
                && status != MPSolver.ResultStatus.INFEASIBLE && !stopped(status, deadline);
    }

    /**
     * Makes every search cut an empty row ({@code -inf <= 0 <= inf}), takes no more, and has SCIP's model
     * built again from scratch at the next solve (changed rows alone did not end the failures).
     */
    private void dropCuts() {
        for (MPConstraint row : cutRows) {
            for (MPVariable v : x) {
                row.setCoefficient(v, 0);
            }
            row.setBounds(-MPSolver.infinity(), MPSolver.infinity());
        }
        cutRows.clear();
        cutNormals.clear();
        cutsDropped = true;
        solver.reset();
    }

    @Override
    public boolean takesDomainCuts() {
        return l2Ball != null && !cutsDropped;
    }

    @Override
    public void addDomainCut(double[] outerNormal) {
        if (!takesDomainCuts()) {
            return;
        }
        double length = Vectors.norm(outerNormal);
        if (!(length > 0 && Double.isFinite(length))) {
            return;
        }
        double[] unit = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            unit[j] = outerNormal[j] / length;
        }
        for (double[] earlier : cutNormals) {
            if (Vectors.dot(unit, earlier) > SAME_CUT_COSINE) {
                return;
            }
        }
        cutNormals.add(unit);
        cutRows.add(addBallCut(unit, "l2_cut" + domainCuts));
        domainCuts++;
    }

    @Override
    public void interrupt() {
        interrupted = true;
        solver.interruptSolve();
    }

    @Override
    public long solveCount() {
        return solves;
    }

    @Override
    public long domainCuts() {
        return domainCuts;
    }

    @Override
    public long boundLps() {
        return boundLps;
    }

    @Override
    public String arithmetic() {
        return "floating-point";
    }

    @Override
    public Double latticeSpacing() {
        return null;
    }

    @Override
    public Double relaxation() {
        return null;
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.MPS, ModelFormat.LP);
    }

    @Override
    public void write(Path file, ModelFormat format) {
        for (MPVariable a : binaryVars) {
            a.setBounds(0, 1);
        }
        String text;
        if (format == ModelFormat.MPS) {
            text = LinearModelText.mps(solver.exportModelToProto());
        } else if (format == ModelFormat.LP) {
            text = LinearModelText.lp(solver.exportModelToProto());
        } else {
            throw new IllegalArgumentException("A SCIP model is written as MPS or LP, not " + format);
        }
        writeText(file, text);
    }

    @Override
    public void close() {
        solver.delete();
    }
}
