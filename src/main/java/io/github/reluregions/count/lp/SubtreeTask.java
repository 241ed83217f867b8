package io.github.reluregions.count.lp;

import java.util.Arrays;

/**
 * A subtree of the LP engine's search: every region whose activation pattern begins with {@code prefix}.
 * Disjoint prefixes share no region, so the counts of subtrees add up exactly; subtrees are the unit of
 * parallel work, of checkpoints and of distribution.
 *
 * @param prefix the decisions of the first {@code prefix.length} hidden neurons, in layer order (neurons
 *     whose sign is forced on the branch are included with their forced value)
 * @param inLp for each neuron of the prefix, whether its half-space was a row of the LP when the task was
 *     made (rows left out are implied; the search adds them back when a point violates them). It only
 *     affects which LPs are solved, never what is counted
 * @param witness a point believed to lie inside the prefix's polyhedron (certified again before use), in
 *     the search's coordinates, or null to find one by LP
 * @param weight the share of the whole search tree this subtree stands for (each branching halves it)
 */
public record SubtreeTask(boolean[] prefix, boolean[] inLp, double[] witness, double weight) {
    public SubtreeTask {
        prefix = prefix.clone();
        inLp = inLp.clone();
        witness = witness == null ? null : witness.clone();
        if (inLp.length != prefix.length) {
            throw new IllegalArgumentException("prefix and inLp differ in length: " + prefix.length + " vs "
                    + inLp.length);
        }
    }

    /** The whole search tree. */
    public static SubtreeTask root() {
        return new SubtreeTask(new boolean[0], new boolean[0], null, 1.0);
    }

    @Override
    public boolean[] prefix() {
        return prefix.clone();
    }

    @Override
    public boolean[] inLp() {
        return inLp.clone();
    }

    @Override
    public double[] witness() {
        return witness == null ? null : witness.clone();
    }

    int depth() {
        return prefix.length;
    }

    boolean decision(int neuron) {
        return prefix[neuron];
    }

    boolean rowInLp(int neuron) {
        return inLp[neuron];
    }

    double[] witnessView() {
        return witness;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubtreeTask task && Arrays.equals(prefix, task.prefix)
                && Arrays.equals(inLp, task.inLp) && Arrays.equals(witness, task.witness)
                && Double.compare(weight, task.weight) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) * 31 + Double.hashCode(weight);
    }

    @Override
    public String toString() {
        StringBuilder bits = new StringBuilder();
        for (boolean b : prefix) {
            bits.append(b ? '1' : '0');
        }
        return "SubtreeTask[" + bits + ", weight=" + weight + "]";
    }
}
