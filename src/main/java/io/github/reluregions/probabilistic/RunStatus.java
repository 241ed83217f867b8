package io.github.reluregions.probabilistic;

/** What a probabilistic count is doing now, for a progress line (read from another thread). */
public final class RunStatus {
    private volatile String phase = "starting";

    /** A few words: the method, the number of XORs, the trial. */
    public String phase() {
        return phase;
    }

    void phase(String text) {
        phase = text;
    }
}
