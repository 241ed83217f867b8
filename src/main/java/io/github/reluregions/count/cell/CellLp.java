package io.github.reluregions.count.cell;

import io.github.reluregions.Vectors;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.RadiusCertificate;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.solver.BallChebyshevLp;
import io.github.reluregions.solver.BoxChebyshevLp;
import io.github.reluregions.solver.ChebyshevLp;
import io.github.reluregions.solver.CubeChebyshevLp;
import io.github.reluregions.solver.DenseChebyshevLp;
import io.github.reluregions.solver.GlopChebyshevLp;
import io.github.reluregions.solver.SolveLimit;

/**
 * A cell in input space — the domain and a stack of half-spaces, one per decided neuron — with its
 * Chebyshev LP, and the one place where a cell's interior point is certified. The LP engine pushes and
 * pops one neuron at a time along its search path; the model engines push a whole pattern and ask once.
 *
 * <p>A half-space may stay out of the LP ("implied": the LP engine found its other side empty); it is
 * still checked, and added to the LP when a point violates it. An L2 ball is carried by tangent cuts,
 * added until the point's true distance to the sphere certifies it. Not thread-safe.
 */
public final class CellLp implements AutoCloseable {
    private final InputDomain domain;
    private final Tolerances tol;
    private final ChebyshevLp lp;
    private final Ball l2Ball;
    private final int dimension;

    private final double[][] normals;
    private final double[] offsets;
    private final int[] lpSlot;
    private int size;
    private long domainCuts;
    /** The row weights of the certificate by which the last {@link #findWitness} proved the cell empty, or null. */
    private double[] proofWeights;
    /** The row weights {@link #emptinessBound} used last. */
    private double[] boundWeights;
    private boolean closed;
    private long solvesAtClose;

    /**
     * @param domain the domain, in the coordinates the tolerances apply to
     * @param capacity the most half-spaces the cell will hold at once
     */
    public CellLp(InputDomain domain, Tolerances tolerances, int capacity) {
        this(domain, tolerances, capacity, fastestLp(domain, tolerances));
    }

    /** A cell whose LP is {@code lp} (a model of {@code domain} with radius cap {@link #radiusCap}); closes it. */
    public CellLp(InputDomain domain, Tolerances tolerances, int capacity, ChebyshevLp lp) {
        this.domain = domain;
        this.tol = tolerances;
        this.dimension = domain.dimension();
        this.lp = lp;
        this.l2Ball = domain instanceof Ball ball && ball.norm() == Norm.L2 ? ball : null;
        this.normals = new double[capacity][];
        this.offsets = new double[capacity];
        this.lpSlot = new int[capacity];
    }

