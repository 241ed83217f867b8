package io.github.reluregions.count;

/**
 * What the solver model of the {@code milp} and {@code cpsat} engines held and did.
 *
 * @param solver {@code SCIP} or {@code CP-SAT}
 * @param binaries hidden neurons with a binary variable (those bound propagation cannot prove stable)
 * @param stableNeurons hidden neurons proved stable over the domain, with their state fixed (no binary)
 * @param boundLps LPs solved to tighten the interval bounds behind the big-M constants
 * @param solves model solves; each finds a pattern or proves a part of the pattern space empty
 * @param candidates patterns the model returned, each checked by the Chebyshev LP before it counts
 * @param rejected candidates not counted: no interior ball above the tolerance (or a constant neuron in
 *     the state it cannot take)
 * @param unsettled parts of the pattern space the solver could not settle (gave up, or numerical trouble):
 *     any makes the count incomplete
 * @param stalls solves stopped at the part time limit; their part was split in two, or, holding one
 *     pattern, settled by certifying it
 * @param certifiedDirectly parts of one pattern settled by certifying it after a stall
 * @param modelCuts tangent cuts added to the model's outer approximation of an L2 ball
 * @param arithmetic {@code floating-point} (SCIP), or for CP-SAT {@code exact} (every pre-activation is
 *     an exact integer multiple of the lattice) or {@code relaxed} (integer pre-activations within a proven
 *     error bound of the true ones, widened by that bound)
 * @param latticeSpacing CP-SAT: the spacing of the input lattice; null for SCIP
 * @param relaxation CP-SAT: the largest error bound, in units of the pre-activation; 0 when exact; null
 *     for SCIP
 * @param refinements CP-SAT: coarser models abandoned for a finer one because they let too many candidates
 *     through to rejection (the count is the last model's); 0 for SCIP
 */
public record ModelStats(String solver, int binaries, int stableNeurons, long boundLps, long solves,
        long candidates, long rejected, long unsettled, long stalls, long certifiedDirectly, long modelCuts,
        String arithmetic, Double latticeSpacing, Double relaxation, int refinements) {
}
