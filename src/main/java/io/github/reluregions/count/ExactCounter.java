package io.github.reluregions.count;

import io.github.reluregions.query.Query;

/** Counts every activation region of a query's network inside its domain; one implementation per engine. */
public interface ExactCounter {

    /**
     * Counts the regions of {@code query}.
     *
     * @param monitor time limit and interrupts in, progress out
     * @param listener receives every region counted
     */
    CountResult count(Query query, SearchMonitor monitor, RegionListener listener);

    /** Counts the regions of {@code query} with no time limit. */
    default CountResult count(Query query) {
        return count(query, SearchMonitor.unlimited(), RegionListener.NONE);
    }
}
