package io.github.reluregions.count.lp;

import io.github.reluregions.count.SearchStats;
import io.github.reluregions.query.Tolerances;

import java.util.List;

/**
 * Where an LP-engine search stands: the regions counted so far and the subtrees still open. The regions
 * of the open subtrees are exactly the ones not yet counted, so {@code regions} plus their counts is the
 * total. A checkpoint saves this; a resumed search starts from it.
 *
 * @param regions regions counted so far
 * @param exploredFraction share of the search tree finished (1 minus the open subtrees' weights)
 * @param stats what the search did so far, in the search's coordinates
 * @param open the subtrees not yet searched; empty when the search finished
 */
public record SearchState(long regions, double exploredFraction, SearchStats stats, List<SubtreeTask> open) {
    public SearchState {
        open = List.copyOf(open);
    }

    /** The state before any search. */
    public static SearchState start(Tolerances tolerances) {
        return new SearchState(0, 0, SearchStats.none(tolerances), List.of(SubtreeTask.root()));
    }

    public boolean finished() {
        return open.isEmpty();
    }
}
