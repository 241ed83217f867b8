package io.github.reluregions.probabilistic;

import io.github.reluregions.probabilistic.search.PrefixProfile;

import java.util.Arrays;

/**
 * Where to put the pivots of a staircase hash ({@link ParityHash#staircase}) so that the search of a cell
 * stays small: the search meets a row at its pivot, where the neuron's state is forced, and each such
 * row halves the prefixes below it on average. With the estimated number of prefixes {@code R_j} at each
 * depth ({@link PrefixProfile}), {@code s} rows and a tail of {@code q} of them:
 *
 * <ul>
 *   <li>the last {@code q} rows take the last {@code q} positions (they thin the prefixes left near the
 *       leaves, each row by half, which spreads the cell's regions over independent parities);
 *   <li>the other {@code s - q} rows take, one by one, the first position after the previous one where
 *       the expected number of prefixes with this row, {@code R_{j+1} / 2^r}, is still at least
 *       {@code K = R_N / 2^(s-q)}, the number expected to enter the tail; positions left over go to the
 *       latest free positions before the tail.
 * </ul>
 * So the search carries about {@code K} prefixes at every depth, and its cost is about {@code K} times the
 * number of neurons. The placement is a function of the profile only, never of the parity bits, so it
 * does not touch the lower bound's guarantee.
 */
final class Staircase {
    private Staircase() {
    }

    /**
     * The pivots (increasing positions) of {@code rows} rows over the profile's positions, with
     * {@code tail} of them on the last positions.
     */
    static int[] pivots(PrefixProfile profile, int rows, int tail) {
        int n = profile.depth();
        if (rows < 0 || rows > n) {
            throw new IllegalArgumentException("Cannot place " + rows + " pivots on " + n + " positions");
        }
        int q = Math.min(Math.max(tail, 0), rows);
        int early = rows - q;
        int[] pivots = new int[rows];
        for (int r = 0; r < q; r++) {
            pivots[early + r] = n - q + r;
        }
        double entering = profile.log2Nodes(n) - early; // log2 K
        int placed = 0;
        for (int j = 0; j < n - q && placed < early; j++) {
            // leave room: the pivots still to place need positions up to n - q - 1
            boolean mustPlace = n - q - j <= early - placed;
            if (mustPlace || profile.log2Nodes(j + 1) - (placed + 1) >= entering) {
                pivots[placed++] = j;
            }
        }
        if (placed != early) {
            throw new IllegalStateException("placed " + placed + " of " + early + " pivots: " + Arrays.toString(pivots));
        }
        return pivots;
    }
}
