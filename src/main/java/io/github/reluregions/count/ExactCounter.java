package io.github.reluregions.count;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

/** Counts every activation region of a network inside a domain; one implementation per engine. */
public interface ExactCounter {

    /**
     * Counts the regions of {@code network} in {@code domain}.
     *
     * @param tolerances the tolerance model
     * @param monitor time limit and interrupts in, progress out
     * @param listener receives every region counted
     */
    CountResult count(Network network, InputDomain domain, Tolerances tolerances, SearchMonitor monitor,
            RegionListener listener);

    default CountResult count(Network network, InputDomain domain) {
        return count(network, domain, Tolerances.defaults(), SearchMonitor.unlimited(), RegionListener.NONE);
    }
}
