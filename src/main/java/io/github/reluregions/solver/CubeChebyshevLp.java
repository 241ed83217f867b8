package io.github.reluregions.solver;

import io.github.reluregions.Vectors;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.RadiusCertificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The Chebyshev LP of a cell in a cube (a box whose sides all have half-width {@code h}, e.g. an L-infinity
 * ball or {@code [0, 1]^784}), solved in Java with the cube's sides as variable bounds and a basis the size of
 * the cell's rows.
 *
 * <p>A ball of radius {@code t < h} lies in the cube exactly when its center is {@code x = mid + (h - t) v}
 * with {@code |v_j| <= 1}. With {@code lambda = 1 / (h - t)} the row {@code n . x + t <= b} becomes
 * {@code n . v + (h - s) lambda <= 1}, {@code s = b - n . mid}, and maximising {@code t} is maximising
 * {@code lambda}: the LP {@code max lambda} subject to {@code N v + (h - s) lambda <= 1}, {@code -1 <= v <= 1},
 * {@code 0 <= lambda <= LAMBDA_CAP} (the cap stands for {@code t} reaching {@code h}). Its basis is
 * {@code m x m} for {@code m} rows whatever the dimension, and the sides are bounds that a pivot flips in
 * bulk: the dual simplex method with the bound-flipping ratio test, warm-started from the last basis (after a
 * row is added, the old basis with the new row's slack is dual feasible). A pivot costs {@code O(m d)}.
 *
 * <p>Nothing it says is taken on trust: the center {@code x = mid + v / lambda} and the rows' duals go back
 * to the caller, who recomputes the center's distances and builds the emptiness certificate from the duals
 * (a positive multiple of the original rows' weights, so the same certificate). When a check fails, the
 * iteration limit is hit or the basis is singular, GLOP solves the LP instead.
 */
public final class CubeChebyshevLp extends JavaChebyshevLp {
    private static final double PRIMAL_TOL = 1e-9;
    private static final double DUAL_TOL = 1e-11;
    private static final double PIVOT_TOL = 1e-9;
    private static final byte BASIC = 0;
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    /**
     * By state: -1 at the lower bound, +1 at the upper, 0 when basic; for a v_j (bounds -1 and 1) this is its
     * value as it enters the sums over the nonbasic variables.
     */
    private static final double[] BOUND_SIDE = {0, -1, 1};
    private static final int REFACTOR_EVERY = 32;
    /** Runs of at most this many breakpoints are sorted in the ratio test; longer ones are parted first. */
    private static final int SORTED_RUN = 12;
    /** Keys sampled to guess the ratio test's first split ({@code Simplex#sampledSplit}). */
    private static final int SAMPLES = 16;

    private final InputDomain domain;
    private final double radiusCap;
    private final int d;
    private final double[] mid;
    private final double h;
    private final double lambdaCap;
    private final double decisionRadius;

    // Rows by slot.
    private double[][] normals = new double[16][];
    private double[] offsets = new double[16];
    /** {@code s = b - n . mid} per slot: the row's slack at the cube's middle. */
    private double[] shifted = new double[16];
    private boolean[] active = new boolean[16];
    private int[] generation = new int[16];
    private Saved[] saved = new Saved[16];
    private byte[] slackState = new byte[16];
    private int slots;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    /** States of the structural variables: v_0 .. v_{d-1}, then lambda (index d). */
    private final byte[] state;

    /*
     * Carried from one solve to the next while the basis is kept (a row added with its slack basic, or removed
     * while basic, changes neither): each row's sum over the nonbasic v_j ({@code n . z}, by slot) and the
     * reduced costs (the structurals' stay in {@link #reducedScratch}, the slacks' by slot), so that a solve
     * need not sweep the d columns twice before its first pivot. Dropped when the basis is reset or restored; recomputed, as within a solve,
     * once {@link #REFACTOR_EVERY} pivots have updated them.
     */
    private boolean carried;
    private int carriedUpdates;
    private double[] slotSum = new double[16];
    private double[] slotReduced = new double[16];

    /**
     * The d-long scratch of a solve (the pivot row, the candidates' keys and variables, the flipped ones, the
     * sweep over the nonbasic v_j), kept from solve to solve and grown with the rows: a count solves thousands
     * of LPs, and allocating these anew for each was a quarter of a count's allocation in 784-D.
     */
    private double[] alphaScratch = new double[0];
    private double[] reducedScratch = new double[0];
    private long[] keyScratch = new long[0];
    private int[] enteringScratch = new int[0];
    private int[] passedScratch = new int[0];
    private final long[] sampleScratch = new long[SAMPLES];
    private final double[] nonbasicValues;

    private long pivots;
    private long flips;
    private long fallbacks;
    private long earlyStops;

    /** True when {@code domain} is a cube: an L-infinity ball, or a box with equal half-widths. */
    public static boolean supports(InputDomain domain) {
        if (domain instanceof Ball ball) {
            return ball.norm() == Norm.LINF;
        }
        if (domain instanceof Box box) {
            double h0 = (box.upper(0) - box.lower(0)) / 2;
            for (int j = 1; j < box.dimension(); j++) {
                if (Math.abs((box.upper(j) - box.lower(j)) / 2 - h0) > 1e-12 * h0) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The LP solved to optimality every time (no early stop). */
    public CubeChebyshevLp(InputDomain domain, double radiusCap) {
        this(domain, radiusCap, Double.NEGATIVE_INFINITY);
    }

    /**
     * @param decisionRadius the radius at or below which a cell counts as empty: a solve may stop before the
     *     optimum once the duals of its (dual feasible) basis prove the radius at most this, by the
     *     certificate the caller builds from them ({@link RadiusCertificate}, checked here first)
     */
    public CubeChebyshevLp(InputDomain domain, double radiusCap, double decisionRadius) {
        if (!supports(domain)) {
            throw new IllegalArgumentException("The cube Chebyshev LP takes cubes, not " + domain);
        }
        this.domain = domain;
        this.radiusCap = radiusCap;
        this.d = domain.dimension();
        this.mid = new double[d];
        double half;
        if (domain instanceof Ball ball) {
            for (int j = 0; j < d; j++) {
                mid[j] = ball.center(j);
            }
            half = ball.radius();
        } else {
            Box box = (Box) domain;
            half = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                mid[j] = (box.lower(j) + box.upper(j)) / 2;
                half = Math.min(half, (box.upper(j) - box.lower(j)) / 2);
            }
        }
        this.h = half;
        // lambda at its cap is t = h (1 - 1e-6): the cube's whole inscribed ball, but for a millionth of it
        // (a witness's radius is recomputed anyway). A larger cap costs digits in the first pivots.
        this.lambdaCap = 1e6 / h;
        this.decisionRadius = decisionRadius;
        this.state = new byte[d + 1];
        this.nonbasicValues = new double[d];
        coldStart();
    }

    /** Every slack basic, lambda at its cap, every v_j at its lower bound: dual feasible (all costs zero but lambda's). */
    private void coldStart() {
        carried = false;
        Arrays.fill(state, LOWER);
        state[d] = UPPER;
        for (int slot = 0; slot < slots; slot++) {
            slackState[slot] = BASIC;
        }
    }

    @Override
    public int addRow(double[] normal, double offset) {
        int slot;
        if (freeSlots.isEmpty()) {
            slot = slots++;
            if (slot == normals.length) {
                int size = 2 * slot;
                normals = Arrays.copyOf(normals, size);
                offsets = Arrays.copyOf(offsets, size);
                shifted = Arrays.copyOf(shifted, size);
                active = Arrays.copyOf(active, size);
                generation = Arrays.copyOf(generation, size);
                saved = Arrays.copyOf(saved, size);
                slackState = Arrays.copyOf(slackState, size);
                slotSum = Arrays.copyOf(slotSum, size);
                slotReduced = Arrays.copyOf(slotReduced, size);
            }
        } else {
            slot = freeSlots.pop();
        }
        saved[slot] = save();
        normals[slot] = normal; // kept, not copied: the caller leaves it alone while the row is in
        offsets[slot] = offset;
        shifted[slot] = offset - Vectors.dot(normal, mid, d);
        active[slot] = true;
        generation[slot]++;
        slackState[slot] = BASIC; // the old basis and the new slack: dual feasible still
        if (carried) { // the new slack is basic: its dual is 0, and the reduced costs stay
            slotSum[slot] = Vectors.dot(normal, nonbasicValues(), d);
            slotReduced[slot] = 0;
        }
        return slot;
    }

    /** The v_j's values as the sums over the nonbasic ones take them (0 for a basic one), in reused scratch. */
    private double[] nonbasicValues() {
        for (int j = 0; j < d; j++) {
            nonbasicValues[j] = BOUND_SIDE[state[j]];
        }
        return nonbasicValues;
    }

    @Override
    public void removeRow(int slot) {
        active[slot] = false;
        freeSlots.push(slot);
        if (slackState[slot] != BASIC) {
            // The row was tight: its basic variable set must change. The basis from before the row was added
            // is dual feasible for what is left, as long as its rows are all still there.
            if (!restore(saved[slot])) {
                coldStart();
            }
        }
        saved[slot] = null;
        normals[slot] = null;
    }

    private Saved save() {
        int count = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (active[slot]) {
                count++;
            }
        }
        int[] rows = new int[count];
        int[] generations = new int[count];
        byte[] slack = new byte[count];
        int k = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (active[slot]) {
                rows[k] = slot;
                generations[k] = generation[slot];
                slack[k] = slackState[slot];
                k++;
            }
        }
        return new Saved(state.clone(), rows, generations, slack);
    }

    private boolean restore(Saved basis) {
        if (basis == null) {
            return false;
        }
        int count = 0;
        for (int k = 0; k < basis.rows.length; k++) {
            int slot = basis.rows[k];
            if (!active[slot] || generation[slot] != basis.generations[k]) {
                return false;
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            if (active[slot]) {
                count++;
            }
        }
        if (count != basis.rows.length) {
            return false;
        }
        System.arraycopy(basis.state, 0, state, 0, d + 1);
        carried = false;
        for (int k = 0; k < basis.rows.length; k++) {
            slackState[basis.rows[k]] = basis.slack[k];
        }
        return true;
    }

    /** The cube's sides are bounds here: there is nothing to cut. */
    @Override
    public boolean addDomainCut(double[] normal, double offset) {
        throw new UnsupportedOperationException("Cube domains need no cuts");
    }

    @Override
    public Solution solve() {
        solves++;
        Solution solution = new Simplex().run();
        if (solution != null) {
            return solution;
        }
        coldStart();
        if (limit.reached()) {
            return Solution.failed();
        }
        fallbacks++;
        double[][] a = new double[slots][];
        for (int slot = 0; slot < slots; slot++) {
            a[slot] = normals[slot];
        }
        return GlopFallback.solve(domain, radiusCap, 0, a, offsets, active, 0, slots, limit.secondsLeft());
    }

    /** One solve: the rows in use, their basis and its inverse. */
    private final class Simplex {
        final int m;
        final int[] rowSlot;
        final double[] lambdaColumn; // h - s_r
        final int[] basic; // per basis position: a structural index (0..d) or d + 1 + row
        final double[][] inverse;
        /** The rows' normals (v_j coefficients), {@code rows[r][j]}, shared with the caller's rows, not copied. */
        final double[][] rows;
        /** {@code sum over the nonbasic v_j of A_j v_j}, kept up to date through flips and pivots. */
        final double[] nonbasicSum;
        int updates;
        // The scratch of one iteration: primal values, duals, the pivot row and its ratio test.
        final double[] xB;
        final double[] rhs;
        final double[] pi;
        final double[] rho;
        final double[] column;
        final double[] direction;
        final double[] alpha;
        final double[] reduced;
        /**
         * The candidates' breakpoints as sortable keys: the ratio's bits (non-negative doubles order as their
         * bits do) with the variable in the low {@link #varMask} bits, so that ties go to the smaller variable
         * and one long compare orders two breakpoints. The low bits cost the ratio 2^-42 of its value at
         * 784 inputs (10 bits): breakpoints that close are ordered by variable.
         */
        final long[] breakpoints;
        final long varMask;
        /** The candidates to enter, by variable. */
        final int[] entering;
        final int[] passed;
        /** The basis position that leaves (-1 at the optimum), and whether it goes to its lower bound. */
        int leaving;
        boolean toLower;
        int passedCount;

        Simplex() {
            int count = 0;
            for (int slot = 0; slot < slots; slot++) {
                if (active[slot]) {
                    count++;
                }
            }
            m = count;
            rowSlot = new int[m];
            lambdaColumn = new double[m];
            int k = 0;
            for (int slot = 0; slot < slots; slot++) {
                if (active[slot]) {
                    rowSlot[k] = slot;
                    lambdaColumn[k] = h - shifted[slot];
                    k++;
                }
            }
            basic = new int[m];
            inverse = new double[m][m];
            rows = new double[m][];
            for (int r = 0; r < m; r++) {
                rows[r] = normals[rowSlot[r]];
            }
            nonbasicSum = new double[m];
            xB = new double[m];
            rhs = new double[m];
            pi = new double[m];
            rho = new double[m];
            column = new double[m];
            direction = new double[m];
            if (alphaScratch.length < d + 2 + m) {
                int size = d + 2 + Math.max(m, 2 * slots);
                alphaScratch = new double[size];
                reducedScratch = Arrays.copyOf(reducedScratch, size); // the structurals' carried costs kept
                keyScratch = new long[size];
                enteringScratch = new int[size];
                passedScratch = new int[size];
            }
            alpha = alphaScratch;
            reduced = reducedScratch;
            breakpoints = keyScratch;
            entering = enteringScratch;
            varMask = Long.highestOneBit(d + m) * 2 - 1;
            passed = passedScratch;
            if (carried) {
                for (int r = 0; r < m; r++) {
                    nonbasicSum[r] = slotSum[rowSlot[r]];
                    reduced[d + 1 + r] = slotReduced[rowSlot[r]];
                }
            }
        }

        /** Hands the sums and reduced costs of the basis this solve ends on to the next solve. */
        private void carryOver() {
            for (int r = 0; r < m; r++) {
                slotSum[rowSlot[r]] = nonbasicSum[r];
                slotReduced[rowSlot[r]] = reduced[d + 1 + r];
            }
            carried = true;
        }

        /**
         * Recomputes {@link #nonbasicSum} over the nonbasic v_j from scratch. Lambda's term is left out: it is
         * added afresh each time (its cap is large, and kept in the sum its rounding would spoil the rest);
         * nonbasic slacks sit at 0.
         */
        void sumNonbasic() {
            multiply(rows, nonbasicValues(), nonbasicSum, d);
        }

        /**
         * {@code into[j] = sign * sum_r weights[r] rows[r][j]} for the v_j (j < d), summed row by row: the rows
         * are contiguous, so the sweep vectorises.
         */
        void combineRows(double[] weights, double sign, double[] into) {
            Arrays.fill(into, 0, d, 0);
            for (int r = 0; r < m; r++) {
                double c = sign * weights[r];
                if (c != 0) {
                    Vectors.addScaled(into, c, rows[r], d);
                }
            }
        }

        /** The reduced costs {@code c_j - pi . A_j} of every nonbasic variable, from scratch. */
        void price(double[] pi, double[] reduced) {
            combineRows(pi, -1, reduced);
            double p = -1;
            for (int r = 0; r < m; r++) {
                p -= pi[r] * lambdaColumn[r];
                reduced[d + 1 + r] = -pi[r];
            }
            reduced[d] = p;
        }

        void addColumn(int var, double z) {
            if (z == 0) {
                return;
            }
            if (var < d) {
                for (int r = 0; r < m; r++) {
                    nonbasicSum[r] += rows[r][var] * z;
                }
            } else if (var == d) {
                for (int r = 0; r < m; r++) {
                    nonbasicSum[r] += lambdaColumn[r] * z;
                }
            } else {
                nonbasicSum[var - d - 1] += z;
            }
        }

        /** Column {@code var} of the constraint matrix, entry for row {@code r}. */
        double entry(int var, int r) {
            if (var < d) {
                return rows[r][var];
            }
            if (var == d) {
                return lambdaColumn[r];
            }
            return var - d - 1 == r ? 1 : 0;
        }

        double lower(int var) {
            return var < d ? -1 : 0;
        }

        double upper(int var) {
            return var < d ? 1 : var == d ? lambdaCap : Double.POSITIVE_INFINITY;
        }

        byte stateOf(int var) {
            return var <= d ? state[var] : slackState[rowSlot[var - d - 1]];
        }

        void setState(int var, byte s) {
            if (var <= d) {
                state[var] = s;
            } else {
                slackState[rowSlot[var - d - 1]] = s;
            }
        }

        double valueOf(int var) {
            byte s = stateOf(var);
            return s == UPPER ? upper(var) : lower(var);
        }

        /** Gathers the basic variables; false when their number is not m. */
        boolean gatherBasis() {
            int k = 0;
            for (int var = 0; var <= d + m; var++) {
                if (stateOf(var) == BASIC) {
                    if (k == m) {
                        return false;
                    }
                    basic[k++] = var;
                }
            }
            return k == m;
        }

        boolean factor() {
            double[][] matrix = new double[m][m];
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < m; r++) {
                    matrix[r][k] = entry(basic[k], r);
                }
            }
            if (!invert(matrix, inverse, m)) {
                return false;
            }
            // inverse now maps row space to basis positions: B^-1 with rows = positions k, columns = rows r.
            updates = 0;
            return true;
        }

        Solution run() {
            if (m == 0) {
                return new Solution(Status.OPTIMAL, Math.min(h, radiusCap), mid.clone(), new double[slots]);
            }
            if (!gatherBasis()) {
                coldStart();
                if (!gatherBasis()) {
                    return null;
                }
            }
            if (!factor()) {
                coldStart();
                if (!gatherBasis() || !factor()) {
                    return null;
                }
            }
            // One small method per step of an iteration: the optimising compiler takes each early and on its
            // own, where one large loop body was compiled (and recompiled after each trap) as a whole.
            int iterations = 50 * (m + 10) + 2 * d;
            for (int iteration = 0; iteration < iterations; iteration++) {
                if (limit.reached()) { // a System.nanoTime() and a flag: cheap beside a pivot
                    return null;
                }
                boolean recomputed = false; // the sums over the nonbasic v_j, and then the reduced costs
                if (updates >= REFACTOR_EVERY || iteration == 0) {
                    if (!factor()) {
                        return null;
                    }
                    if (iteration > 0 || !carried || carriedUpdates >= REFACTOR_EVERY) {
                        sumNonbasic();
                        recomputed = true;
                        carriedUpdates = 0;
                    }
                }
                primalValues();
                chooseLeaving();
                duals();
                if (recomputed) {
                    price(pi, reduced);
                }
                if (leaving < 0) {
                    Solution optimum = verified(xB, pi);
                    if (optimum != null) {
                        carryOver();
                    }
                    return optimum;
                }
                if (provedEmpty(xB)) {
                    Solution empty = certified(pi);
                    if (empty != null) {
                        carryOver();
                        return empty;
                    }
                }
                if (!pivot()) {
                    return null;
                }
            }
            return null;
        }

        /** {@code x_B = B^-1 (1 - sum over the nonbasic structurals of A_j z_j)}; nonbasic slacks sit at 0. */
        private void primalValues() {
            for (int r = 0; r < m; r++) {
                rhs[r] = 1 - nonbasicSum[r];
            }
            if (state[d] != BASIC) {
                double lambda = valueOf(d);
                for (int r = 0; r < m; r++) {
                    rhs[r] -= lambdaColumn[r] * lambda;
                }
            }
            multiply(inverse, rhs, xB);
        }

        /**
         * Dual steepest edge: the basic variable whose infeasibility is largest against the length of its row
         * of B^-1 leaves (exact lengths: the basis is only m x m). Sets {@link #leaving} (-1 when x_B is
         * feasible: optimal) and {@link #toLower}.
         */
        private void chooseLeaving() {
            leaving = -1;
            double best = 0;
            for (int k = 0; k < m; k++) {
                int var = basic[k];
                double below = lower(var) - xB[k];
                double above = xB[k] - upper(var);
                double violation;
                boolean low;
                if (below > PRIMAL_TOL * (1 + Math.abs(lower(var)))) {
                    violation = below;
                    low = true;
                } else if (above > PRIMAL_TOL * (1 + Math.abs(upper(var)))) {
                    violation = above;
                    low = false;
                } else {
                    continue;
                }
                double weight = 0;
                for (double v : inverse[k]) {
                    weight += v * v;
                }
                double score = violation * violation / Math.max(weight, 1e-300);
                if (score > best) {
                    best = score;
                    leaving = k;
                    toLower = low;
                }
            }
        }

        /** {@code pi = c_B^T B^-1} (cost -1 on lambda only). */
        private void duals() {
            Arrays.fill(pi, 0);
            for (int k = 0; k < m; k++) {
                if (basic[k] == d) {
                    for (int r = 0; r < m; r++) {
                        pi[r] = -inverse[k][r];
                    }
                }
            }
        }

        /**
         * One pivot on the leaving row: the pivot row {@code alpha_j = (e_p^T B^-1) A_j}, the bound-flipping
         * ratio test, the flips it passes, and the basis change; false when the numerics went wrong.
         */
        private boolean pivot() {
            pivotRow();
            int candidates = candidates(toLower ? 1 : -1);
            if (candidates == 0) {
                return false; // the LP looks infeasible, which it never is: numerics went wrong
            }
            int entering = entering(candidates);
            if (entering < 0) {
                return false;
            }
            flipPassed();
            // Entering becomes basic at position leaving; the leaving one sits at the bound it hit.
            enteringDirection(entering);
            if (Math.abs(direction[leaving]) < PIVOT_TOL) {
                return false;
            }
            int leavingVar = basic[leaving];
            // The reduced costs move with the dual step theta = d_q / alpha_q.
            double theta = reduced[entering] / alpha[entering];
            stepReducedCosts(theta, alpha, reduced);
            reduced[entering] = 0;
            reduced[leavingVar] = -theta;
            if (entering < d) {
                addColumn(entering, -valueOf(entering));
            }
            setState(leavingVar, toLower ? LOWER : UPPER);
            setState(entering, BASIC);
            if (leavingVar < d) {
                addColumn(leavingVar, valueOf(leavingVar));
            }
            basic[leaving] = entering;
            updateInverse(leaving, direction);
            pivots++;
            return true;
        }

        /** The pivot row {@code alpha_j = (e_p^T B^-1) A_j} of every variable: the v_j, lambda and the slacks. */
        private void pivotRow() {
            System.arraycopy(inverse[leaving], 0, rho, 0, m);
            combineRows(rho, 1, alpha);
            double lambdaAlpha = 0;
            for (int r = 0; r < m; r++) {
                lambdaAlpha += rho[r] * lambdaColumn[r];
                alpha[d + 1 + r] = rho[r];
            }
            alpha[d] = lambdaAlpha;
        }

        /** The breakpoints the ratio test passed go to their other bound (a v_j from one bound to the other). */
        private void flipPassed() {
            for (int c = 0; c < passedCount; c++) {
                int var = passed[c];
                if (var < d) {
                    addColumn(var, -2 * valueOf(var));
                }
                setState(var, stateOf(var) == LOWER ? UPPER : LOWER);
            }
            flips += passedCount;
        }

        /** {@code direction = B^-1 a_q} for the entering column q. */
        private void enteringDirection(int entering) {
            for (int r = 0; r < m; r++) {
                column[r] = entry(entering, r);
            }
            multiply(inverse, column, direction);
        }

        /**
         * The nonbasic variables that may enter: with the leaving variable going to its lower bound
         * ({@code sign = 1}), those with {@code alpha_j < 0} at lower or {@code alpha_j > 0} at upper; to its
         * upper bound ({@code sign = -1}), the opposite. Fills {@link #entering}; returns how many there are.
         */
        private int candidates(double sign) {
            int count = 0;
            // Without a branch on the unordered signs: BOUND_SIDE turns "sign alpha_j < 0 at lower or > 0 at
            // upper" into one comparison (never true for a basic one), and every variable is written, kept when it
            // qualifies.
            for (int var = 0; var < d; var++) {
                double signed = sign * alpha[var] * BOUND_SIDE[state[var]];
                entering[count] = var;
                count += signed > PIVOT_TOL ? 1 : 0;
            }
            for (int var = d; var <= d + m; var++) {
                double signed = sign * alpha[var] * BOUND_SIDE[stateOf(var)];
                entering[count] = var;
                count += signed > PIVOT_TOL ? 1 : 0;
            }
            return count;
        }

        /** Fills {@link #breakpoints} with the first {@code count} candidates' keys; returns the smallest. */
        private long breakpoints(int count) {
            long smallest = Long.MAX_VALUE;
            for (int c = 0; c < count; c++) {
                int var = entering[c];
                double ratio = Math.abs(reduced[var]) / Math.abs(alpha[var]);
                long key = Double.doubleToRawLongBits(ratio) & ~varMask | var;
                breakpoints[c] = key;
                smallest = Math.min(smallest, key);
            }
            return smallest;
        }

        /**
         * The bound-flipping ratio test: passes breakpoints in order of ratio (ties by the smaller variable),
         * flipping boxed candidates, while the primal infeasibility of the leaving variable is not yet used
         * up; returns the entering variable (-1 if none) and leaves the passed ones in {@link #passed}.
         *
         * <p>The keys of all candidates are made first (their smallest is the first breakpoint). When the first
         * is not passed, it enters; on mnist_sub_8x8 one pivot in six ends there. Otherwise the breakpoints are
         * not sorted (a pivot passes some tens of hundreds): as in quickselect, a splitting key parts the
         * undecided ones into those before and after it; when the slope is left positive after all those
         * before, they are passed in one go, else the search goes on among them. The first splitting key is
         * guessed from a sample ({@link #sampledSplit}), the later ones are medians of three. Runs of at most
         * {@link #SORTED_RUN} breakpoints are sorted and walked one by one.
         */
        private int entering(int candidates) {
            passedCount = 0;
            double slope = toLower ? lower(basic[leaving]) - xB[leaving] : xB[leaving] - upper(basic[leaving]);
            int firstVar = (int) (breakpoints(candidates) & varMask);
            double firstRange = range(firstVar);
            boolean passesFirst = candidates > 1 && Double.isFinite(firstRange)
                    && slope - Math.abs(alpha[firstVar]) * firstRange > PRIMAL_TOL;
            if (!passesFirst) {
                return firstVar;
            }
            long[] keys = breakpoints;
            int lo = 0;
            int hi = candidates;
            long guess = candidates >= 4 * SAMPLES ? sampledSplit(keys, candidates, slope) : -1;
            while (hi - lo > SORTED_RUN) {
                int split;
                if (guess >= 0) {
                    split = partitionBelow(keys, lo, hi, guess);
                    guess = -1;
                    if (split == hi) { // all below the guess: part at a median, so that at least one is left
                        split = partition(keys, lo, hi);
                    }
                } else {
                    split = partition(keys, lo, hi);
                }
                double use = use(keys, lo, split);
                if (slope - use > PRIMAL_TOL) { // every breakpoint before the split is passed
                    pass(keys, lo, split);
                    slope -= use;
                    lo = split;
                } else {
                    hi = split;
                }
            }
            // Walk the rest in order: the sorted run, then (only when rounding let the whole run pass) the
            // breakpoints after it, the next one found by a scan each time.
            Arrays.sort(keys, lo, hi);
            for (int c = lo; c < candidates; c++) {
                if (c >= hi) {
                    int next = c;
                    for (int k = c + 1; k < candidates; k++) {
                        next = keys[k] < keys[next] ? k : next;
                    }
                    long key = keys[c];
                    keys[c] = keys[next];
                    keys[next] = key;
                }
                int var = (int) (keys[c] & varMask);
                double range = range(var);
                double use = Math.abs(alpha[var]) * range;
                if (c + 1 < candidates && Double.isFinite(range) && slope - use > PRIMAL_TOL) {
                    slope -= use;
                    passed[passedCount++] = var;
                    continue;
                }
                return var;
            }
            return -1;
        }

        /**
         * A first splitting key for the ratio test, a little past where the entering breakpoint should be:
         * {@link #SAMPLES} keys taken at even steps through the candidates are sorted, and their uses, each
         * standing for {@code candidates / SAMPLES} breakpoints, summed in order until they exhaust the slope;
         * the key one sample further (plus one, so that it goes before the split) is returned, or -1 when the
         * samples never exhaust it. Only the work depends on the guess: the split is checked like any other.
         * Parting the hundreds of candidates once around it leaves some tens to search, where splitting at
         * medians parts them three or four times over.
         */
        private long sampledSplit(long[] keys, int candidates, double slope) {
            long[] sample = sampleScratch;
            for (int s = 0; s < SAMPLES; s++) {
                sample[s] = keys[(int) ((2L * s + 1) * candidates / (2 * SAMPLES))];
            }
            Arrays.sort(sample);
            double weight = (double) candidates / SAMPLES;
            double use = 0;
            for (int s = 0; s < SAMPLES; s++) {
                int var = (int) (sample[s] & varMask);
                use += Math.abs(alpha[var]) * range(var) * weight;
                if (!(slope - use > PRIMAL_TOL)) {
                    return sample[Math.min(SAMPLES - 1, s + 1)] + 1;
                }
            }
            return -1;
        }

        /**
         * Parts {@code keys[lo..hi)} into those below {@code bound} and the others, without a branch (as
         * {@link #partition}); returns where the others begin.
         */
        private static int partitionBelow(long[] keys, int lo, int hi, long bound) {
            int store = lo;
            for (int i = lo; i < hi; i++) {
                long key = keys[i];
                keys[i] = keys[store];
                keys[store] = key;
                store += key < bound ? 1 : 0;
            }
            return store;
        }

        /** What passing the breakpoints {@code keys[from..to)} uses of the slope (infinite if a slack is among them). */
        private double use(long[] keys, int from, int to) {
            double use = 0;
            for (int c = from; c < to; c++) {
                int var = (int) (keys[c] & varMask);
                use += Math.abs(alpha[var]) * range(var);
            }
            return use;
        }

        /** Adds the breakpoints {@code keys[from..to)} to the passed ones. */
        private void pass(long[] keys, int from, int to) {
            for (int c = from; c < to; c++) {
                passed[passedCount++] = (int) (keys[c] & varMask);
            }
        }

        /** The distance between the bounds of {@code var}: 2 for a v_j, lambda's cap, infinite for a slack. */
        private double range(int var) {
            return var < d ? 2 : upper(var) - lower(var);
        }

        /**
         * Parts {@code keys[lo..hi)} around a splitting key (the median of the first, middle and last): returns
         * {@code split} such that the keys before it are smaller than the splitting one, which sits at
         * {@code split}, and those after it are not. {@code hi - lo >= 3}.
         */
        private static int partition(long[] keys, int lo, int hi) {
            long a = keys[lo];
            long b = keys[(lo + hi) >>> 1];
            long c = keys[hi - 1];
            int median = a < b ? (b < c ? (lo + hi) >>> 1 : a < c ? hi - 1 : lo)
                    : (a < c ? lo : b < c ? hi - 1 : (lo + hi) >>> 1);
            long pivot = keys[median];
            keys[median] = keys[hi - 1];
            keys[hi - 1] = pivot;
            int store = lo;
            for (int i = lo; i < hi - 1; i++) { // without a branch: the keys come in no order
                long key = keys[i];
                keys[i] = keys[store];
                keys[store] = key;
                store += key < pivot ? 1 : 0;
            }
            keys[hi - 1] = keys[store];
            keys[store] = pivot;
            return store;
        }

        /**
         * The reduced costs after the dual step {@code theta}: every v_j in one sweep (a basic one's entry is
         * never read; it is set when it leaves), then lambda and the slacks that are nonbasic.
         */
        private void stepReducedCosts(double theta, double[] alpha, double[] reduced) {
            for (int var = 0; var < d; var++) {
                reduced[var] -= theta * alpha[var];
            }
            for (int var = d; var <= d + m; var++) {
                if (stateOf(var) != BASIC) {
                    reduced[var] -= theta * alpha[var];
                }
            }
        }

        /** Product-form update after column {@code leaving} of the basis took the entering one ({@code direction = B^-1 a_q}). */
        private void updateInverse(int leaving, double[] direction) {
            double[] pivotRow = inverse[leaving];
            double pivot = direction[leaving];
            for (int j = 0; j < m; j++) {
                pivotRow[j] /= pivot;
            }
            for (int k = 0; k < m; k++) {
                double f = direction[k];
                if (k != leaving && f != 0) {
                    Vectors.addScaled(inverse[k], -f, pivotRow, m);
                }
            }
            updates++;
            carriedUpdates++;
        }

        /**
         * True when the basis, dual feasible as every basis of the dual simplex is, already bounds the radius
         * by the decision radius: its objective (lambda now) bounds the optimal lambda from above, and
         * {@code t = h - 1 / lambda}.
         */
        private boolean provedEmpty(double[] xB) {
            double lambda = valueOf(d);
            for (int k = 0; k < m; k++) {
                if (basic[k] == d) {
                    lambda = xB[k];
                }
            }
            return !(lambda > 0) || h - 1 / lambda <= decisionRadius;
        }

        /**
         * Stops early on an empty cell: the rows' duals {@code |pi|} prove its radius at most the decision
         * radius through the certificate, computed here as the caller will (null when it does not hold).
         * For a dual feasible basis the certificate equals the basis's own bound, {@code h - 1 / lambda}.
         */
        private Solution certified(double[] pi) {
            double[][] rowNormals = new double[m][];
            double[] rowOffsets = new double[m];
            double[] rowWeights = new double[m];
            double[] weights = new double[slots];
            for (int r = 0; r < m; r++) {
                rowNormals[r] = rows[r];
                rowOffsets[r] = offsets[rowSlot[r]];
                rowWeights[r] = Math.abs(pi[r]);
                weights[rowSlot[r]] = rowWeights[r];
            }
            double bound = RadiusCertificate.bound(domain, rowNormals, rowOffsets, rowWeights, m);
            if (!(bound <= decisionRadius)) {
                return null;
            }
            earlyStops++;
            return new Solution(Status.OPTIMAL, bound, null, weights);
        }

        /**
         * The optimum in the cell's coordinates, checked: the center's slacks must bear out t. (Each sweep is a
         * method of its own, so that the optimising compiler takes each loop once rather than this method
         * on-stack loop by loop.)
         */
        private Solution verified(double[] xB, double[] pi) {
            double lambda = state[d] == BASIC ? 0 : valueOf(d);
            for (int k = 0; k < m; k++) {
                if (basic[k] == d) {
                    lambda = xB[k];
                }
            }
            if (!(lambda > 0)) {
                return null;
            }
            double t = h - 1 / lambda;
            double[] x = center(xB, lambda);
            double[] weights = new double[slots];
            for (int r = 0; r < m; r++) {
                weights[rowSlot[r]] = Math.abs(pi[r]);
            }
            if (t > 0 && !(slack(x) >= t * (1 - 1e-9) - 1e-12)) {
                return null;
            }
            return new Solution(Status.OPTIMAL, Math.min(t, radiusCap), x, weights);
        }

        /** The ball's center {@code x = mid + v / lambda}, the basic v_j clamped to their bounds. */
        private double[] center(double[] xB, double lambda) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = mid[j] + BOUND_SIDE[state[j]] / lambda; // a basic v_j (0 here) is set below
            }
            for (int k = 0; k < m; k++) {
                int var = basic[k];
                if (var < d) {
                    x[var] = mid[var] + Math.max(-1, Math.min(1, xB[k])) / lambda;
                }
            }
            return x;
        }

        /** The point's distance to the outside of the cube and of the rows, recomputed. */
        private double slack(double[] x) {
            double slack = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                slack = Math.min(slack, h - Math.abs(x[j] - mid[j]));
            }
            for (int r = 0; r < m; r++) {
                int slot = rowSlot[r];
                slack = Math.min(slack, offsets[slot] - Vectors.dot(normals[slot], x, d));
            }
            return slack;
        }

        private void multiply(double[][] matrix, double[] vector, double[] into) {
            multiply(matrix, vector, into, m);
        }

        /** {@code into = matrix vector} over the m rows of {@code matrix} and its first {@code columns} columns. */
        private void multiply(double[][] matrix, double[] vector, double[] into, int columns) {
            for (int k = 0; k < m; k++) {
                into[k] = Vectors.dot(matrix[k], vector, columns);
            }
        }
    }

    private record Saved(byte[] state, int[] rows, int[] generations, byte[] slack) {
    }

    /** Simplex pivots over all solves (bound flips not counted). */
    public long pivotCount() {
        return pivots;
    }

    /** Bounds flipped by the ratio test over all solves. */
    public long flipCount() {
        return flips;
    }

    /** Solves that stopped before the optimum on a cell proved empty. */
    public long earlyStopCount() {
        return earlyStops;
    }

    /** Solves handed to GLOP because a check failed. */
    public long fallbackCount() {
        return fallbacks;
    }
}