    /**
     * Adds the half-space where {@code w.x + c} is positive ({@code side} true, the neuron on) or not
     * positive (off); {@code norm} is {@code |w|}. With {@code inLp} false the row is only checked.
     */
    public void push(double[] w, double c, double norm, boolean side, boolean inLp) {
        double sign = side ? -1 : 1; // off: w.x + c <= 0; on: -w.x - c <= 0
        double[] normal = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            normal[j] = sign * w[j] / norm;
        }
        proofWeights = null;
        int entry = size++;
        normals[entry] = normal;
        offsets[entry] = -sign * c / norm;
        lpSlot[entry] = inLp ? lp.addRow(normal, offsets[entry]) : -1;
    }

    /**
     * The fastest Chebyshev LP for {@code domain}: for an L2 ball the Java cone solver with the sphere exact;
     * for a cube (an L-infinity ball, or a box with equal sides) the Java dual simplex with the sides as
     * bounds; for other boxes and R^d the Java simplex with a reduced basis (both backed by GLOP, loaded
     * only if needed); else (an L1 ball) GLOP.
     */
    public static ChebyshevLp fastestLp(InputDomain domain, Tolerances tolerances) {
        double cap = radiusCap(domain);
        if (domain instanceof Ball ball && ball.norm() == Norm.L2) {
            return new BallChebyshevLp(ball, tolerances.interiorRadius());
        }
        if (DenseChebyshevLp.supports(domain) && domain.dimension() <= DENSE_MAX_DIMENSION) {
            return new DenseChebyshevLp(domain, cap);
        }
        if (CubeChebyshevLp.supports(domain)) {
            return new CubeChebyshevLp(domain, cap, tolerances.interiorRadius());
        }
        return BoxChebyshevLp.supports(domain) ? new BoxChebyshevLp(domain, cap) : new GlopChebyshevLp(domain, cap);
    }

    /**
     * Up to this many inputs the dense simplex (a (d+1)-square basis) is the fastest Java LP; above, the ones
     * whose basis is the size of the rows. Measured on one thread (2026-12-03): general_position_5d_30 in
     * [-1000, 1000]^5, dense 4.8 s, reduced-basis box LP 13.7 s, cube LP 30.2 s; central_64d_10 in an
     * L-infinity ball, dense 1.22 s, cube 0.23 s; the digits MLP in an L-infinity ball of radius 0.3 (64-D),
     * cube 62.7 s, dense past 120 s.
     */
    public static final int DENSE_MAX_DIMENSION = 16;

    /** True when {@link #fastestLp} answers {@code domain} on GLOP (an L1 ball). */
    public static boolean needsGlop(InputDomain domain) {
        return !(domain instanceof Ball ball && ball.norm() == Norm.L2) && !BoxChebyshevLp.supports(domain);
    }

    /** The cap on the LP's radius for {@code domain}: twice its scale, or 1 in the whole space. */
    public static double radiusCap(InputDomain domain) {
        return domain instanceof WholeSpace ? 1.0 : 2 * domain.scale();
    }

    /**
     * Makes every LP of this cell give up (the cell then uncertain) once {@code monitor} says stop, so that a
     * deadline or an interrupt is met inside a long LP too.
     */
    public void stopWhen(SearchMonitor monitor) {
        lp.stopWhen(monitor.solveLimit());
    }

    /** How many half-spaces the cell holds. */
    public int size() {
        return size;
    }

    /** True when half-space {@code entry} (0 = the first pushed) is in the LP, not only checked. */
    public boolean inLp(int entry) {
        return lpSlot[entry] >= 0;
    }

    /** The point's distance to the outside of the cell, domain included (negative outside). */
    public double margin(double[] point) {
        double margin = domain.interiorMargin(point);
        for (int e = 0; e < size; e++) {
            margin = Math.min(margin, offsets[e] - Vectors.dot(normals[e], point));
        }
        return margin;
    }

    /** Removes the half-space added last. */
    public void pop() {
        proofWeights = null;
        int entry = --size;
        if (lpSlot[entry] >= 0) {
            lp.removeRow(lpSlot[entry]);
            lpSlot[entry] = -1;
        }
        normals[entry] = null;
    }

    /** Removes every half-space. */
    public void clear() {
        while (size > 0) {
            pop();
        }
        proofWeights = null;
    }

    /** Puts the half-space added last into the LP. */
    public void promoteLast() {
        promote(size - 1);
    }

    private void promote(int entry) {
        if (lpSlot[entry] < 0) {
            lpSlot[entry] = lp.addRow(normals[entry], offsets[entry]);
        }
    }

    /**
     * Finds a certified interior point of the cell, or proves it has none. Nothing the solver says is taken
     * on trust: a point counts only if its distance to every half-space and to the domain's boundary,
     * recomputed here, exceeds the tolerance; a cell is empty only if a certificate built from the solver's
     * row weights ({@link RadiusCertificate}, the domain exact, an L2 sphere included) bounds its radius by
     * the tolerance. Until one of the two holds, rows the point violates are added (implied half-spaces, L2
     * tangent cuts) and the LP solved again; when the LP has nothing more to offer, a certificate on two
     * opposed half-spaces of the cell is tried ({@link #opposedPairBound}); a cell that neither proves is
     * uncertain.
     */
    public Witness findWitness() {
        proofWeights = null;
        int maxRounds = 64 + size;
        double bound = Double.NaN;
        for (int round = 0; round < maxRounds; round++) {
            ChebyshevLp.Solution solution = lp.solve();
            double[] point = solution.center();
            int worst = -1;
            double margin = Double.NEGATIVE_INFINITY;
            if (point != null) {
                margin = domain.interiorMargin(point);
                for (int e = 0; e < size; e++) {
                    double slack = offsets[e] - Vectors.dot(normals[e], point);
                    if (slack < margin) {
                        margin = slack;
                        worst = e;
                    }
                }
                if (margin > tol.interiorRadius()) {
                    return new Witness(point, margin, solution.radius(), false);
                }
            }
            bound = emptinessBound(solution);
            if (bound <= tol.interiorRadius()) {
                proofWeights = boundWeights;
                return new Witness(null, 0, bound, false);
            }
            if (point == null) {
                break;
            }
            if (worst >= 0 && lpSlot[worst] < 0) {
                promote(worst);
            } else if (worst < 0 && l2Ball != null && addTangentCut(point)) {
                domainCuts++;
            } else {
                break;
            }
        }
        double pair = opposedPairBound();
        if (pair <= tol.interiorRadius()) {
            return new Witness(null, 0, pair, false);
        }
        return new Witness(null, 0, bound, true);
    }

    /** Two unit normals this close to {@code n} and {@code -n} ({@code n . m} below this) are tried as a pair. */
    private static final double OPPOSED = -(1 - 1e-9);

    /**
     * The certificate of two half-spaces of the cell that face each other across one hyperplane (unit
     * normals {@code n} and {@code -n} up to rounding, as a duplicated or negated neuron gives against the
     * neuron it copies): weights 1 and 1 prove the radius at most about {@code (b_e + b_f) / 2}, with no LP.
     * Tried when the LP's weights proved nothing: in a cell squeezed to zero width between such a pair the
     * Chebyshev optimum is radius 0 with both rows tight, and the L2 ball's barrier method can stop (its
     * Newton system numerically singular once the two slacks are tiny) before its duals are balanced enough
     * to prove the tolerance. Implied rows count too (they are half-spaces of the cell); the bound is
     * {@link RadiusCertificate}'s, so it holds whatever the pair. The smallest over all such pairs, or
     * +Infinity when there is none (or the domain is all of R^d, which has no certificate).
     */
    private double opposedPairBound() {
        if (domain instanceof WholeSpace) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        double[][] pairNormals = new double[2][];
        double[] pairOffsets = new double[2];
        double[] weights = {1, 1};
        for (int e = 0; e < size && !(best <= tol.interiorRadius()); e++) {
            for (int f = e + 1; f < size; f++) {
                if (Vectors.dot(normals[e], normals[f]) < OPPOSED) {
                    pairNormals[0] = normals[e];
                    pairNormals[1] = normals[f];
                    pairOffsets[0] = offsets[e];
                    pairOffsets[1] = offsets[f];
                    best = Math.min(best, RadiusCertificate.bound(domain, pairNormals, pairOffsets, weights, 2));
                }
            }
        }
        return best;
    }

    /**
     * What the solution proves about the cell's radius: the certificate of its row weights for a bounded
     * domain. All of R^d has no certificate (see {@link RadiusCertificate}); there the LP's own optimum
     * stands, which the Java LP backs with its dual bound over its stand-in box.
     */
    private double emptinessBound(ChebyshevLp.Solution solution) {
        boundWeights = null;
        if (domain instanceof WholeSpace) {
            return solution.status() == ChebyshevLp.Status.OPTIMAL ? solution.radius() : Double.POSITIVE_INFINITY;
        }
        double[] slotWeights = solution.weights();
        if (slotWeights == null) {
            return Double.POSITIVE_INFINITY;
        }
        double[] weights = new double[size];
        for (int e = 0; e < size; e++) {
            int slot = lpSlot[e];
            weights[e] = slot >= 0 && slot < slotWeights.length ? slotWeights[slot] : 0;
        }
        boundWeights = weights;
        return RadiusCertificate.bound(domain, normals, offsets, weights, size);
    }

    /**
     * After {@link #findWitness} proved the cell empty, and until the next push or pop: the residual
     * {@code g = sum_e y_e n_e} of the certificate's weights {@code y} on the half-spaces {@code n_e . x <= b_e}.
     * Every point of the half-spaces has {@code g . x <= sum_e y_e b_e}, and the certificate says that this
     * puts the cell (up to the tolerance) outside the domain, beyond its boundary in the direction {@code -g}.
     * Null when the last search found a point or proved nothing, when the emptiness came from the domain
     * alone (no weight on any half-space), or when it came from a pair of opposed half-spaces
     * ({@link #opposedPairBound}: their residual is of rounding size and faces no way out of the domain).
     */
    public double[] certificateResidual() {
        if (proofWeights == null) {
            return null;
        }
        double[] g = new double[dimension];
        boolean any = false;
        for (int e = 0; e < size && e < proofWeights.length; e++) {
            double y = proofWeights[e];
            if (y > 0) {
                any = true;
                Vectors.addScaled(g, y, normals[e], dimension);
            }
        }
        return any ? g : null;
    }

    /** Adds the sphere's tangent cut at the ray through {@code point}; false when the LP has no use for it. */
    private boolean addTangentCut(double[] point) {
        double[] direction = new double[dimension];
        double length = 0;
        for (int j = 0; j < dimension; j++) {
            direction[j] = point[j] - l2Ball.center(j);
            length += direction[j] * direction[j];
        }
        length = Math.sqrt(length);
        if (length == 0) {
            direction[0] = 1;
            length = 1;
        }
        double offset = l2Ball.radius();
        for (int j = 0; j < dimension; j++) {
            direction[j] /= length;
            offset += direction[j] * l2Ball.center(j);
        }
        return lp.addDomainCut(direction, offset);
    }

    /** LPs solved so far (readable after {@link #close}). */
    public long solveCount() {
        return closed ? solvesAtClose : lp.solveCount();
    }

    /** Tangent cuts added to the L2 ball's outer approximation so far. */
    public long domainCuts() {
        return domainCuts;
    }

    @Override
    public void close() {
        if (!closed) {
            solvesAtClose = lp.solveCount();
            lp.close();
            closed = true;
        }
    }
}
