package io.github.reluregions.count.cell;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ModelStats;
import io.github.reluregions.count.Outcome;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.ThinRegion;
import io.github.reluregions.query.Tolerances;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The bookkeeping every exact engine shares: regions counted (and handed to the listener), thin regions,
 * empty and uncertain cells, and the share of the search finished.
 */
public final class Tally {
    private final Tolerances tol;
    private final LongSupplier numbering;
    private long regions;
    private double explored;
    private long emptySides;
    private long nearDegenerateDropped;
    private long uncertainCells;
    private long thinRegions;
    private final List<ThinRegion> thinExamples = new ArrayList<>();

    /** A tally that numbers its regions 0, 1, 2, ... */
    public Tally(Tolerances tolerances) {
        this.tol = tolerances;
        this.numbering = () -> regions - 1;
    }

    /** A tally whose regions take their numbers from {@code numbering} (shared by the parts of one search). */
    public Tally(Tolerances tolerances, LongSupplier numbering) {
        this.tol = tolerances;
        this.numbering = numbering;
    }

    /** Counts a region with certified witness {@code x}; {@code weight} is its share of the search. */
    public void region(double[] x, double radius, double weight, boolean[] pattern, RegionListener listener) {
        regions++;
        explored += weight;
        if (radius < tol.thinRadius()) {
            thinRegions++;
            if (thinExamples.size() < SearchStats.MAX_THIN_EXAMPLES) {
                thinExamples.add(new ThinRegion(radius, x));
            }
        }
        listener.onRegion(numbering.getAsLong(), x, radius, pattern);
    }

    /** Records a cell that is not counted: empty (radius at most the tolerance) or uncertain. */
    public void empty(Witness witness, double weight) {
        explored += weight;
        if (witness.uncertain()) {
            uncertainCells++;
        } else {
            emptySides++;
            if (tol.isNearDegenerate(witness.lpRadius())) {
                nearDegenerateDropped++;
            }
        }
    }

    /** Records a part of the search that is finished without a cell (e.g. proved empty by a solver). */
    public void finished(double weight) {
        explored += weight;
    }

    /** Records a part of the search that a solver could not settle: the count can no longer be complete. */
    public void unsettled(double weight) {
        explored += weight;
        uncertainCells++;
    }

    public long regions() {
        return regions;
    }

    public double explored() {
        return explored;
    }

    public long uncertainCells() {
        return uncertainCells;
    }

    /**
     * The count so far as a result: complete when the search finished and no cell was uncertain, its
     * explored share 1 when it finished.
     */
    public CountResult result(StopReason reason, SearchStats stats) {
        return new CountResult(regions, Outcome.of(reason, uncertainCells),
                reason == StopReason.FINISHED ? 1.0 : explored, stats);
    }

    public SearchStats stats(long lpsSolved, long nodes, long stableByDomain, long constantNeurons, long decidedByWitness,
            long domainCuts, ModelStats model) {
        return new SearchStats(lpsSolved, nodes, stableByDomain, constantNeurons, decidedByWitness, emptySides,
                thinRegions, thinExamples, nearDegenerateDropped, uncertainCells, domainCuts, tol, model);
    }
}
