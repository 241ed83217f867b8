package io.github.reluregions.probabilistic;

import io.github.reluregions.probabilistic.search.PrefixProfile;

import java.util.SplittableRandom;

/**
 * The hash family the lower bound draws its XORs from: {@code staircase} (rows in echelon form with
 * pivots placed for a small search, {@link Staircase}), {@code dense} (each neuron in each row with
 * probability 1/2) or {@code fixed} (each row over {@code size} distinct neurons, MBound's XORs of fixed
 * length). Every family draws the parity bits uniformly, which is all the lower bound needs.
 */
public record HashChoice(Family family, int size) {

    /** The families. */
    public enum Family { STAIRCASE, DENSE, FIXED }

    public HashChoice {
        if (family == Family.FIXED && size < 1) {
            throw new IllegalArgumentException("an XOR size must be positive: " + size);
        }
    }

    public static HashChoice staircase() {
        return new HashChoice(Family.STAIRCASE, 0);
    }

    public static HashChoice dense() {
        return new HashChoice(Family.DENSE, 0);
    }

    public static HashChoice fixed(int size) {
        return new HashChoice(Family.FIXED, size);
    }

    /** A label for reports: {@code staircase}, {@code dense} or {@code fixed-K}. */
    public String label() {
        return family == Family.FIXED ? "fixed-" + size : family.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A hash of {@code rows} rows from this family (the profile places a staircase's pivots). */
    ParityHash draw(int rows, PrefixProfile profile, SplittableRandom random) {
        int positions = profile.depth();
        if (family == Family.DENSE) {
            return ParityHash.dense(positions, rows, random);
        }
        if (family == Family.FIXED) {
            return ParityHash.fixedSize(positions, rows, size, random);
        }
        return ParityHash.staircase(positions, Staircase.pivots(profile, rows, MipBound.STAIRCASE_TAIL), random);
    }
}
