package io.github.reluregions.probabilistic.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A system of parity (XOR) constraints over the positions of an activation pattern — one position per
 * hidden neuron, layer by layer, the order in which {@link ParitySearch} decides them — brought into
 * echelon form by Gaussian elimination over GF(2) so that every row ends at its own position, its
 * pivot. When a search reaches a pivot, every other position of that row is decided, so the pivot's
 * state is forced: no branching there.
 *
 * <p>The system has the same solutions as the rows it was built from (elimination only adds rows to
 * rows). A row that becomes empty is dropped when its parity is even and makes the system inconsistent
 * (no pattern satisfies it) when odd. Immutable.
 */
public final class ParitySystem {
    private final int positions;
    private final int[] pivotRow;
    private final int[][] others;
    private final boolean[] odd;
    private final boolean inconsistent;
    private final long[][] rowWords;

    private ParitySystem(int positions, int[] pivotRow, int[][] others, boolean[] odd, boolean inconsistent,
            long[][] rowWords) {
        this.positions = positions;
        this.pivotRow = pivotRow;
        this.others = others;
        this.odd = odd;
        this.inconsistent = inconsistent;
        this.rowWords = rowWords;
    }

    /** No constraint: every pattern satisfies it. */
    public static ParitySystem none(int positions) {
        return of(positions, List.of(), new boolean[0]);
    }

    /**
     * The system "the number of 1s of the pattern among {@code supports.get(r)} is odd exactly when
     * {@code odd[r]}", for every row {@code r}. Cost: O(rows^2 x positions / 64).
     *
     * @param positions the pattern's length (hidden neurons)
     */
    public static ParitySystem of(int positions, List<BitSet> supports, boolean[] odd) {
        Objects.requireNonNull(supports, "supports");
        if (supports.size() != odd.length) {
            throw new IllegalArgumentException(supports.size() + " supports but " + odd.length + " parities");
        }
        int[] pivotRow = new int[positions];
        Arrays.fill(pivotRow, -1);
        List<BitSet> rows = new ArrayList<>();
        List<Boolean> parities = new ArrayList<>();
        boolean inconsistent = false;
        for (int r = 0; r < supports.size(); r++) {
            BitSet row = (BitSet) supports.get(r).clone();
            if (row.length() > positions) {
                throw new IllegalArgumentException("Row " + r + " uses position " + (row.length() - 1)
                        + " of a pattern of " + positions);
            }
            boolean parity = odd[r];
            while (!row.isEmpty()) {
                int lead = row.length() - 1;
                int existing = pivotRow[lead];
                if (existing < 0) {
                    pivotRow[lead] = rows.size();
                    rows.add(row);
                    parities.add(parity);
                    break;
                }
                row.xor(rows.get(existing));
                parity ^= parities.get(existing);
            }
            if (row.isEmpty() && parity) {
                inconsistent = true;
            }
        }
        int[][] others = new int[rows.size()][];
        boolean[] rowOdd = new boolean[rows.size()];
        long[][] rowWords = new long[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            BitSet row = rows.get(r);
            others[r] = row.stream().limit(row.cardinality() - 1L).toArray();
            rowOdd[r] = parities.get(r);
            rowWords[r] = Arrays.copyOf(row.toLongArray(), words(positions));
        }
        return new ParitySystem(positions, pivotRow, others, rowOdd, inconsistent, rowWords);
    }

    /** The number of 64-bit words of a bit set over {@code positions} positions. */
    static int words(int positions) {
        return (positions + 63) >>> 6;
    }

    /** Row {@code r}'s positions (its pivot included) as the words of a bit set; not copied. */
    long[] rowWords(int r) {
        return rowWords[r];
    }

    /** True when an odd number of row {@code r}'s positions are on. */
    boolean rowOdd(int r) {
        return odd[r];
    }

    /** Throws unless the system is over the hidden neurons of {@code network}, one position each. */
    void requireOver(io.github.reluregions.model.Network network) {
        if (positions != network.hiddenNeuronCount()) {
            throw new IllegalArgumentException("The parity system is over " + positions
                    + " positions but the network has " + network.hiddenNeuronCount() + " hidden neurons");
        }
    }

    /** The pattern length the system is over. */
    public int positions() {
        return positions;
    }

    /** Independent rows after elimination: a consistent system has 2^(positions - rank) solutions. */
    public int rank() {
        return others.length;
    }

    /** True when no pattern satisfies the system. */
    public boolean isInconsistent() {
        return inconsistent;
    }

    /** True when a row ends at {@code position}: its state is forced by the earlier positions. */
    public boolean isPivot(int position) {
        return pivotRow[position] >= 0;
    }

    /**
     * The state forced at pivot {@code position} by the earlier positions of {@code pattern} (only those
     * are read).
     */
    public boolean forced(int position, boolean[] pattern) {
        int r = pivotRow[position];
        if (r < 0) {
            throw new IllegalArgumentException("Position " + position + " is not a pivot");
        }
        boolean value = odd[r];
        for (int p : others[r]) {
            value ^= pattern[p];
        }
        return value;
    }

    /** True when {@code pattern} (one entry per position) satisfies every row. */
    public boolean isSatisfiedBy(boolean[] pattern) {
        if (inconsistent) {
            return false;
        }
        for (int position = 0; position < positions; position++) {
            if (isPivot(position) && forced(position, pattern) != pattern[position]) {
                return false;
            }
        }
        return true;
    }
}
