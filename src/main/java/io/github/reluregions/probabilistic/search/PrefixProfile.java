package io.github.reluregions.probabilistic.search;

import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.query.Query;
import java.util.SplittableRandom;

/**
 * How many search prefixes there are at each depth, as estimated by {@link #sample}: a profile of the LP
 * search tree, which the lower bound uses to place its XORs.
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

    /**
     * Estimates, for every depth {@code j = 0..N} of the search ({@code N} hidden neurons), the base-2
     * logarithm of the number of prefixes of {@code j} decisions with an interior, by a sampled
     * breadth-first search (stochastic enumeration, in the spirit of Knuth 1975 and Chen 1992): each level
     * keeps at most {@code population} prefixes, drawn uniformly from the children of the level above,
     * each weighted by the inverse of its chance to be kept. The sum of the weights at depth {@code j} is
     * an unbiased estimate of the number of prefixes there, and far steadier than Knuth's single paths
     * (which average a few heavy-tailed products). At depth {@code N} it estimates the number of regions.
     * Cost: about {@code population} nodes per neuron, each with one or two LPs over its prefix's rows.
     * When the monitor stops the run, the depths not reached keep the last estimate.
     */
    public static PrefixProfile sample(Query query, int population, SplittableRandom random, SearchMonitor monitor) {
        return ParitySearch.sampledProfile(query, population, random, monitor);
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
