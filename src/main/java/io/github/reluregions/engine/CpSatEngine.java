package io.github.reluregions.engine;

import io.github.reluregions.compile.CpSatModel;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.network.Network;

/**
 * The exact CP-SAT engine: the network compiled into an integer CP-SAT model on an input lattice
 * ({@link CpSatModel}), its patterns enumerated by {@link ModelSearch}, each certified by the Chebyshev LP
 * before it counts. The lattice is fine enough that no region with an interior ball above the tolerance
 * lacks a lattice point, and the integer arithmetic is exact or a proven relaxation, so a finished search
 * is complete. Bounded domains only.
 */
public final class CpSatEngine implements ExactCounter {

    @Override
    public CountResult count(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor,
            RegionListener listener) {
        return ModelSearch.count(network, domain, tolerances, monitor, listener,
                (net, searchDomain) -> CpSatModel.compile(net, searchDomain, tolerances.interiorRadius()));
    }
}
