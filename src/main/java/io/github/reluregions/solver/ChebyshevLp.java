package io.github.reluregions.solver;

/**
 * The Chebyshev-center LP of a polyhedron inside the input domain: maximise {@code t} subject to
 * {@code n_i . x + t <= offset_i} for every active row (each {@code n_i} a unit vector, so {@code t} is the
 * Euclidean radius of a ball around {@code x} inside the half-space) and the domain's own constraints
 * with the same margin. Rows are switched on and off by slot so that one model serves a whole search.
 * Implementations are not thread-safe: use one per thread.
 */
public interface ChebyshevLp extends AutoCloseable {

    /** Adds the row {@code normal . x + t <= offset} ({@code normal} of unit length); returns its slot. */
    int addRow(double[] normal, double offset);

    /** Switches off the row in {@code slot}; the slot may be reused by a later {@link #addRow}. */
    void removeRow(int slot);

    /**
     * Adds a permanent cut to the domain's outer approximation (used for the L2 ball, whose exact
     * constraint is not linear): {@code normal . x + t <= offset}.
     */
    void addDomainCut(double[] normal, double offset);

    /** Solves the LP. */
    Solution solve();

    /** Number of LPs solved so far. */
    long solveCount();

    @Override
    void close();

    /** How a solve ended and what it found. */
    enum Status { OPTIMAL, INFEASIBLE, FAILED }

    /**
     * The outcome of one solve: the optimal radius {@code t} (an upper bound on the true Chebyshev radius
     * when the domain is only outer-approximated) and the center {@code x}. A FAILED solve may still carry
     * a center: a point believed inside the cell, with no claim on the radius, for the caller to certify.
     */
    record Solution(Status status, double radius, double[] center) {
    }
}
