package io.github.reluregions.solver;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The Chebyshev LP of a cell in a box (an L-infinity ball is one; all of R^d goes through a stand-in box
 * of half-side {@link #WHOLE_SPACE_EXTENT} whose answers are only taken when they do not lean on it),
 * solved in Java with a basis the size of the cell's rows, not of the input dimension.
 *
 * <p>The method is the primal simplex on the LP's dual, {@code min b.z} subject to
 * {@code sum_r z_r (n_r, 1) = (0, 1)}, {@code z >= 0}, over the primal constraints {@code n_r . x + t <= b_r}:
 * the cell's rows, the radius cap {@code t <= cap}, and the box's sides {@code x_j + t <= hi_j} and
 * {@code -x_j + t <= -lo_j}. A basis has {@code d + 1} columns, but a side's column is a unit vector in
 * {@code x_j}: a side in the basis just fixes {@code x_j = hi_j - t} (or {@code lo_j + t}), so every
 * solve with the basis reduces to a dense system over the coordinates that no side fixes and {@code t}. A
 * basis holds at most one coordinate with both sides (then {@code t = h_j}), so that system has one row per
 * general column in the basis (cell rows and the cap) and at most one more: {@code p <= m + 2} for
 * {@code m} cell rows. One pivot costs {@code O(m d)} for pricing and substitution plus {@code O(p^3)}; a
 * (d+1)-square basis inverse, {@code O(d^3)} per refactorisation, is never formed. Warm starts: the basis
 * is kept between solves, and a removed basic row restores the basis from before it was added.
 *
 * <p>Nothing it says is taken on trust. An optimum is returned only if its center is recomputed to have
 * slack at least {@code t} (up to rounding) in every row, with the cell rows' weights from the optimal
 * basis for the caller's certificate; the radius returned is the basis's dual bound over the box
 * ({@code b.y + |r|.X} for normalised weights {@code y} with residual {@code r}, {@code X} the box's largest
 * coordinate magnitudes). When a check fails, the iteration limit is hit or the reduced system is
 * singular, the LP is solved on GLOP instead (a model built for that solve).
 */
public final class BoxChebyshevLp extends JavaChebyshevLp {
    private static final double PIVOT = 1e-9;
    private static final double OPTIMAL = 1e-11;
    private static final byte FREE = 0;
    private static final byte UPPER = 1;
    private static final byte LOWER = 2;
    private static final byte BOTH = 3;

    private final InputDomain domain;
    private final boolean wholeSpace;
    private final double radiusCap;
    private final int d;
    private final double[] lo;
    private final double[] hi;
    private final double[] extent;

    // General columns: 0 is the radius cap, then the cell's rows (slot s is column s + 1).
    private double[][] a = new double[16][];
    private double[] b = new double[16];
    private boolean[] active = new boolean[16];
    private boolean[] inBasis = new boolean[16];
    private int[] generation = new int[16];
    private Basis[] savedBasis = new Basis[16];
    private int columns;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();

    // The basis: the sides' states and the general columns in it, in order.
    private final byte[] side;
    private int[] general = new int[16];
    private int generalCount;

    private long fallbacks;
    private long pivots;

    /** True when this LP can serve {@code domain} (boxes, L-infinity balls and all of R^d). */
    public static boolean supports(InputDomain domain) {
        return isBoxLike(domain);
    }

    /**
     * @param domain a box, an L-infinity ball or all of R^d
     * @param radiusCap the largest radius the LP may report
     */
    public BoxChebyshevLp(InputDomain domain, double radiusCap) {
        if (!supports(domain)) {
            throw new IllegalArgumentException("The box Chebyshev LP takes boxes, L-infinity balls and R^d, not "
                    + domain);
        }
        this.domain = domain;
        this.wholeSpace = domain instanceof WholeSpace;
        this.radiusCap = radiusCap;
        this.d = domain.dimension();
        this.lo = new double[d];
        this.hi = new double[d];
        this.extent = new double[d];
        boxSides(domain, lo, hi);
        for (int j = 0; j < d; j++) {
            extent[j] = Math.max(Math.abs(lo[j]), Math.abs(hi[j]));
        }
        this.side = new byte[d];
        a[0] = new double[d];
        b[0] = radiusCap;
        active[0] = true;
        columns = 1;
        resetBasis();
    }

    /** The first basis: the radius cap and every upper side, always feasible for the dual. */
    private void resetBasis() {
        for (int g = 0; g < generalCount; g++) {
            inBasis[general[g]] = false;
        }
        Arrays.fill(side, UPPER);
        general[0] = 0;
        generalCount = 1;
        inBasis[0] = true;
    }

    @Override
    public int addRow(double[] normal, double offset) {
        int column;
        if (freeSlots.isEmpty()) {
            column = columns++;
            if (column == a.length) {
                int size = 2 * column;
                a = Arrays.copyOf(a, size);
                b = Arrays.copyOf(b, size);
                active = Arrays.copyOf(active, size);
                inBasis = Arrays.copyOf(inBasis, size);
                generation = Arrays.copyOf(generation, size);
                savedBasis = Arrays.copyOf(savedBasis, size);
            }
        } else {
            column = freeSlots.pop();
        }
        a[column] = normal.clone();
        b[column] = offset;
        active[column] = true;
        generation[column]++;
        savedBasis[column] = new Basis(side.clone(), Arrays.copyOf(general, generalCount), generationsOf(general,
                generalCount));
        return column - 1;
    }

    @Override
    public void removeRow(int slot) {
        int column = slot + 1;
        active[column] = false;
        freeSlots.push(column);
        if (inBasis[column]) {
            // The basis from before the row was added is a feasible start (feasibility for the dual does not
            // depend on the other columns) as long as its own rows are all still there; else the first basis.
            if (!restore(savedBasis[column], column)) {
                resetBasis();
            }
        }
        savedBasis[column] = null;
    }

    private int[] generationsOf(int[] list, int count) {
        int[] result = new int[count];
        for (int g = 0; g < count; g++) {
            result[g] = generation[list[g]];
        }
        return result;
    }

    private boolean restore(Basis saved, int removed) {
        if (saved == null) {
            return false;
        }
        for (int g = 0; g < saved.general.length; g++) {
            int column = saved.general[g];
            if (column == removed || !active[column] || generation[column] != saved.generations[g]) {
                return false;
            }
        }
        for (int g = 0; g < generalCount; g++) {
            inBasis[general[g]] = false;
        }
        System.arraycopy(saved.sides, 0, side, 0, d);
        if (general.length < saved.general.length) {
            general = new int[2 * saved.general.length];
        }
        System.arraycopy(saved.general, 0, general, 0, saved.general.length);
        generalCount = saved.general.length;
        for (int g = 0; g < generalCount; g++) {
            inBasis[general[g]] = true;
        }
        return true;
    }

    /** The cap is a row of this LP, not of the domain: there is nothing to cut. */
    @Override
    public boolean addDomainCut(double[] normal, double offset) {
        throw new UnsupportedOperationException("Box and L-infinity domains need no cuts");
    }

    @Override
    public Solution solve() {
        solves++;
        Solution solution = simplex();
        if (solution != null) {
            return solution;
        }
        resetBasis();
        if (limit.reached()) {
            return Solution.failed();
        }
        fallbacks++;
        return GlopFallback.solve(domain, radiusCap, WHOLE_SPACE_EXTENT, a, b, active, 1, columns, limit.secondsLeft());
    }

    /** The verified answer of the simplex method, or null when it cannot give one. */
    private Solution simplex() {
        Reduced reduced = new Reduced();
        int iterations = 20 * (columns + 2 * d + 1);
        int blandAfter = 2 * (columns + 2 * d + 1);
        for (int iteration = 0; iteration < iterations; iteration++) {
            if (limit.reached()) { // a System.nanoTime() and a flag: cheap beside a pivot
                return null;
            }
            if (!reduced.factor()) {
                return null;
            }
            double[] x = new double[d];
            double t = reduced.primal(x);
            // Pricing: the most violated constraint (scaled), or with Bland's rule the first one.
            int enteringColumn = -1;
            int enteringSide = -1; // coordinate j, as j (upper side) or d + j (lower side)
            double best = -OPTIMAL;
            boolean bland = iteration >= blandAfter;
            for (int j = 0; j < d && !(bland && enteringSide >= 0); j++) {
                byte s = side[j];
                if (s == FREE || s == LOWER) {
                    double reducedCost = (hi[j] - x[j] - t) / (1 + Math.abs(hi[j]));
                    if (reducedCost < best) {
                        best = reducedCost;
                        enteringSide = j;
                        if (bland) {
                            break;
                        }
                    }
                }
                if (s == FREE || s == UPPER) {
                    double reducedCost = (x[j] - t - lo[j]) / (1 + Math.abs(lo[j]));
                    if (reducedCost < best) {
                        best = reducedCost;
                        enteringSide = d + j;
                        if (bland) {
                            break;
                        }
                    }
                }
            }
            if (!(bland && enteringSide >= 0)) {
                for (int c = 0; c < columns; c++) {
                    if (!active[c] || inBasis[c]) {
                        continue;
                    }
                    double reducedCost = (b[c] - Vectors.dot(a[c], x, x.length) - t) / (1 + Math.abs(b[c]));
                    if (reducedCost < best) {
                        best = reducedCost;
                        enteringColumn = c;
                        enteringSide = -1;
                        if (bland) {
                            break;
                        }
                    }
                }
            }
            if (enteringColumn < 0 && enteringSide < 0) {
                return verified(reduced, x, t);
            }
            if (!pivot(reduced, enteringColumn, enteringSide)) {
                return null;
            }
            pivots++;
        }
        return null;
    }

    /** One pivot: the entering column comes in, the ratio test picks the one that leaves. */
    private boolean pivot(Reduced reduced, int enteringColumn, int enteringSide) {
        double[] normal;
        if (enteringColumn >= 0) {
            normal = a[enteringColumn];
        } else {
            normal = new double[d];
            normal[enteringSide % d] = enteringSide < d ? 1 : -1;
        }
        double[] z = reduced.weights(null); // the basic variables' values, B^-1 (0, 1)
        double[] w = reduced.weights(normal); // the entering column in the basis, B^-1 (n_q, 1)
        // Basic variables: the general columns (first), then the sides; ratio test with Bland's tie-break.
        int leaving = -1;
        double ratio = Double.POSITIVE_INFINITY;
        for (int g = 0; g < generalCount; g++) {
            if (w[g] > PIVOT) {
                double value = Math.max(0, z[g]) / w[g];
                if (value < ratio - 1e-15) {
                    ratio = value;
                    leaving = g;
                }
            }
        }
        double[] zSides = reduced.sideWeights(z, null);
        double[] wSides = reduced.sideWeights(w, normal);
        for (int k = 0; k < 2 * d; k++) {
            if (wSides[k] > PIVOT) {
                double value = Math.max(0, zSides[k]) / wSides[k];
                if (value < ratio - 1e-15) {
                    ratio = value;
                    leaving = generalCount + k;
                }
            }
        }
        if (leaving < 0) {
            return false; // the dual looks unbounded: impossible for this LP, so numerics went wrong
        }
        if (leaving < generalCount) {
            inBasis[general[leaving]] = false;
            general[leaving] = general[--generalCount];
        } else {
            int k = leaving - generalCount;
            int j = k % d;
            boolean upper = k < d;
            side[j] = switch (side[j]) {
                case UPPER -> FREE;
                case LOWER -> FREE;
                default -> upper ? LOWER : UPPER; // BOTH
            };
        }
        if (enteringColumn >= 0) {
            if (generalCount == general.length) {
                general = Arrays.copyOf(general, 2 * generalCount);
            }
            general[generalCount++] = enteringColumn;
            inBasis[enteringColumn] = true;
        } else {
            int j = enteringSide % d;
            boolean upper = enteringSide < d;
            side[j] = side[j] == FREE ? (upper ? UPPER : LOWER) : BOTH;
        }
        return true;
    }

    /**
     * The optimum, checked both ways: the dual bound of the basis's weights over the box must confirm
     * {@code t} (up to rounding), and a positive {@code t} must be the center's true slack. Null when a
     * check fails.
     */
    private Solution verified(Reduced reduced, double[] x, double t) {
        double[] z = reduced.weights(null);
        double[] zSides = reduced.sideWeights(z, null);
        double sum = 0;
        for (int g = 0; g < generalCount; g++) {
            sum += Math.max(0, z[g]);
        }
        for (double v : zSides) {
            sum += Math.max(0, v);
        }
        if (!(sum > 0.5)) {
            return null;
        }
        double bound = 0;
        double magnitude = 0;
        double boxWeight = 0;
        double[] residual = new double[d];
        double[] weights = new double[columns - 1];
        for (int g = 0; g < generalCount; g++) {
            double y = Math.max(0, z[g]) / sum;
            int c = general[g];
            if (c > 0) {
                weights[c - 1] = y;
            }
            bound += y * b[c];
            magnitude += y * Math.abs(b[c]);
            double[] row = a[c];
            for (int j = 0; j < d; j++) {
                residual[j] += y * row[j];
            }
        }
        for (int k = 0; k < 2 * d; k++) {
            double y = Math.max(0, zSides[k]) / sum;
            if (y == 0) {
                continue;
            }
            int j = k % d;
            boolean upper = k < d;
            boxWeight += y;
            bound += y * (upper ? hi[j] : -lo[j]);
            magnitude += y * Math.abs(upper ? hi[j] : lo[j]);
            residual[j] += upper ? y : -y;
        }
        for (int j = 0; j < d; j++) {
            bound += Math.abs(residual[j]) * extent[j];
        }
        bound += 1e-12 * (1 + magnitude);
        if (!(bound <= Math.max(t, 0) + 1e-9 * (1 + magnitude))) {
            return null; // the certificate does not confirm the optimum
        }
        if (wholeSpace && boxWeight > 1e-12 && !(t >= radiusCap * (1 - 1e-9))) {
            // The optimum leans on the stand-in box, so a larger ball may lie outside it: only a radius at
            // the cap is the answer in R^d too.
            return null;
        }
        if (t > 0) {
            double slack = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                slack = Math.min(slack, Math.min(hi[j] - x[j], x[j] - lo[j]));
            }
            for (int c = 1; c < columns; c++) {
                if (active[c]) {
                    slack = Math.min(slack, b[c] - Vectors.dot(a[c], x, x.length));
                }
            }
            if (!(slack >= t * (1 - 1e-9) - 1e-12)) {
                return null;
            }
        }
        return new Solution(Status.OPTIMAL, Math.min(Math.max(t, bound), radiusCap), x, weights);
    }

    /**
     * The basis reduced to the coordinates no side fixes and {@code t}: the square matrix {@code R} with one
     * row per general basic column ({@code n_rF} and {@code tau_r = 1 + sum_j sigma_j n_rj}, where
     * {@code sigma_j} is -1 for a coordinate fixed at its upper side, +1 at its lower side) and, when one
     * coordinate has both sides, the row {@code t = h_j}; factored by LU with partial pivoting.
     */
    private final class Reduced {
        private int[] free = new int[8];
        private int freeCount;
        private int both;
        private int p;
        private double[][] lu;
        private int[] perm;
        private double[] tau;
        private double[] fixedPart; // rho_r = sum over fixed coordinates of n_rj x_j(t = 0)

        boolean factor() {
            freeCount = 0;
            both = -1;
            for (int j = 0; j < d; j++) {
                if (side[j] == FREE) {
                    if (freeCount == free.length) {
                        free = Arrays.copyOf(free, 2 * freeCount);
                    }
                    free[freeCount++] = j;
                } else if (side[j] == BOTH) {
                    if (both >= 0) {
                        return false; // two coordinates with both sides: a singular basis
                    }
                    both = j;
                }
            }
            p = freeCount + 1;
            if (p != generalCount + (both >= 0 ? 1 : 0)) {
                return false;
            }
            tau = new double[generalCount];
            fixedPart = new double[generalCount];
            lu = new double[p][p];
            for (int g = 0; g < generalCount; g++) {
                double[] row = a[general[g]];
                double tg = 1;
                double rho = 0;
                for (int j = 0; j < d; j++) {
                    double v = row[j];
                    if (v == 0) {
                        continue;
                    }
                    switch (side[j]) {
                        case UPPER -> {
                            tg -= v;
                            rho += v * hi[j];
                        }
                        case LOWER -> {
                            tg += v;
                            rho += v * lo[j];
                        }
                        case BOTH -> rho += v * (lo[j] + hi[j]) / 2;
                        default -> { }
                    }
                }
                tau[g] = tg;
                fixedPart[g] = rho;
                for (int f = 0; f < freeCount; f++) {
                    lu[g][f] = row[free[f]];
                }
                lu[g][freeCount] = tg;
            }
            if (both >= 0) {
                lu[p - 1][freeCount] = 1;
            }
            perm = new int[p];
            for (int i = 0; i < p; i++) {
                perm[i] = i;
            }
            double scale = 0;
            for (double[] row : lu) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int col = 0; col < p; col++) {
                int pivotRow = col;
                for (int r = col + 1; r < p; r++) {
                    if (Math.abs(lu[r][col]) > Math.abs(lu[pivotRow][col])) {
                        pivotRow = r;
                    }
                }
                if (!(Math.abs(lu[pivotRow][col]) > 1e-12 * Math.max(1, scale))) {
                    return false;
                }
                if (pivotRow != col) {
                    double[] swap = lu[col];
                    lu[col] = lu[pivotRow];
                    lu[pivotRow] = swap;
                    int s = perm[col];
                    perm[col] = perm[pivotRow];
                    perm[pivotRow] = s;
                }
                for (int r = col + 1; r < p; r++) {
                    double f = lu[r][col] / lu[col][col];
                    lu[r][col] = f;
                    if (f != 0) {
                        for (int c = col + 1; c < p; c++) {
                            lu[r][c] -= f * lu[col][c];
                        }
                    }
                }
            }
            return true;
        }

        /** Solves {@code R u = rhs} (rows in R's original order). */
        private double[] solve(double[] rhs) {
            double[] y = new double[p];
            for (int i = 0; i < p; i++) {
                double sum = rhs[perm[i]];
                for (int k = 0; k < i; k++) {
                    sum -= lu[i][k] * y[k];
                }
                y[i] = sum;
            }
            for (int i = p - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < p; k++) {
                    sum -= lu[i][k] * y[k];
                }
                y[i] = sum / lu[i][i];
            }
            return y;
        }

        /** Solves {@code R^T v = rhs}; the answer is indexed by R's original rows. */
        private double[] solveTransposed(double[] rhs) {
            // R = P^T L U, so R^T = U^T L^T P: U^T s = rhs, L^T q = s, v = P^T q.
            double[] s = new double[p];
            for (int i = 0; i < p; i++) {
                double sum = rhs[i];
                for (int k = 0; k < i; k++) {
                    sum -= lu[k][i] * s[k];
                }
                s[i] = sum / lu[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double sum = s[i];
                for (int k = i + 1; k < p; k++) {
                    sum -= lu[k][i] * s[k];
                }
                s[i] = sum;
            }
            double[] v = new double[p];
            for (int i = 0; i < p; i++) {
                v[perm[i]] = s[i];
            }
            return v;
        }

        /** The basis's primal point: fills {@code x} and returns {@code t}. */
        double primal(double[] x) {
            double[] rhs = new double[p];
            for (int g = 0; g < generalCount; g++) {
                rhs[g] = b[general[g]] - fixedPart[g];
            }
            if (both >= 0) {
                rhs[p - 1] = (hi[both] - lo[both]) / 2;
            }
            double[] u = solve(rhs);
            double t = u[freeCount];
            for (int j = 0; j < d; j++) {
                switch (side[j]) {
                    case UPPER -> x[j] = hi[j] - t;
                    case LOWER -> x[j] = lo[j] + t;
                    case BOTH -> x[j] = (lo[j] + hi[j]) / 2;
                    default -> { }
                }
            }
            for (int f = 0; f < freeCount; f++) {
                x[free[f]] = u[f];
            }
            return t;
        }

        /**
         * The general basic columns' weights in {@code B^-1 (n, 1)} ({@code n} null: zero), then, when a
         * coordinate has both sides, the sum of its two sides' weights.
         */
        double[] weights(double[] n) {
            double[] rhs = new double[p];
            double tq = 1;
            if (n != null) {
                for (int f = 0; f < freeCount; f++) {
                    rhs[f] = n[free[f]];
                }
                for (int j = 0; j < d; j++) {
                    double v = n[j];
                    if (v != 0) {
                        if (side[j] == UPPER) {
                            tq -= v;
                        } else if (side[j] == LOWER) {
                            tq += v;
                        }
                    }
                }
            }
            rhs[freeCount] = tq;
            return solveTransposed(rhs);
        }

        /**
         * The sides' weights in {@code B^-1 (n, 1)} from the general ones {@code v} ({@code weights(n)}):
         * index {@code j} for the upper side of coordinate j, {@code d + j} for the lower; zero off the basis.
         */
        double[] sideWeights(double[] v, double[] n) {
            double[] combined = new double[d]; // S_j = sum over general basic columns of v_g n_gj
            for (int g = 0; g < generalCount; g++) {
                double vg = v[g];
                if (vg != 0) {
                    double[] row = a[general[g]];
                    for (int j = 0; j < d; j++) {
                        combined[j] += vg * row[j];
                    }
                }
            }
            double[] result = new double[2 * d];
            for (int j = 0; j < d; j++) {
                double nj = n == null ? 0 : n[j];
                switch (side[j]) {
                    case UPPER -> result[j] = nj - combined[j];
                    case LOWER -> result[d + j] = combined[j] - nj;
                    case BOTH -> {
                        double sum = v[p - 1];
                        result[j] = (sum + nj - combined[j]) / 2;
                        result[d + j] = (sum - nj + combined[j]) / 2;
                    }
                    default -> { }
                }
            }
            return result;
        }
    }

    /** A saved basis: the sides' states and the general columns with their generations. */
    private record Basis(byte[] sides, int[] general, int[] generations) {
    }

    /** Solves handed to GLOP because a check failed. */
    public long fallbackCount() {
        return fallbacks;
    }

    /** Simplex pivots over all solves. */
    public long pivotCount() {
        return pivots;
    }
}
