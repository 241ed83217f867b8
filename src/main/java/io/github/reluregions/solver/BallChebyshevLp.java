package io.github.reluregions.solver;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.RadiusCertificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The Chebyshev problem of a cell inside an exact Euclidean ball, {@code max t} subject to
 * {@code n_i . x + t <= b_i} and {@code |x - c| + t <= r}: a second-order cone program, solved in Java
 * without approximating the sphere.
 *
 * <p>The problem is rotation invariant around {@code c}, so an optimal {@code x - c} lies in the span of
 * the rows' normals: with an orthonormal basis {@code Q} of that span (Gram-Schmidt, {@code k <= m}
 * vectors for {@code m} rows) it becomes {@code max t} subject to {@code (Q^T n_i) . beta + t <= b_i - n_i . c}
 * and {@code |beta| + t <= r} in {@code k + 1} unknowns, whatever the input dimension: the work per solve is
 * {@code O(m k d)} for the basis and {@code O(m k^2)} per Newton step. That reduced problem is solved by a
 * log-barrier path-following method ({@code -sum log u_i - log((r - t)^2 - |beta|^2)}, barrier parameter
 * {@code m + 2}), whose iterates are strictly inside the cell and the ball.
 *
 * <p>Evidence both ways, in the full space: the center {@code x = c + Q beta} is handed back for the caller
 * to recompute its distances; the central-path duals {@code y_i = mu / u_i} are handed back as row weights,
 * from which {@link RadiusCertificate} proves an upper bound on the radius with the sphere exact. The
 * method stops when the certificate proves the radius at most {@code decisionRadius} (the cell is empty
 * at the caller's tolerance), or when the duality gap is a small part of the radius reached
 * (the center is then within that part of the Chebyshev center's radius).
 */
public final class BallChebyshevLp extends JavaChebyshevLp {
    /** Stop once the gap (m + 2) mu is below this share of the radius reached (or of the ball's radius). */
    private static final double RELATIVE_GAP = 1e-7;
    private static final double ABSOLUTE_GAP = 1e-12;
    private static final int MAX_NEWTON_STEPS = 400;
    /** Gram-Schmidt drops a normal whose part outside the span so far is below this (it adds no direction). */
    private static final double DEPENDENT = 1e-10;

    private final Ball ball;
    private final double[] center;
    private final double radius;
    private final double decisionRadius;
    private final int d;

    private double[][] normals = new double[16][];
    private double[] offsets = new double[16];
    private boolean[] active = new boolean[16];
    private int slots;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private long newtonSteps;

    /**
     * @param ball an L2 ball
     * @param decisionRadius the radius at or below which a cell counts as empty: the solve may stop as soon
     *     as its certificate proves that much
     */
    public BallChebyshevLp(Ball ball, double decisionRadius) {
        if (ball.norm() != Norm.L2) {
            throw new IllegalArgumentException("BallChebyshevLp takes L2 balls, not " + ball);
        }
        this.ball = ball;
        this.center = ball.center();
        this.radius = ball.radius();
        this.decisionRadius = decisionRadius;
        this.d = center.length;
    }

    @Override
    public int addRow(double[] normal, double offset) {
        int slot;
        if (freeSlots.isEmpty()) {
            slot = slots++;
            if (slot == normals.length) {
                normals = Arrays.copyOf(normals, 2 * slot);
                offsets = Arrays.copyOf(offsets, 2 * slot);
                active = Arrays.copyOf(active, 2 * slot);
            }
        } else {
            slot = freeSlots.pop();
        }
        normals[slot] = normal.clone();
        offsets[slot] = offset;
        active[slot] = true;
        return slot;
    }

    @Override
    public void removeRow(int slot) {
        active[slot] = false;
        normals[slot] = null;
        freeSlots.push(slot);
    }

    /** The sphere is exact here: a tangent cut adds nothing. */
    @Override
    public boolean addDomainCut(double[] normal, double offset) {
        return false;
    }

    @Override
    public Solution solve() {
        solves++;
        int[] rowSlot = new int[slots];
        int m = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (active[slot]) {
                rowSlot[m++] = slot;
            }
        }
        if (m == 0) {
            return new Solution(Status.OPTIMAL, radius, center.clone(), new double[slots]);
        }
        // The rows in the basis Q of their span: a[i] = Q^T n_i, s[i] = b_i - n_i . c.
        double[][] basis = new double[Math.min(m, d)][];
        double[][] a = new double[m][];
        double[] s = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            double[] n = normals[rowSlot[i]];
            s[i] = offsets[rowSlot[i]] - Vectors.dot(n, center, center.length);
            double[] v = n.clone();
            double[] coefficients = new double[Math.min(m, d)];
            for (int pass = 0; pass < 2; pass++) { // twice: classical Gram-Schmidt loses orthogonality once
                for (int q = 0; q < k; q++) {
                    double p = Vectors.dot(basis[q], v, v.length);
                    coefficients[q] += p;
                    Vectors.addScaled(v, -p, basis[q], v.length);
                }
            }
            double rest = Math.sqrt(Vectors.dot(v, v));
            if (rest > DEPENDENT && k < basis.length) {
                for (int j = 0; j < d; j++) {
                    v[j] /= rest;
                }
                basis[k] = v;
                coefficients[k] = rest;
                k++;
            }
            a[i] = coefficients;
        }
        int rowCount = m;
        Reduced reduced = new Reduced(a, s, rowCount, k, radius);
        double[] certificateWeights = new double[rowCount];
        double[][] rowNormals = new double[rowCount][];
        double[] rowOffsets = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
            rowNormals[i] = normals[rowSlot[i]];
            rowOffsets[i] = offsets[rowSlot[i]];
        }
        boolean converged = reduced.solve(limit.stop(), mu -> {
            for (int i = 0; i < rowCount; i++) {
                certificateWeights[i] = mu / reduced.slack(i);
            }
            return RadiusCertificate.bound(ball, rowNormals, rowOffsets, certificateWeights, rowCount) <= decisionRadius;
        });
        newtonSteps += reduced.steps;
        double[] x = center.clone();
        for (int q = 0; q < k; q++) {
            Vectors.addScaled(x, reduced.beta[q], basis[q], x.length);
        }
        double[] weights = new double[slots];
        for (int i = 0; i < m; i++) {
            weights[rowSlot[i]] = reduced.mu / reduced.slack(i);
        }
        return new Solution(converged ? Status.OPTIMAL : Status.FAILED, reduced.t, x, weights);
    }

    /** The reduced cone program and its barrier method. */
    private static final class Reduced {
        final double[][] a;
        final double[] s;
        final int m;
        final int k;
        final double r;
        final double[] beta;
        double t;
        double mu;
        int steps;

        Reduced(double[][] a, double[] s, int m, int k, double r) {
            this.a = a;
            this.s = s;
            this.m = m;
            this.k = k;
            this.r = r;
            this.beta = new double[k];
        }

        double slack(int i) {
            double sum = s[i] - t;
            double[] row = a[i];
            for (int q = 0; q < k; q++) {
                sum -= row[q] * beta[q];
            }
            return sum;
        }

        /** Follows the central path; {@code done} may end it early (it sees {@code mu} and the iterate). */
        boolean solve(java.util.function.BooleanSupplier stop, java.util.function.DoublePredicate done) {
            double smallest = r;
            for (int i = 0; i < m; i++) {
                smallest = Math.min(smallest, s[i]);
            }
            t = smallest - 0.5 * Math.max(r, Math.abs(smallest)); // strictly feasible: every slack at least r/2
            double gradientT = 2 / (r - t);
            for (int i = 0; i < m; i++) {
                gradientT += 1 / slack(i);
            }
            mu = 1 / gradientT; // the start is centered in t
            double theta = m + 2;
            int n = k + 1;
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            double[] step = new double[n];
            double[] trialBeta = new double[k];
            while (steps < MAX_NEWTON_STEPS) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                // Center for this mu.
                for (int inner = 0; inner < 50 && steps < MAX_NEWTON_STEPS; inner++) {
                    steps++;
                    buildNewton(gradient, hessian);
                    if (!solveCholesky(hessian, gradient, step, n)) {
                        return false;
                    }
                    double decrement = 0;
                    for (int q = 0; q < n; q++) {
                        decrement -= gradient[q] * step[q];
                    }
                    double alpha = 1;
                    double value = barrier(beta, t);
                    while (true) {
                        for (int q = 0; q < k; q++) {
                            trialBeta[q] = beta[q] + alpha * step[q];
                        }
                        double trialT = t + alpha * step[k];
                        double trial = barrier(trialBeta, trialT);
                        if (trial <= value - 0.25 * alpha * decrement) {
                            System.arraycopy(trialBeta, 0, beta, 0, k);
                            t = trialT;
                            break;
                        }
                        alpha /= 2;
                        if (alpha < 1e-12) {
                            break;
                        }
                    }
                    if (decrement < 1e-6 || alpha < 1e-12) {
                        break;
                    }
                }
                if (done.test(mu)) {
                    return true;
                }
                double gap = theta * mu;
                if (gap <= RELATIVE_GAP * Math.max(Math.abs(t), 1e-3 * r) || gap <= ABSOLUTE_GAP * r) {
                    return true;
                }
                mu /= 10;
            }
            return false;
        }

        /** The barrier objective {@code -t / mu - sum log u_i - log((r - t)^2 - |beta|^2)}, +inf outside. */
        private double barrier(double[] b, double tt) {
            double v = (r - tt) * (r - tt) - Vectors.dot(b, b);
            if (!(r - tt > 0) || !(v > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double value = -tt / mu - Math.log(v);
            for (int i = 0; i < m; i++) {
                double u = s[i] - tt;
                double[] row = a[i];
                for (int q = 0; q < k; q++) {
                    u -= row[q] * b[q];
                }
                if (!(u > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                value -= Math.log(u);
            }
            return value;
        }

        /** The barrier objective's gradient and Hessian at the iterate, unknowns {@code (beta, t)}. */
        private void buildNewton(double[] gradient, double[][] hessian) {
            int n = k + 1;
            for (double[] row : hessian) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gradient, 0);
            gradient[k] = -1 / mu;
            double[] ai = new double[n];
            for (int i = 0; i < m; i++) {
                double u = slack(i);
                System.arraycopy(a[i], 0, ai, 0, k);
                ai[k] = 1;
                double inv = 1 / u;
                for (int p = 0; p < n; p++) {
                    gradient[p] += ai[p] * inv;
                    double f = ai[p] * inv * inv;
                    if (f != 0) {
                        double[] row = hessian[p];
                        for (int q = 0; q <= p; q++) {
                            row[q] += f * ai[q];
                        }
                    }
                }
            }
            double rho = r - t;
            double v = rho * rho - Vectors.dot(beta, beta);
            // -log v: gradient -grad(v)/v with grad(v) = (-2 beta, -2 rho); Hessian grad grad^T / v^2 - hess(v) / v.
            double[] gv = new double[n];
            for (int q = 0; q < k; q++) {
                gv[q] = -2 * beta[q];
            }
            gv[k] = -2 * rho;
            for (int p = 0; p < n; p++) {
                gradient[p] -= gv[p] / v;
                for (int q = 0; q <= p; q++) {
                    hessian[p][q] += gv[p] * gv[q] / (v * v);
                }
            }
            for (int q = 0; q < k; q++) {
                hessian[q][q] += 2 / v;
            }
            hessian[k][k] -= 2 / v;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    hessian[p][q] = hessian[q][p];
                }
            }
        }

        /** Solves {@code H step = -gradient} by Cholesky; false if H is not numerically positive definite. */
        private static boolean solveCholesky(double[][] h, double[] gradient, double[] step, int n) {
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = h[i][j];
                    for (int p = 0; p < j; p++) {
                        sum -= l[i][p] * l[j][p];
                    }
                    if (i == j) {
                        if (!(sum > 1e-300)) {
                            return false;
                        }
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = -gradient[i];
                for (int p = 0; p < i; p++) {
                    sum -= l[i][p] * z[p];
                }
                z[i] = sum / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double sum = z[i];
                for (int p = i + 1; p < n; p++) {
                    sum -= l[p][i] * step[p];
                }
                step[i] = sum / l[i][i];
            }
            return true;
        }
    }

    /** Newton steps taken over all solves. */
    public long newtonSteps() {
        return newtonSteps;
    }
}
