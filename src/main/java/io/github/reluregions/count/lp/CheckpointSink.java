package io.github.reluregions.count.lp;

/** Receives the state of a running search, periodically and once at its end, to save it. */
@FunctionalInterface
public interface CheckpointSink {
    CheckpointSink NONE = state -> { };

    /** Saves {@code state}; called from the search's coordinating thread while the workers wait. */
    void save(SearchState state);
}
