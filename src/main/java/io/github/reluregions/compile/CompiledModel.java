package io.github.reluregions.compile;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

import java.nio.file.Path;
import java.util.List;

/**
 * A network and its domain compiled into a solver model: one binary per hidden neuron that bound
 * propagation cannot prove stable, the other neurons' states fixed. Every activation pattern whose
 * region has an interior ball of radius above the tolerance the model was compiled with is feasible in
 * it; a feasible pattern need not have such a ball (the model is a relaxation), so callers certify what
 * {@link #solve} returns before counting it.
 *
 * <p>What a caller can do: (a) add constraints over the binaries ({@link #addLinearConstraint},
 * {@link #addParity}), which stay for every later solve; (b) ask for a pattern, with some binaries fixed
 * for that solve only ({@link #solve}). Enumerating with certification is the engine's job
 * ({@code count.model.ModelSearch}). Not thread-safe, except {@link #interrupt}.
 */
public interface CompiledModel extends AutoCloseable {
    /** In a fixing: the binary is free. */
    int FREE = -1;

    /** The solver: {@code SCIP} or {@code CP-SAT}. */
    String solverName();

    /** The network compiled (in the coordinates of the domain below). */
    Network network();

    /** The domain compiled. */
    InputDomain domain();

    /** The neurons with a binary, in layer order; binary {@code k} of every array here is neuron {@code binaries().get(k)}. */
    List<NeuronRef> binaries();

    /** Hidden neurons without a binary: proved stable over the domain. */
    int stableNeurons();

    /**
     * The full activation pattern (one entry per hidden neuron, layer by layer) that the binaries' values
     * {@code values} stand for: the stable neurons take their fixed state.
     */
    boolean[] fullPattern(boolean[] values);

    /** Adds {@code lo <= sum_k coefficients[k] * b[binaries[k]] <= hi} for every later solve. */
    void addLinearConstraint(int[] binaries, long[] coefficients, long lo, long hi);

    /** Adds "the number of the given binaries that are 1 is odd" ({@code odd}) or even, for every later solve. */
    void addParity(int[] binaries, boolean odd);

    /**
     * Looks for a pattern satisfying the model with {@code fixing[k]} ({@link #FREE}, 0 or 1) imposed on
     * binary {@code k} for this solve only.
     *
     * @param timeLimitSeconds how long the solve may take; infinite for no limit
     */
    PatternSolution solve(int[] fixing, double timeLimitSeconds);

    /**
     * True when the model carries its domain by an outer approximation that {@link #addDomainCut} tightens
     * (SCIP's L2 ball); its solutions' points may then lie outside the domain.
     */
    default boolean takesDomainCuts() {
        return false;
    }

    /**
     * Adds, for every later solve, the half-space {@code u . (x - c) <= R - tau} (u = {@code outerNormal} made
     * a unit vector): a tangent of the domain's ball shrunk by the margin {@code tau}, which holds every
     * point the model must keep (the center of a ball of radius above {@code tau} inside the domain), so
     * no region is cut off whatever {@code outerNormal} is. Callers aim it at the patterns they found outside
     * the domain. A model that does not {@link #takesDomainCuts take domain cuts} ignores it.
     */
    default void addDomainCut(double[] outerNormal) {
    }

    /** Asks a running {@link #solve} to stop soon (it then reports {@code STOPPED}); callable from any thread. */
    void interrupt();

    /** Solves so far. */
    long solveCount();

    /** Cuts added so far to the model's outer approximation of an L2 ball (0 where the domain is exact). */
    long domainCuts();

    /** LPs solved at compile time to tighten the big-M bounds. */
    long boundLps();

    /** {@code floating-point}, {@code exact} or {@code relaxed}: see {@code count.ModelStats}. */
    String arithmetic();

    /** The input lattice's spacing (CP-SAT), or null. */
    Double latticeSpacing();

    /** The largest error bound of the integer pre-activations, in pre-activation units (CP-SAT), or null. */
    Double relaxation();

    /** The formats {@link #write} takes. */
    List<ModelFormat> formats();

    /**
     * Writes the model (as compiled, with the constraints added since, without any fixing).
     *
     * @throws IllegalArgumentException when {@code format} is not one of {@link #formats()}
     */
    void write(Path file, ModelFormat format);

    @Override
    void close();
}
