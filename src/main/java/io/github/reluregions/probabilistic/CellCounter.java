package io.github.reluregions.probabilistic;

import io.github.reluregions.compile.CompiledModel;
import io.github.reluregions.compile.ModelKind;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.model.ModelSearch;
import io.github.reluregions.model.Network;
import io.github.reluregions.probabilistic.search.ParityCellSearch;
import io.github.reluregions.probabilistic.search.ParitySearch;
import io.github.reluregions.probabilistic.search.ParitySystem;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the certified regions in one cell of a parity hash, up to a limit: the one question both
 * probabilistic counters ask. Every region counted has an interior witness certified by the engine's
 * Chebyshev LP, whichever search finds it; a cell the search proves empty is empty (see the README on
 * what is trusted). Safe to call from several threads: every search has its own LP or model.
 */
public abstract class CellCounter {
    private final Query query;
    private final AtomicLong lps = new AtomicLong();
    private final AtomicLong modelSolves = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();

    private CellCounter(Query query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /**
     * The LP engine's search restricted to the cell, on any domain. A staircase hash, whose pivots were
     * placed for a search in the neurons' order, is searched in that order ({@link ParitySearch}); any other
     * hash (the estimate's dense rows) by the search that decides neurons stable on a polytope at once and
     * propagates the parities by Gauss-Jordan elimination ({@link ParityCellSearch}), since dense rows only
     * prune in the fixed order once all but a few neurons are decided.
     */
    public static CellCounter lp(Query query) {
        return new CellCounter(query) {
            @Override
            public String engine() {
                return "lp";
            }

            @Override
            CountResult search(ParityHash hash, long limit, SearchMonitor monitor) {
                ParitySystem system = hash.system();
                return hash.isStaircase()
                        ? ParitySearch.count(query(), system, limit, monitor)
                        : ParityCellSearch.count(query(), system, limit, monitor);
            }
        };
    }

    /**
     * A compiled solver model per cell, with the hash's rows added as parity constraints, enumerated by
     * {@link ModelSearch} (each pattern certified before it counts).
     *
     * @param kind the model compiled (in the coordinates the search uses) for each cell; the MILP's bound
     *     tightening stops with the count's deadline
     */
    public static CellCounter model(ModelKind kind, Query query) {
        Objects.requireNonNull(kind, "kind");
        double interiorRadius = query.tolerances().interiorRadius();
        return new CellCounter(query) {
            @Override
            public String engine() {
                return kind.label();
            }

            @Override
            CountResult search(ParityHash hash, long limit, SearchMonitor monitor) {
                return ModelSearch.count(query(), limit, monitor, RegionListener.NONE, (net, searchDomain) -> {
                            CompiledModel model = kind.compile(net, searchDomain, interiorRadius,
                                    monitor.solveLimit());
                            try {
                                hash.addTo(model);
                            } catch (RuntimeException e) {
                                model.close();
                                throw e;
                            }
                            return model;
                        });
            }
        };
    }

    /** The engine's name: {@code lp}, {@code milp} or {@code cpsat}. */
    public abstract String engine();

    abstract CountResult search(ParityHash hash, long limit, SearchMonitor monitor);

    /**
     * The certified regions in the cell of {@code hash} that holds the all-satisfied parities, up to
     * {@code limit}: stop reason {@code REGION_LIMIT} when there are at least that many.
     */
    public CountResult count(ParityHash hash, long limit, SearchMonitor monitor) {
        if (hash.positions() != network().hiddenNeuronCount()) {
            throw new IllegalArgumentException("The hash is over " + hash.positions() + " positions, the network has "
                    + network().hiddenNeuronCount() + " hidden neurons");
        }
        CountResult result = search(hash, limit, monitor);
        searches.incrementAndGet();
        lps.addAndGet(result.stats().lpsSolved());
        if (result.stats().model() != null) {
            modelSolves.addAndGet(result.stats().model().solves());
        }
        return result;
    }

    /** LPs solved so far (search and certification). */
    public long lps() {
        return lps.get();
    }

    /** Solver-model solves so far (0 for the {@code lp} engine). */
    public long modelSolves() {
        return modelSolves.get();
    }

    /** Cells searched so far. */
    public long searches() {
        return searches.get();
    }

    /** Adds LPs solved outside {@link #count} (the profile's probes) to the total. */
    void addLps(long solved) {
        lps.addAndGet(solved);
    }

    /** The query whose cells are counted. */
    public Query query() {
        return query;
    }

    public Network network() {
        return query.network();
    }
}
