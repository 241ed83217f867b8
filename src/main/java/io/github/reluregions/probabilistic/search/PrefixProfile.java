package io.github.reluregions.probabilistic.search;

/**
 * How many search prefixes there are at each depth, as estimated by {@link ParitySearch#profile}.
 *
 * @param log2Nodes entry {@code j} (0 to the number of hidden neurons): log2 of the estimated number of
 *     prefixes of {@code j} decisions with an interior; the last entry estimates log2 of the region count
 * @param population the most prefixes the sampled search kept per depth
 * @param lpsSolved LPs the sampled search solved
 */
public record PrefixProfile(double[] log2Nodes, int population, long lpsSolved) {

    public PrefixProfile {
        log2Nodes = log2Nodes.clone();
    }

    @Override
    public double[] log2Nodes() {
        return log2Nodes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrefixProfile that && population == that.population && lpsSolved == that.lpsSolved
                && java.util.Arrays.equals(log2Nodes, that.log2Nodes);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(population, lpsSolved) + java.util.Arrays.hashCode(log2Nodes);
    }

    @Override
    public String toString() {
        return "PrefixProfile[log2Nodes=" + java.util.Arrays.toString(log2Nodes) + ", population=" + population
                + ", lpsSolved=" + lpsSolved + "]";
    }

    /** log2 of the estimated number of prefixes of {@code depth} decisions. */
    public double log2Nodes(int depth) {
        return log2Nodes[depth];
    }

    /** The number of positions (hidden neurons). */
    public int depth() {
        return log2Nodes.length - 1;
    }
}
