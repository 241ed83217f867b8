package io.github.reluregions.count.model;

import io.github.reluregions.compile.MilpModel;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

/**
 * The exact MILP engine: the network compiled into a SCIP MILP ({@link MilpModel}), its patterns
 * enumerated by {@link ModelSearch}, each certified by the Chebyshev LP before it counts. Bounded domains
 * only.
 */
public final class MilpEngine implements ExactCounter {

    @Override
    public CountResult count(Query query, SearchMonitor monitor, RegionListener listener) {
        Tolerances tolerances = query.tolerances();
        return ModelSearch.count(query, monitor, listener, (net, searchDomain) -> MilpModel.compile(net, searchDomain,
                tolerances.interiorRadius(), monitor.solveLimit()));
    }
}
