package io.github.reluregions.count.cell;

import io.github.reluregions.count.StopReason;

/**
 * Thrown inside a depth-first search to unwind it when it must stop (time limit, interrupt, region
 * limit); caught where the search started, which reports the count so far with this reason.
 */
public final class SearchStop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final StopReason reason;

    public SearchStop(StopReason reason) {
        super(null, null, false, false);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
