package io.github.reluregions.probabilistic.search;

/**
 * What a {@link ParitySystem} says about the positions not yet decided, given the states of the decided
 * ones: substitutes the decided states into every row and brings what is left into reduced row echelon
 * form by Gauss-Jordan elimination over GF(2). The remaining system is inconsistent exactly when some
 * row reduces to "0 = 1"; a position's state is implied exactly when a reduced row holds that position
 * alone (a unit vector lies in the row space only as a row of the reduced form). So this finds every
 * consequence the parities have, in any order of decisions, not only at fixed pivots.
 *
 * <p>Cost per call: O(rows^2 x positions / 64) word operations. Mutable scratch space: one per search
 * thread.
 */
final class ParityPropagation {
    private final ParitySystem system;
    private final int words;
    private final long[][] rows;
    private final boolean[] rhs;
    private int forcedCount;
    private final int[] forcedPosition;
    private final boolean[] forcedOn;

    ParityPropagation(ParitySystem system) {
        this.system = system;
        this.words = ParitySystem.words(system.positions());
        this.rows = new long[system.rank()][words];
        this.rhs = new boolean[system.rank()];
        this.forcedPosition = new int[system.rank()];
        this.forcedOn = new boolean[system.rank()];
    }

    /**
     * Reduces the system over the positions not in {@code decided}, where the decided positions that are
     * on are {@code on} (bit sets as words). Returns false when no completion satisfies it; else the
     * implied positions are {@link #forcedCount()} many, read by {@link #forcedPosition} and
     * {@link #forcedOn}.
     */
    boolean propagate(long[] decided, long[] on) {
        int count = system.rank();
        for (int r = 0; r < count; r++) {
            long[] source = system.rowWords(r);
            long[] row = rows[r];
            int ones = 0;
            for (int w = 0; w < words; w++) {
                row[w] = source[w] & ~decided[w];
                ones += Long.bitCount(source[w] & on[w]);
            }
            rhs[r] = system.rowOdd(r) ^ ((ones & 1) == 1);
        }
        int rank = 0;
        for (int r = 0; r < count; r++) {
            // Move row r into place rank, then eliminate its lowest position from every other row.
            long[] row = rows[r];
            int pivot = lowestBit(row);
            if (pivot < 0) {
                if (rhs[r]) {
                    return false;
                }
                continue;
            }
            swap(r, rank);
            row = rows[rank];
            int word = pivot >>> 6;
            long bit = 1L << (pivot & 63);
            for (int other = 0; other < count; other++) {
                if (other != rank && (rows[other][word] & bit) != 0) {
                    long[] target = rows[other];
                    for (int w = 0; w < words; w++) {
                        target[w] ^= row[w];
                    }
                    rhs[other] ^= rhs[rank];
                }
            }
            rank++;
        }
        // Rows rank..count-1 became zero when they were reached or later: check their parity.
        for (int r = rank; r < count; r++) {
            if (lowestBit(rows[r]) < 0 && rhs[r]) {
                return false;
            }
        }
        forcedCount = 0;
        for (int r = 0; r < rank; r++) {
            int single = singleBit(rows[r]);
            if (single >= 0) {
                forcedPosition[forcedCount] = single;
                forcedOn[forcedCount] = rhs[r];
                forcedCount++;
            }
        }
        return true;
    }

    /** How many positions the last consistent {@link #propagate} found implied. */
    int forcedCount() {
        return forcedCount;
    }

    int forcedPosition(int k) {
        return forcedPosition[k];
    }

    boolean forcedOn(int k) {
        return forcedOn[k];
    }

    private void swap(int a, int b) {
        if (a != b) {
            long[] row = rows[a];
            rows[a] = rows[b];
            rows[b] = row;
            boolean parity = rhs[a];
            rhs[a] = rhs[b];
            rhs[b] = parity;
        }
    }

    private int lowestBit(long[] row) {
        for (int w = 0; w < words; w++) {
            if (row[w] != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(row[w]);
            }
        }
        return -1;
    }

    /** The one position of {@code row}, or -1 when it has none or several. */
    private int singleBit(long[] row) {
        int found = -1;
        for (int w = 0; w < words; w++) {
            long value = row[w];
            if (value == 0) {
                continue;
            }
            if (found >= 0 || (value & (value - 1)) != 0) {
                return -1;
            }
            found = (w << 6) + Long.numberOfTrailingZeros(value);
        }
        return found;
    }
}
