package io.github.reluregions.probabilistic;

import io.github.reluregions.compile.CompiledModel;
import io.github.reluregions.compile.NeuronRef;
import io.github.reluregions.probabilistic.search.ParitySystem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A random hash of activation patterns into {@code 2^rows} cells, given by parity (XOR) constraints: row
 * {@code r} says that the number of neurons of {@code support(r)} that are on is odd exactly when
 * {@code odd(r)}. Positions are hidden neurons, layer by layer (the pattern's order). Every factory draws
 * the parity bits uniformly and independently of everything else, which is what the lower bound needs:
 * then any fixed pattern lands in the cell with probability exactly {@code 2^-rows}, whatever the
 * supports. The dense family (each position in each row with probability 1/2) is moreover pairwise
 * independent, which the estimate needs. Immutable.
 */
public final class ParityHash {
    private final int positions;
    private final List<BitSet> supports;
    private final boolean[] odd;
    private final boolean staircase;

    private ParityHash(int positions, List<BitSet> supports, boolean[] odd) {
        this(positions, supports, odd, false);
    }

    private ParityHash(int positions, List<BitSet> supports, boolean[] odd, boolean staircase) {
        this.positions = positions;
        this.supports = supports;
        this.odd = odd;
        this.staircase = staircase;
    }

    /** No row: one cell, the whole pattern space. */
    public static ParityHash none(int positions) {
        return new ParityHash(positions, List.of(), new boolean[0]);
    }

    /** Each position in each row independently with probability 1/2: H_xor, a pairwise independent family. */
    public static ParityHash dense(int positions, int rows, SplittableRandom random) {
        List<BitSet> supports = new ArrayList<>(rows);
        boolean[] odd = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            BitSet support = new BitSet(positions);
            for (int p = 0; p < positions; p++) {
                if (random.nextBoolean()) {
                    support.set(p);
                }
            }
            supports.add(support);
            odd[r] = random.nextBoolean();
        }
        return new ParityHash(positions, supports, odd);
    }

    /** Each row over {@code size} distinct positions drawn uniformly (MBound's XORs of fixed length). */
    public static ParityHash fixedSize(int positions, int rows, int size, SplittableRandom random) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        int k = Math.min(size, positions);
        int[] order = new int[positions];
        List<BitSet> supports = new ArrayList<>(rows);
        boolean[] odd = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < positions; p++) {
                order[p] = p;
            }
            BitSet support = new BitSet(positions);
            for (int i = 0; i < k; i++) {
                int pick = i + random.nextInt(positions - i);
                int swap = order[i];
                order[i] = order[pick];
                order[pick] = swap;
                support.set(order[i]);
            }
            supports.add(support);
            odd[r] = random.nextBoolean();
        }
        return new ParityHash(positions, supports, odd);
    }

    /**
     * Row {@code r} holds position {@code pivots[r]} and each earlier position independently with
     * probability 1/2: a hash already in echelon form, whose rows a search meets at their pivots (see
     * {@link Staircase}). Not pairwise independent; the parity bits are uniform as always.
     *
     * @param pivots distinct positions, increasing
     */
    public static ParityHash staircase(int positions, int[] pivots, SplittableRandom random) {
        List<BitSet> supports = new ArrayList<>(pivots.length);
        boolean[] odd = new boolean[pivots.length];
        for (int r = 0; r < pivots.length; r++) {
            if (pivots[r] < 0 || pivots[r] >= positions || (r > 0 && pivots[r] <= pivots[r - 1])) {
                throw new IllegalArgumentException("Pivots must increase within [0, " + positions + "): "
                        + Arrays.toString(pivots));
            }
            BitSet support = new BitSet(positions);
            support.set(pivots[r]);
            for (int p = 0; p < pivots[r]; p++) {
                if (random.nextBoolean()) {
                    support.set(p);
                }
            }
            supports.add(support);
            odd[r] = random.nextBoolean();
        }
        return new ParityHash(positions, supports, odd, true);
    }

    /**
     * True for a {@link #staircase} hash: its pivots were placed for a search that decides the neurons in
     * their order, layer by layer. Any other hash (and any prefix of one) is false.
     */
    public boolean isStaircase() {
        return staircase;
    }

    /** The number of positions (hidden neurons). */
    public int positions() {
        return positions;
    }

    /** The number of rows (XOR constraints); the hash has {@code 2^rows} cells. */
    public int rows() {
        return odd.length;
    }

    /** The hash made of the first {@code m} rows (ApproxMC's nested cells: a cell of it holds the cells of this hash). */
    public ParityHash prefix(int m) {
        Objects.checkIndex(m, odd.length + 1);
        return new ParityHash(positions, supports.subList(0, m), Arrays.copyOf(odd, m), staircase);
    }

    /** The positions of row {@code r}. */
    public int[] support(int r) {
        return supports.get(r).stream().toArray();
    }

    /** The parity of row {@code r}: true for odd. */
    public boolean odd(int r) {
        return odd[r];
    }

    /** The rows in echelon form, for {@code probabilistic.search.ParitySearch}. */
    public ParitySystem system() {
        return ParitySystem.of(positions, supports, odd);
    }

    /**
     * Adds every row to {@code model} as a parity constraint over its binaries. A position whose neuron
     * has no binary (proved stable) contributes its fixed state to the row's parity.
     */
    public void addTo(CompiledModel model) {
        if (model.network().hiddenNeuronCount() != positions) {
            throw new IllegalArgumentException("The model's network has " + model.network().hiddenNeuronCount()
                    + " hidden neurons, the hash " + positions + " positions");
        }
        List<NeuronRef> binaries = model.binaries();
        int[] binaryOf = new int[positions];
        Arrays.fill(binaryOf, -1);
        for (int k = 0; k < binaries.size(); k++) {
            binaryOf[binaries.get(k).global()] = k;
        }
        boolean[] stableState = model.fullPattern(new boolean[binaries.size()]);
        for (int r = 0; r < rows(); r++) {
            boolean parity = odd[r];
            List<Integer> vars = new ArrayList<>();
            for (int p : support(r)) {
                if (binaryOf[p] >= 0) {
                    vars.add(binaryOf[p]);
                } else {
                    parity ^= stableState[p];
                }
            }
            model.addParity(vars.stream().mapToInt(Integer::intValue).toArray(), parity);
        }
    }
}
