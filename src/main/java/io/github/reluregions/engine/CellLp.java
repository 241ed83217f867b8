package io.github.reluregions.engine;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.solver.ChebyshevLp;
import io.github.reluregions.solver.DenseChebyshevLp;
import io.github.reluregions.solver.GlopChebyshevLp;

/**
 * A cell in input space — the domain and a stack of half-spaces, one per decided neuron — with its
 * Chebyshev LP, and the one place where a cell's interior point is certified. The LP engine pushes and
 * pops one neuron at a time along its search path; the model engines push a whole pattern and ask once.
 *
 * <p>A half-space may stay out of the LP ("implied": the LP engine found its other side empty); it is
 * still checked, and added to the LP when a point violates it. An L2 ball is carried by tangent cuts,
 * added until the point's true distance to the sphere certifies it. Not thread-safe.
 */
final class CellLp implements AutoCloseable {
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
    private boolean closed;
    private long solvesAtClose;

    /**
     * @param domain the domain, in the coordinates the tolerances apply to
     * @param capacity the most half-spaces the cell will hold at once
     */
    CellLp(InputDomain domain, Tolerances tolerances, int capacity) {
        this(domain, tolerances, capacity, new GlopChebyshevLp(domain, radiusCap(domain)));
    }

    /** A cell whose LP is {@code lp} (a model of {@code domain} with radius cap {@link #radiusCap}); closes it. */
    CellLp(InputDomain domain, Tolerances tolerances, int capacity, ChebyshevLp lp) {
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
    void push(double[] w, double c, double norm, boolean side, boolean inLp) {
        double sign = side ? -1 : 1; // off: w.x + c <= 0; on: -w.x - c <= 0
        double[] normal = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            normal[j] = sign * w[j] / norm;
        }
        int entry = size++;
        normals[entry] = normal;
        offsets[entry] = -sign * c / norm;
        lpSlot[entry] = inLp ? lp.addRow(normal, offsets[entry]) : -1;
    }

    /**
     * The fastest Chebyshev LP for {@code domain}: the Java dual simplex where it supports the domain
     * (GLOP backs it up and is loaded only if needed), else GLOP.
     */
    static ChebyshevLp fastestLp(InputDomain domain) {
        double cap = radiusCap(domain);
        return DenseChebyshevLp.supports(domain) ? new DenseChebyshevLp(domain, cap) : new GlopChebyshevLp(domain, cap);
    }

    /** The cap on the LP's radius for {@code domain}: twice its scale, or 1 in the whole space. */
    static double radiusCap(InputDomain domain) {
        return domain instanceof WholeSpace ? 1.0 : 2 * domain.scale();
    }

    /** How many half-spaces the cell holds. */
    int size() {
        return size;
    }

    /** True when half-space {@code entry} (0 = the first pushed) is in the LP, not only checked. */
    boolean inLp(int entry) {
        return lpSlot[entry] >= 0;
    }

    /** The point's distance to the outside of the cell, domain included (negative outside). */
    double margin(double[] point) {
        double margin = domain.interiorMargin(point);
        for (int e = 0; e < size; e++) {
            margin = Math.min(margin, offsets[e] - Vectors.dot(normals[e], point));
        }
        return margin;
    }

    /** Removes the half-space added last. */
    void pop() {
        int entry = --size;
        if (lpSlot[entry] >= 0) {
            lp.removeRow(lpSlot[entry]);
            lpSlot[entry] = -1;
        }
        normals[entry] = null;
    }

    /** Removes every half-space. */
    void clear() {
        while (size > 0) {
            pop();
        }
    }

    /** Puts the half-space added last into the LP. */
    void promoteLast() {
        promote(size - 1);
    }

    private void promote(int entry) {
        if (lpSlot[entry] < 0) {
            lpSlot[entry] = lp.addRow(normals[entry], offsets[entry]);
        }
    }

    /**
     * Finds a certified interior point of the cell: solves the LP, recomputes the point's distance to
     * every half-space and to the domain's boundary, and adds rows (implied half-spaces, L2 tangent cuts)
     * that the point violates until it is certified or the LP proves the radius is at most the tolerance.
     */
    Witness findWitness() {
        int maxRounds = 64 + size;
        double lpRadius = Double.NaN;
        for (int round = 0; round < maxRounds; round++) {
            ChebyshevLp.Solution solution = lp.solve();
            if (solution.status() == ChebyshevLp.Status.INFEASIBLE) {
                return new Witness(null, 0, Double.NEGATIVE_INFINITY, false);
            }
            if (solution.status() != ChebyshevLp.Status.OPTIMAL) {
                // No optimum; a point the solver offers still counts if it is certified here.
                double margin = solution.center() == null ? Double.NEGATIVE_INFINITY : margin(solution.center());
                return margin > tol.interiorRadius() ? new Witness(solution.center(), margin, Double.NaN, false)
                        : new Witness(null, 0, Double.NaN, true);
            }
            lpRadius = solution.radius();
            if (lpRadius <= tol.interiorRadius()) {
                // The LP is a relaxation: the true radius is at most lpRadius.
                return new Witness(null, 0, lpRadius, false);
            }
            double[] point = solution.center();
            double margin = domain.interiorMargin(point);
            int worst = -1;
            for (int e = 0; e < size; e++) {
                double slack = offsets[e] - Vectors.dot(normals[e], point);
                if (slack < margin) {
                    margin = slack;
                    worst = e;
                }
            }
            if (margin > tol.interiorRadius()) {
                return new Witness(point, margin, lpRadius, false);
            }
            if (worst >= 0 && lpSlot[worst] < 0) {
                promote(worst);
            } else if (worst < 0 && l2Ball != null) {
                addTangentCut(point);
            } else {
                break;
            }
        }
        return new Witness(null, 0, lpRadius, true);
    }

    private void addTangentCut(double[] point) {
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
        lp.addDomainCut(direction, offset);
        domainCuts++;
    }

    /** LPs solved so far (readable after {@link #close}). */
    long solveCount() {
        return closed ? solvesAtClose : lp.solveCount();
    }

    /** Tangent cuts added to the L2 ball's outer approximation so far. */
    long domainCuts() {
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
