package io.github.reluregions.compile;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.sat.SatParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.solver.OrTools;

/**
 * The network and domain as a CP-SAT model in integers ({@link IntegerPlan}): the inputs on a lattice
 * fine enough that every region with an interior ball above the tolerance holds a lattice point; per
 * hidden neuron its integer pre-activation {@code z_l_i}; per neuron not proved stable a Boolean
 * {@code a_l_i} with, when on, {@code z >= onLo} and {@code h_l_i = z}, and when off, {@code z <= offHi}
 * and {@code h_l_i = 0} (enforcement literals, no big-M). Where the weights, biases and domain are dyadic
 * rationals with a small denominator the integers are exact; elsewhere the conditions are widened by a
 * proven error bound, so the model stays a relaxation and every pattern it returns is certified by the
 * caller.
 *
 * <p>Domains: a box (and an L-infinity ball) as the lattice's bounds; an L1 ball with absolute values;
 * an L2 ball exactly, as a sum of squares ({@code q_j = d_j * d_j}) of the lattice offsets from the
 * rounded center, widened by the rounding — while the squares fit in 62 bits; beyond, its bounding box
 * (the certification then decides).
 *
 * <p>Each solve runs on one worker (the machine is shared, and one worker never reports a solution twice)
 * with {@code linearization_level: 2}, the quick-restart portfolio and, in relaxed mode, no presolve, the fastest settings
 * measured here.
 * Fixings are written into the binaries' domains for the solve.
 */
public final class CpSatModel extends PatternModel {
    /** The finest precision of relaxed mode, in bits; {@link #compile(Network, InputDomain, double)} uses it. */
    public static final int FINEST_PRECISION = IntegerPlan.FINEST_BITS;
    private static final BigDecimal SQUARE_LIMIT = BigDecimal.valueOf(2).pow(30);

    private final IntegerPlan plan;
    private final CpModel model = new CpModel();
    private final IntVar[] x;
    private final List<BoolVar> binaryVars = new ArrayList<>();
    private long solves;
    private volatile CpSolver running;
    private volatile boolean interrupted;

    private CpSatModel(Network network, InputDomain domain, double tau, int precisionBits) {
        super(network, domain);
        OrTools.load();
        this.plan = IntegerPlan.of(network, domain, tau, NeuronBounds.propagated(network, domain), precisionBits);
        int d = network.inputDimension();
        x = new IntVar[d];
        for (int j = 0; j < d; j++) {
            x[j] = model.newIntVar(plan.xLo[j], Math.max(plan.xLo[j], plan.xHi[j]), "x" + j);
            if (plan.xHi[j] < plan.xLo[j]) {
                model.addBoolOr(new Literal[0]); // no lattice point inside: nothing is feasible
            }
        }
        if (domain instanceof Ball ball && ball.norm() != Norm.LINF) {
            addBall(ball);
        }
        addLayers();
    }

    /**
     * Compiles {@code network} on {@code domain}.
     *
     * @param interiorRadius the tolerance {@code tau}: patterns whose regions hold a ball of radius above it
     *     stay feasible
     * @throws io.github.reluregions.InvalidInputException for R^d, or when the lattice or a layer does not fit
     *     in 64-bit integers
     */
    public static CpSatModel compile(Network network, InputDomain domain, double interiorRadius) {
        return compile(network, domain, interiorRadius, FINEST_PRECISION);
    }

