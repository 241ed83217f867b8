package io.github.reluregions.count.lp;

import io.github.reluregions.count.SearchMonitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The open subtrees of one LP-engine search, shared by its workers. A worker takes a subtree and
 * searches it; while other workers wait for work, a busy worker hands over the shallowest subtree it
 * has not started (work stealing by donation). Stopped workers hand their open subtrees back, so the
 * queue is then the exact frontier of what is left. For a checkpoint, every busy worker pauses at its
 * next node and hands over a snapshot of its open subtrees while the state is saved.
 */
final class WorkPool {
    private final ArrayDeque<SubtreeTask> queue = new ArrayDeque<>();
    private final SearchMonitor monitor;
    private int busy;
    private int waiting;
    private boolean stopping;
    private Throwable failure;

    private volatile boolean hungry;
    private volatile boolean checkpointRequested;
    private final List<SubtreeTask> pausedOpen = new ArrayList<>();
    private int paused;
    /** Counts finished checkpoints: a paused worker waits for its round to end, not for the flag to drop. */
    private long checkpointRound;

    private long regions;
    private long lps;
    private double explored;

    /** A pool holding {@code tasks}; progress is added to the counts of {@code base} and published. */
    WorkPool(Collection<SubtreeTask> tasks, SearchMonitor monitor, SearchState base) {
        queue.addAll(tasks);
        this.monitor = monitor;
        this.regions = base.regions();
        this.lps = base.stats().lpsSolved();
        this.explored = base.exploredFraction();
    }

    /** Adds a worker's progress since its last report and publishes the totals to the monitor. */
    synchronized void progress(long newRegions, long newLps, double newExplored) {
        regions += newRegions;
        lps += newLps;
        explored += newExplored;
        monitor.publish(regions, lps, Math.min(1.0, explored));
    }

    /**
     * The next subtree to search, waiting while other workers may still donate one; null when the search
     * is over (nothing open and nobody busy) or is stopping.
     */
    synchronized SubtreeTask take() throws InterruptedException {
        waiting++;
        try {
            while (true) {
                if (stopping || failure != null) {
                    return null;
                }
                if (monitor.shouldStop()) {
                    stopping = true; // the search threads read the deadline; the coordinator only this flag
                    notifyAll();
                    return null;
                }
                if (!checkpointRequested && !queue.isEmpty()) {
                    busy++;
                    return queue.pollFirst();
                }
                if (queue.isEmpty() && busy == 0) {
                    notifyAll();
                    return null;
                }
                updateHungry();
                wait(100);
            }
        } finally {
            waiting--;
            updateHungry();
        }
    }

    /** The worker finished the subtree it took. */
    synchronized void finished() {
        busy--;
        updateHungry();
        notifyAll();
    }

    /** The worker stopped (time limit or interrupt) and hands back what it had not searched. */
    synchronized void stopped(List<SubtreeTask> open) {
        queue.addAll(open);
        stopping = true;
        busy--;
        notifyAll();
    }

    /** The worker failed; the search ends and the failure is rethrown to the caller. */
    synchronized void failed(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        stopping = true;
        busy--;
        notifyAll();
    }

    /** True while some worker waits for work and none is queued: a busy worker should donate. */
    boolean isHungry() {
        return hungry;
    }

    synchronized void donate(SubtreeTask task) {
        queue.addLast(task);
        updateHungry();
        notifyAll();
    }

    private void updateHungry() {
        hungry = waiting > 0 && queue.isEmpty() && !stopping;
    }

    boolean isCheckpointRequested() {
        return checkpointRequested;
    }

    /** A busy worker's part of a checkpoint: its open subtrees; returns once the checkpoint is saved. */
    synchronized void pause(List<SubtreeTask> open) throws InterruptedException {
        if (!checkpointRequested) {
            return; // that checkpoint is over already
        }
        pausedOpen.addAll(open);
        paused++;
        notifyAll();
        long round = checkpointRound;
        while (checkpointRound == round) {
            wait();
        }
    }

    /**
     * Pauses every busy worker at its next node, then gives the open subtrees (queued and the workers'
     * own) to {@code save}, and lets the workers go on. Returns false if the search ended first.
     */
    synchronized boolean checkpoint(java.util.function.Consumer<List<SubtreeTask>> save)
            throws InterruptedException {
        checkpointRequested = true;
        pausedOpen.clear();
        paused = 0;
        notifyAll();
        try {
            while (paused < busy) {
                if (stopping || failure != null || (queue.isEmpty() && busy == 0)) {
                    return false;
                }
                wait(100);
            }
            List<SubtreeTask> open = new ArrayList<>(queue);
            open.addAll(pausedOpen);
            save.accept(open);
            return true;
        } finally {
            checkpointRequested = false;
            checkpointRound++;
            notifyAll();
        }
    }

    /** True once nothing is open and nobody is busy, or the search stopped. */
    synchronized boolean isOver() {
        return stopping || failure != null || (busy == 0 && queue.isEmpty());
    }

    /** Waits up to {@code millis} for the search to end. */
    synchronized void awaitOver(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!isOver()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(Math.min(left, 100));
        }
    }

    synchronized Throwable failure() {
        return failure;
    }

    /** What is left: the subtrees never searched or handed back. */
    synchronized List<SubtreeTask> remaining() {
        return new ArrayList<>(queue);
    }
}
