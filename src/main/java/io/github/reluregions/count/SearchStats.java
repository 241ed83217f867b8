package io.github.reluregions.count;
import io.github.reluregions.query.Tolerances;


import java.util.ArrayList;
import java.util.List;

/**
 * What a count did and saw.
 *
 * @param lpsSolved LPs solved
 * @param nodes search nodes visited (neuron decisions)
 * @param stableByDomain neuron decisions settled because the neuron's sign is fixed over the whole domain
 * @param constantNeurons neuron decisions settled because the neuron is constant on the region (dead,
 *     zero row, or cancelled)
 * @param decidedByWitness sides of a neuron whose interior point was inherited from the parent (no LP)
 * @param emptySides sides found to have no interior (LP radius at or below the tolerance)
 * @param thinRegions counted regions whose certified radius is below the thin threshold
 * @param thinExamples up to 20 of them, with their witnesses
 * @param nearDegenerateDropped cells not counted whose LP radius lies within a factor 100 below the
 *     tolerance: they would count under a looser tolerance
 * @param uncertainCells cells the LP called open but whose interior point could not be certified; any
 *     makes the count incomplete
 * @param domainCuts tangent cuts added to approximate an L2 ball
 * @param tolerances the tolerances used
 * @param model what the solver model did, for the engines that compile one ({@code milp}, {@code cpsat});
 *     null for the {@code lp} engine
 */
public record SearchStats(long lpsSolved, long nodes, long stableByDomain, long constantNeurons,
        long decidedByWitness, long emptySides, long thinRegions, List<ThinRegion> thinExamples,
        long nearDegenerateDropped, long uncertainCells, long domainCuts, Tolerances tolerances, ModelStats model) {

    /** At most this many thin regions are listed. */
    public static final int MAX_THIN_EXAMPLES = 20;

    public SearchStats {
        thinExamples = List.copyOf(thinExamples);
    }

    /** Nothing done yet. */
    public static SearchStats none(Tolerances tolerances) {
        return new SearchStats(0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, tolerances, null);
    }

    /** What this and {@code other} did together (parts of one search, e.g. two workers). */
    public SearchStats plus(SearchStats other) {
        List<ThinRegion> thin = new ArrayList<>(thinExamples);
        for (ThinRegion region : other.thinExamples) {
            if (thin.size() < MAX_THIN_EXAMPLES) {
                thin.add(region);
            }
        }
        return new SearchStats(lpsSolved + other.lpsSolved, nodes + other.nodes, stableByDomain + other.stableByDomain,
                constantNeurons + other.constantNeurons, decidedByWitness + other.decidedByWitness,
                emptySides + other.emptySides, thinRegions + other.thinRegions, thin,
                nearDegenerateDropped + other.nearDegenerateDropped, uncertainCells + other.uncertainCells,
                domainCuts + other.domainCuts, tolerances, model == null ? other.model : model);
    }

    /** Stats of an engine without a solver model. */
    public SearchStats(long lpsSolved, long nodes, long stableByDomain, long constantNeurons,
            long decidedByWitness, long emptySides, long thinRegions, List<ThinRegion> thinExamples,
            long nearDegenerateDropped, long uncertainCells, long domainCuts, Tolerances tolerances) {
        this(lpsSolved, nodes, stableByDomain, constantNeurons, decidedByWitness, emptySides, thinRegions,
                thinExamples, nearDegenerateDropped, uncertainCells, domainCuts, tolerances, null);
    }
}
