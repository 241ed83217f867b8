package io.github.reluregions.solver;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The Chebyshev LP solved in Java, for box and L-infinity-ball domains and all of R^d (through a stand-in
 * box of half-side {@link #WHOLE_SPACE_EXTENT} whose answers are only taken when they do not lean on it): the primal simplex method on its
 * dual, {@code min b.y} subject to {@code sum_i y_i (a_i, 1) = (0, 1)}, {@code y >= 0}, with a dense
 * {@code (d+1) x (d+1)} basis, warm-started from the last optimal basis. For the few inputs and tens of
 * rows of a search node this avoids the cost of a call into a native solver.
 *
 * <p>Nothing it says is taken on trust. An optimum with radius {@code t > 0} is returned only if its center
 * is recomputed to have slack at least {@code t} (up to rounding) in every row. Any other optimum is
 * returned with the radius its dual certificate proves: for {@code y >= 0} with {@code sum y = 1} and
 * residual {@code r = sum y_i a_i}, every point of the box with radius {@code t > 0} has
 * {@code t <= b.y + |r|.X} ({@code X} the largest coordinate magnitudes of the box), so that bound is a
 * true upper bound on the radius. When a check fails, the iteration limit is hit or the basis becomes
 * singular, the LP is solved on GLOP instead (a model built for that solve).
 */
public final class DenseChebyshevLp extends JavaChebyshevLp {
    private static final double PIVOT = 1e-9;
    private static final double OPTIMAL = 1e-11;
    /** Pivots between two inversions of the basis from scratch; in between, the inverse is updated in O(n^2). */
    private static final int REINVERT_EVERY = 16;

    private final InputDomain domain;
    private final boolean wholeSpace;
    private final double radiusCap;
    private final int d;
    private final int n;
    private final double[] extent;
    private final int fixedRows;

    private double[][] a = new double[16][];
    private double[] b = new double[16];
    private boolean[] active = new boolean[16];
    private boolean[] basic = new boolean[16];
    /** Bumped each time a slot takes a new row, so that a saved basis can tell its rows are still the same. */
    private int[] generation = new int[16];
    /** For each added row, the basis (rows, then their generations) when it was added: its parent's basis. */
    private int[][] savedBasis = new int[16][];
    private int rows;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private final int[] basis;
    private final int[] initialBasis;
    private final double[][] matrix;
    private final double[][] inverse;
    private long fallbacks;

    /** True when this LP can serve {@code domain} (boxes, L-infinity balls and all of R^d). */
    public static boolean supports(InputDomain domain) {
        return isBoxLike(domain);
    }

    /**
     * @param domain a box, an L-infinity ball or all of R^d
     * @param radiusCap the largest radius the LP may report
     */
    public DenseChebyshevLp(InputDomain domain, double radiusCap) {
        if (!supports(domain)) {
            throw new IllegalArgumentException("The dense Chebyshev LP takes boxes, L-infinity balls and R^d, not "
                    + domain);
        }
        this.domain = domain;
        this.wholeSpace = domain instanceof WholeSpace;
        this.radiusCap = radiusCap;
        this.d = domain.dimension();
        this.n = d + 1;
        this.extent = new double[d];
        double[] lower = new double[d];
        double[] upper = new double[d];
        boxSides(domain, lower, upper);
        for (int j = 0; j < d; j++) {
            extent[j] = Math.max(Math.abs(lower[j]), Math.abs(upper[j]));
        }
        this.basis = new int[n];
        this.initialBasis = new int[n];
        this.matrix = new double[n][n];
        this.inverse = new double[n][n];
        // Slot 0: t <= radiusCap. Slots 1..d: x_j + t <= upper_j. Then -x_j + t <= -lower_j.
        initialBasis[0] = append(new double[d], radiusCap);
        for (int j = 0; j < d; j++) {
            double[] unit = new double[d];
            unit[j] = 1;
            initialBasis[j + 1] = append(unit, upper[j]);
        }
        for (int j = 0; j < d; j++) {
            double[] unit = new double[d];
            unit[j] = -1;
            append(unit, -lower[j]);
        }
        fixedRows = rows;
        resetBasis();
    }

    /** Back to the first basis (the radius cap and the upper sides of the box), which is always feasible. */
    private void resetBasis() {
        for (int k = 0; k < n; k++) {
            basic[basis[k]] = false;
        }
        System.arraycopy(initialBasis, 0, basis, 0, n);
        for (int k = 0; k < n; k++) {
            basic[basis[k]] = true;
        }
    }

    private int append(double[] normal, double offset) {
        if (rows == a.length) {
            a = Arrays.copyOf(a, 2 * rows);
            b = Arrays.copyOf(b, 2 * rows);
            active = Arrays.copyOf(active, 2 * rows);
            basic = Arrays.copyOf(basic, 2 * rows);
            generation = Arrays.copyOf(generation, 2 * rows);
            savedBasis = Arrays.copyOf(savedBasis, 2 * rows);
        }
        a[rows] = normal.clone();
        b[rows] = offset;
        active[rows] = true;
        return rows++;
    }

    @Override
    public int addRow(double[] normal, double offset) {
        int row;
        if (freeSlots.isEmpty()) {
            row = append(normal, offset);
        } else {
            row = freeSlots.pop();
            System.arraycopy(normal, 0, a[row], 0, d);
            b[row] = offset;
            active[row] = true;
        }
        generation[row]++;
        savedBasis[row] = saveBasis(savedBasis[row]);
        return row - fixedRows;
    }

    @Override
    public void removeRow(int slot) {
        int row = slot + fixedRows;
        active[row] = false;
        freeSlots.push(row);
        if (basic[row]) {
            // The slot may come back with another row: the basis must not keep it. The basis from before the
            // row was added is a feasible start (feasibility of a basis does not depend on the other rows) as
            // long as its own rows are all still there; else start from the first basis.
            if (!restoreBasis(savedBasis[row], row)) {
                resetBasis();
            }
        }
    }

    private int[] saveBasis(int[] into) {
        int[] saved = into != null && into.length == 2 * n ? into : new int[2 * n];
        for (int k = 0; k < n; k++) {
            saved[k] = basis[k];
            saved[n + k] = generation[basis[k]];
        }
        return saved;
    }

    private boolean restoreBasis(int[] saved, int removed) {
        if (saved == null) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            int row = saved[k];
            if (row == removed || !active[row] || generation[row] != saved[n + k]) {
                return false;
            }
        }
        for (int k = 0; k < n; k++) {
            basic[basis[k]] = false;
        }
        for (int k = 0; k < n; k++) {
            basis[k] = saved[k];
            basic[basis[k]] = true;
        }
        return true;
    }

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
        if (limit.reached()) {
            return Solution.failed();
        }
        fallbacks++;
        return GlopFallback.solve(domain, radiusCap, WHOLE_SPACE_EXTENT, a, b, active, fixedRows, rows,
                limit.secondsLeft());
    }

    /** The verified answer of the simplex method, or null when it cannot give one. */
    private Solution simplex() {
        int maxIterations = 20 * (rows + n);
        int blandAfter = 2 * (rows + n);
        double[] pi = new double[n];
        double[] direction = new double[n];
        int updates = REINVERT_EVERY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if ((iteration & 15) == 15 && limit.reached()) { // pivots of at most 17 x 17: cheap, look every 16
                resetBasis();
                return null;
            }
            if (updates == REINVERT_EVERY) {
                if (!invertBasis()) {
                    resetBasis();
                    return null;
                }
                updates = 0;
            }
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += b[basis[k]] * inverse[k][j];
                }
                pi[j] = sum;
            }
            int entering = -1;
            double best = -OPTIMAL;
            for (int i = 0; i < rows; i++) {
                if (!active[i] || basic[i]) {
                    continue;
                }
                double reduced = b[i] - pi[d] - Vectors.dot(pi, a[i], a[i].length);
                double scale = 1 + Math.abs(b[i]);
                if (reduced < best * scale) {
                    entering = i;
                    if (iteration >= blandAfter) {
                        break; // Bland's rule: the first improving row, so that degenerate pivots cannot cycle
                    }
                    best = reduced / scale;
                }
            }
            if (entering < 0) {
                return verified(pi);
            }
            for (int k = 0; k < n; k++) {
                double sum = inverse[k][d];
                for (int j = 0; j < d; j++) {
                    sum += inverse[k][j] * a[entering][j];
                }
                direction[k] = sum;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (direction[k] > PIVOT) {
                    double value = Math.max(0, inverse[k][d]) / direction[k];
                    if (value < ratio - 1e-15 || value <= ratio + 1e-15 && leaving >= 0 && basis[k] < basis[leaving]) {
                        ratio = value;
                        leaving = k;
                    }
                }
            }
            if (leaving < 0) {
                return null; // the dual looks unbounded: impossible for this LP, so numerics went wrong
            }
            basic[basis[leaving]] = false;
            basis[leaving] = entering;
            basic[entering] = true;
            updateInverse(leaving, direction);
            updates++;
        }
        return null;
    }

    /**
     * The inverse after column {@code leaving} of the basis was replaced by the entering one, whose
     * coordinates in the old basis are {@code direction}: row {@code leaving} divided by its pivot, and that
     * row's multiples taken off the others (the product-form update). The answer is checked in the end
     * anyway ({@link #verified}), and the basis is inverted afresh every {@link #REINVERT_EVERY} pivots.
     */
    private void updateInverse(int leaving, double[] direction) {
        double[] pivotRow = inverse[leaving];
        double pivot = direction[leaving];
        for (int j = 0; j < n; j++) {
            pivotRow[j] /= pivot;
        }
        for (int k = 0; k < n; k++) {
            double f = direction[k];
            if (k != leaving && f != 0) {
                double[] row = inverse[k];
                for (int j = 0; j < n; j++) {
                    row[j] -= f * pivotRow[j];
                }
            }
        }
    }

    /**
     * The optimum {@code (x, t) = pi}, checked both ways: the dual certificate must prove that no radius
     * above {@code t} (up to rounding) exists, and a positive {@code t} must be the center's true slack.
     * The radius returned is the certificate's upper bound. Null when a check fails.
     */
    private Solution verified(double[] pi) {
        double t = pi[d];
        double[] center = Arrays.copyOf(pi, d);
        // Dual certificate: y from the basis (y_B = B^-1 e), clipped at 0 and normalised.
        double sum = 0;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            y[k] = Math.max(0, inverse[k][d]);
            sum += y[k];
        }
        if (!(sum > 0.5)) {
            return null;
        }
        double bound = 0;
        double magnitude = 0;
        double boxWeight = 0;
        double[] residual = new double[d];
        for (int k = 0; k < n; k++) {
            double yk = y[k] / sum;
            int row = basis[k];
            if (row > 0 && row < fixedRows) {
                boxWeight += yk;
            }
            bound += yk * b[row];
            magnitude += yk * Math.abs(b[row]);
            for (int j = 0; j < d; j++) {
                residual[j] += yk * a[row][j];
            }
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
            // the cap is the answer in R^d too. (With no weight on the box, the certificate is over the
            // cell's own rows, its residual charged at the box: the same bound up to rounding everywhere.)
            return null;
        }
        if (t > 0) {
            double slack = Double.POSITIVE_INFINITY;
            for (int i = 1; i < rows; i++) {
                if (active[i]) {
                    slack = Math.min(slack, b[i] - Vectors.dot(center, a[i], a[i].length));
                }
            }
            if (!(slack >= t * (1 - 1e-9) - 1e-12)) {
                return null;
            }
        }
        double[] weights = new double[rows - fixedRows];
        for (int k = 0; k < n; k++) {
            if (basis[k] >= fixedRows) {
                weights[basis[k] - fixedRows] = y[k] / sum;
            }
        }
        return new Solution(Status.OPTIMAL, Math.min(Math.max(t, bound), radiusCap), center, weights);
    }

    /** Inverts the basis matrix (column k = (a_basis[k], 1)) by Gauss-Jordan with partial pivoting. */
    private boolean invertBasis() {
        for (int k = 0; k < n; k++) {
            double[] row = a[basis[k]];
            for (int j = 0; j < d; j++) {
                matrix[j][k] = row[j];
            }
            matrix[d][k] = 1;
        }
        return invert(matrix, inverse, n);
    }

    /** Solves handed to GLOP because a check failed. */
    public long fallbackCount() {
        return fallbacks;
    }
}
