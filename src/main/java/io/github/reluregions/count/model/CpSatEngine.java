package io.github.reluregions.count.model;

import io.github.reluregions.compile.CompiledModel;
import io.github.reluregions.compile.CpSatModel;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The exact CP-SAT engine: the network compiled into an integer CP-SAT model on an input lattice
 * ({@link CpSatModel}), its patterns enumerated by {@link ModelSearch}, each certified by the Chebyshev LP
 * before it counts. The lattice is fine enough that no region with an interior ball above the tolerance
 * lacks a lattice point, and the integer arithmetic is exact or a proven relaxation, so a finished search
 * is complete. Bounded domains only.
 */
public final class CpSatEngine implements ExactCounter {
    /**
     * The relaxed mode's precisions tried, coarsest first ({@link ModelSearch} moves on when a model lets
     * too many candidates through). Measured on the cross-check's 30 quick nets: 24 bits alone took 44 s
     * with 6 nets unfinished in 3 s each, 12 bits 7 s with all finished; the reference case of 15 planes
     * near the origin in a box of half-width 10^6 needs 24.
     */
    static final int[] PRECISIONS = {12, 18, CpSatModel.FINEST_PRECISION};

    @Override
    public CountResult count(Query query, SearchMonitor monitor,
            RegionListener listener) {
        Tolerances tolerances = query.tolerances();
        List<BiFunction<Network, InputDomain, CompiledModel>> models = new ArrayList<>();
        for (int bits : PRECISIONS) {
            models.add((net, searchDomain) -> CpSatModel.compile(net, searchDomain, tolerances.interiorRadius(), bits));
        }
        return ModelSearch.count(query, monitor, listener, models);
    }
}