    /**
     * Compiles {@code network} on {@code domain}, in relaxed mode at {@code precisionBits} bits (1 to
     * {@link #FINEST_PRECISION}): about 2^bits lattice steps across the domain's half-width and 2^bits
     * steps of each layer's largest weight. Coarser is faster per solve but lets more patterns without
     * interior through to certification. Exact mode ignores it.
     */
    public static CpSatModel compile(Network network, InputDomain domain, double interiorRadius, int precisionBits) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        MilpModel.requireBounded(domain, ModelKind.CPSAT);
        domain.requireDimension(network.inputDimension());
        return new CpSatModel(network, domain, interiorRadius, precisionBits);
    }

    /** Adds an L1 or L2 ball on the lattice; an L2 ball whose squares would not fit keeps its bounding box only. */
    private void addBall(Ball ball) {
        int d = x.length;
        BigDecimal s = plan.latticeScale;
        IntVar[] offsets = new IntVar[d];
        long largest = 0;
        for (int j = 0; j < d; j++) {
            long center = s.multiply(new BigDecimal(ball.center(j))).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            long lo = x[j].getDomain().min() - center;
            long hi = x[j].getDomain().max() - center;
            largest = Math.max(largest, Math.max(Math.abs(lo), Math.abs(hi)));
            offsets[j] = model.newIntVar(lo, hi, "d" + j);
            model.addEquality(LinearExpr.newBuilder().add(offsets[j]).addTerm(x[j], -1).add(center).build(), 0);
        }
        // |x - c| <= R + grow becomes |X - round(S c)| <= S (R + grow) + |S c - round(S c)|, plus one step of slack.
        if (ball.norm() == Norm.L1) {
            double reach = ball.radius() + plan.domainGrow * Math.sqrt(d);
            long limit = s.multiply(new BigDecimal(reach)).add(BigDecimal.valueOf(d)).setScale(0, RoundingMode.FLOOR)
                    .longValueExact() + 1;
            LinearExprBuilder sum = LinearExpr.newBuilder();
            for (int j = 0; j < d; j++) {
                IntVar size = model.newIntVar(0, Math.max(Math.abs(offsets[j].getDomain().min()),
                        Math.abs(offsets[j].getDomain().max())), "abs_d" + j);
                model.addAbsEquality(size, offsets[j]);
                sum.add(size);
            }
            model.addLessOrEqual(sum, limit);
            return;
        }
        if (BigDecimal.valueOf(largest).compareTo(SQUARE_LIMIT) > 0) {
            return;
        }
        BigDecimal reach = s.multiply(new BigDecimal(ball.radius() + plan.domainGrow)).add(BigDecimal.valueOf(Math.sqrt(d)))
                .add(BigDecimal.ONE);
        long limit = reach.multiply(reach).setScale(0, RoundingMode.FLOOR).longValueExact();
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int j = 0; j < d; j++) {
            IntVar square = model.newIntVar(0, largest * largest, "sq_d" + j);
            model.addMultiplicationEquality(square, offsets[j], offsets[j]);
            sum.add(square);
        }
        model.addLessOrEqual(sum, limit);
    }

    private void addLayers() {
        IntVar[] inputs = x;
        int global = 0;
        for (int l = 0; l < plan.layers.length; l++) {
            IntegerPlan.LayerPlan layer = plan.layers[l];
            if (layer.shift > 0) {
                inputs = shifted(inputs, layer, l);
            }
            IntVar[] outputs = new IntVar[layer.state.length];
            BoolVar[] layerBinaries = new BoolVar[layer.state.length];
            for (int i = 0; i < layer.state.length; i++, global++) {
                String label = l + "_" + i;
                LinearExprBuilder affine = LinearExpr.newBuilder();
                for (int k = 0; k < inputs.length; k++) {
                    if (inputs[k] != null && layer.weights[i][k] != 0) {
                        affine.addTerm(inputs[k], layer.weights[i][k]);
                    }
                }
                affine.add(layer.bias[i]);
                IntVar z = model.newIntVar(layer.zLo[i], layer.zHi[i], "z_" + label);
                model.addEquality(z, affine);
                if (layer.state[i] > 0) {
                    fixState(global, true);
                    outputs[i] = z;
                    continue;
                }
                if (layer.state[i] < 0) {
                    fixState(global, false);
                    continue;
                }
                BoolVar a = model.newBoolVar("a_" + label);
                IntVar h = model.newIntVar(layer.hLo[i], layer.hHi[i], "h_" + label);
                model.addGreaterOrEqual(z, layer.onLo[i]).onlyEnforceIf(a);
                model.addLessOrEqual(z, layer.offHi[i]).onlyEnforceIf(a.not());
                model.addEquality(h, z).onlyEnforceIf(a);
                model.addEquality(h, 0).onlyEnforceIf(a.not());
                addBinary(new NeuronRef(l, i, global));
                binaryVars.add(a);
                layerBinaries[i] = a;
                outputs[i] = h;
            }
            tieProportionalRows(network().hiddenLayer(l), l, layerBinaries);
            inputs = outputs;
        }
    }

    /**
     * Ties the binaries of neurons whose rows (weights and bias) are proportional by a power of two, so
     * exactly: with a positive factor their pre-activations have the same sign everywhere, so their states
     * are equal; with a negative factor, in the first layer (where a nonzero row is never constant on a
     * region), a region's interior lies on one side of their common hyperplane, so their states are
     * opposite. The patterns this removes have no interior; without the ties every lattice point within
     * the widening of the plane made them candidates to reject.
     */
    private void tieProportionalRows(Layer layer, int l, BoolVar[] layerBinaries) {
        for (int i = 0; i < layerBinaries.length; i++) {
            if (layerBinaries[i] == null) {
                continue;
            }
            for (int j = i + 1; j < layerBinaries.length; j++) {
                if (layerBinaries[j] == null) {
                    continue;
                }
                double factor = exactFactor(layer, i, j);
                if (factor > 0) {
                    model.addEquality(layerBinaries[j], layerBinaries[i]);
                    layerBinaries[j] = null;
                } else if (factor < 0 && l == 0) {
                    model.addEquality(layerBinaries[j], layerBinaries[i].not());
                    layerBinaries[j] = null;
                }
            }
        }
    }

    /** The power of two {@code f} with row j = f row i exactly (bias included), row i nonzero; else 0. */
    private static double exactFactor(Layer layer, int i, int j) {
        double factor = 0;
        for (int k = 0; k < layer.inputSize() && factor == 0; k++) {
            if (layer.weight(i, k) != 0) {
                factor = layer.weight(j, k) / layer.weight(i, k);
            }
        }
        if (factor == 0 || Math.abs(factor) != Math.scalb(1.0, Math.getExponent(factor))) {
            return 0;
        }
        for (int k = 0; k <= layer.inputSize(); k++) {
            double a = k < layer.inputSize() ? layer.weight(i, k) : layer.bias(i);
            double b = k < layer.inputSize() ? layer.weight(j, k) : layer.bias(j);
            if (a * factor != b) {
                return 0;
            }
        }
        return factor;
    }

    /** {@code g_k = floor(in_k / 2^shift)}: {@code in_k = 2^shift g_k + r_k}, {@code 0 <= r_k < 2^shift}. */
    private IntVar[] shifted(IntVar[] inputs, IntegerPlan.LayerPlan layer, int l) {
        long step = 1L << layer.shift;
        IntVar[] result = new IntVar[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == null) {
                continue;
            }
            result[k] = model.newIntVar(layer.inLo[k], layer.inHi[k], "g_" + l + "_" + k);
            IntVar rest = model.newIntVar(0, step - 1, "r_" + l + "_" + k);
            model.addEquality(LinearExpr.newBuilder().addTerm(result[k], step).add(rest).build(), inputs[k]);
        }
        return result;
    }

    @Override
    public String solverName() {
        return "CP-SAT";
    }

    @Override
    public void addLinearConstraint(int[] binaryIndices, long[] coefficients, long lo, long hi) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int k = 0; k < binaryIndices.length; k++) {
            sum.addTerm(binaryVars.get(binaryIndices[k]), coefficients[k]);
        }
        model.addLinearConstraint(sum, lo, hi);
    }

    @Override
    public void addParity(int[] binaryIndices, boolean odd) {
        if (binaryIndices.length == 0) {
            if (odd) {
                model.addBoolOr(new Literal[0]);
            }
            return;
        }
        Literal[] literals = new Literal[binaryIndices.length];
        for (int k = 0; k < literals.length; k++) {
            literals[k] = binaryVars.get(binaryIndices[k]);
        }
        if (!odd) {
            literals[0] = literals[0].not(); // an even number of 1s: flipping one makes it odd
        }
        model.addBoolXor(literals);
    }

    @Override
    public PatternSolution solve(int[] fixing, double timeLimitSeconds) {
        // Fixings as the binaries' domains, not as assumptions: assumptions force a sequential search and a
        // presolve that keeps every solution, and measured up to 100x slower here.
        for (int k = 0; k < binaryVars.size(); k++) {
            int value = fixing == null ? FREE : fixing[k];
            setDomain(k, value == FREE ? 0 : value, value == FREE ? 1 : value);
        }
        if (interrupted) {
            return PatternSolution.of(PatternSolution.Status.STOPPED);
        }
        CpSolver solver = solver(timeLimitSeconds, plan.exact);
        CpSolverStatus status = run(solver);
        if (status == CpSolverStatus.INFEASIBLE) {
            return PatternSolution.of(PatternSolution.Status.NONE);
        }
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT calls the compiled model invalid: " + model.validate());
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            // UNKNOWN comes from a limit: the time limit (whose wall time CP-SAT was seen to stop up to 7%
            // short of) or an interrupt. Without either it is a failure.
            boolean stopped = interrupted || Double.isFinite(timeLimitSeconds);
            return PatternSolution.of(stopped ? PatternSolution.Status.STOPPED : PatternSolution.Status.FAILED);
        }
        boolean[] values = new boolean[binaryVars.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = solver.booleanValue(binaryVars.get(k));
        }
        double[] point = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            point[j] = solver.value(x[j]) / plan.latticeScale.doubleValue();
        }
        return new PatternSolution(PatternSolution.Status.FOUND, values, point);
    }

    /**
     * One worker; linearization level 2 and the quick-restart portfolio, the fastest measured here; no
     * presolve in relaxed mode (exact mode keeps it: its lattice is the fine one, 2^24 and more steps):
     * there it cost more than it saved (the reference case
     * general_position_3d_15, whose 24-bit model does 3,700 solves, took 119 s with it and 39 s without,
     * on a loaded machine).
     */
    private static CpSolver solver(double timeLimitSeconds, boolean presolve) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setLinearizationLevel(2).setCpModelPresolve(presolve)
                .setSearchBranching(SatParameters.SearchBranching.PORTFOLIO_WITH_QUICK_RESTART_SEARCH);
        if (Double.isFinite(timeLimitSeconds)) {
            solver.getParameters().setMaxTimeInSeconds(Math.max(0.001, timeLimitSeconds));
        }
        return solver;
    }

    private CpSolverStatus run(CpSolver solver) {
        running = solver;
        solves++;
        try {
            return solver.solve(model);
        } finally {
            running = null;
        }
    }

    private void setDomain(int binary, long lo, long hi) {
        model.getBuilder().getVariablesBuilder(binaryVars.get(binary).getIndex()).clearDomain().addDomain(lo).addDomain(hi);
    }

    @Override
    public void interrupt() {
        interrupted = true;
        CpSolver solver = running;
        if (solver != null) {
            solver.stopSearch();
        }
    }

    @Override
    public long solveCount() {
        return solves;
    }

    @Override
    public long domainCuts() {
        return 0;
    }

    @Override
    public long boundLps() {
        return 0;
    }

    @Override
    public String arithmetic() {
        return plan.exact ? "exact" : "relaxed";
    }

    @Override
    public Double latticeSpacing() {
        return 1.0 / plan.latticeScale.doubleValue();
    }

    @Override
    public Double relaxation() {
        return plan.relaxation();
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.CPSAT_TEXT);
    }

    @Override
    public void write(Path file, ModelFormat format) {
        if (format != ModelFormat.CPSAT_TEXT) {
            throw new IllegalArgumentException("A CP-SAT model is written as a text proto, not " + format);
        }
        for (int k = 0; k < binaryVars.size(); k++) {
            setDomain(k, 0, 1);
        }
        writeText(file, model.model().toString());
    }

    @Override
    public void close() {
        // CpModel and CpSolver hold no native resources between solves.
    }
}
