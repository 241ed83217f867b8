package io.github.reluregions.solver;

/**
 * The Chebyshev-center LP of a polyhedron inside the input domain: maximise {@code t} subject to
 * {@code n_i . x + t <= offset_i} for every active row (each {@code n_i} a unit vector, so {@code t} is the
 * Euclidean radius of a ball around {@code x} inside the half-space) and the domain's own constraints
 * with the same margin. Rows are switched on and off by slot so that one model serves a whole search.
 * Implementations are not thread-safe: use one per thread.
 */
public interface ChebyshevLp extends AutoCloseable {

    /**
     * Adds the row {@code normal . x + t <= offset} ({@code normal} of unit length); returns its slot. The LP
     * may keep {@code normal} rather than copy it: the caller must not change it while the row is in.
     */
    int addRow(double[] normal, double offset);

    /** Switches off the row in {@code slot}; the slot may be reused by a later {@link #addRow}. */
    void removeRow(int slot);

    /**
     * Adds a permanent cut to the domain's outer approximation (used for the L2 ball, whose exact
     * constraint is not linear): {@code normal . x + t <= offset}. Returns false when the LP has no use for it
     * (its domain is exact).
     */
    boolean addDomainCut(double[] normal, double offset);

    /** Solves the LP. */
    Solution solve();

    /**
     * From now on, a solve that runs once {@code limit} is reached gives up (FAILED, nothing proved), within
     * a few iterations, so that a count's deadline or interrupt is met inside a long LP too. Solvers that
     * cannot look at it mid-solve are given its seconds left as their time limit.
     */
    void stopWhen(SolveLimit limit);

    /** Number of LPs solved so far. */
    long solveCount();

    @Override
    void close();

    /**
     * How a solve ended. There is no "infeasible": with {@code t} free below, every such LP has feasible
     * points, so a solver that says otherwise has failed.
     */
    enum Status { OPTIMAL, FAILED }

    /**
     * The outcome of one solve: the solver's optimal radius {@code t}, the center {@code x}, and the weights
     * (the duals) of the rows, indexed by slot ({@code weights[slot]}, length at least the highest slot in
     * use plus one; null when the solver has none). None of it is taken on trust: the caller recomputes
     * the center's distances, and proves a cell empty only through a certificate built from the weights
     * ({@link io.github.reluregions.domain.RadiusCertificate}). A FAILED solve may still carry a center or
     * weights, for the caller to check the same way.
     */
    record Solution(Status status, double radius, double[] center, double[] weights) {
        public static Solution failed() {
            return new Solution(Status.FAILED, Double.NaN, null, null);
        }
    }
}
