package io.github.reluregions.local;

import io.github.reluregions.ExecutionFailures;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the regions of one network in many balls, one exact count per ball. Each count runs on one
 * thread with its own engine (and so its own LP model); the balls are spread over {@code threads}
 * workers, the largest radii first so that the long counts start early. A count that hits its time
 * limit, or has uncertain cells, gives an incomplete row (a lower bound) and the others go on.
 *
 * <p>Cost: the sum of the single counts, divided by up to {@code threads}; memory: one search per worker.
 */
public final class LocalCounter {
    private final Supplier<ExactCounter> engines;
    private final Options options;
    private final Set<SearchMonitor> running = ConcurrentHashMap.newKeySet();
    private volatile boolean interrupted;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicLong regionsFinished = new AtomicLong();

    /**
     * How to run the counts.
     *
     * @param threads worker threads, at least 1; each counts one ball at a time
     * @param timeLimitSeconds the time limit of each single count; 0 or less for none
     * @param tolerances the tolerance model of every count
     */
    public record Options(int threads, double timeLimitSeconds, Tolerances tolerances) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            Objects.requireNonNull(tolerances, "tolerances");
        }
    }

    /**
     * One ball to count in.
     *
     * @param point the point at its center
     * @param radius its radius
     * @param domain the domain counted in: the ball, or its part inside a network's input range
     */
    public record Task(LocalPoint point, double radius, InputDomain domain) {
        public Task {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /**
     * @param engines makes the engine of each count (one single-threaded engine per ball)
     * @param options threads, time limit per count, tolerances
     */
    public LocalCounter(Supplier<ExactCounter> engines, Options options) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The balls of every radius around every point, in the order of the table (by point, then radius),
     * each restricted to {@code inputRange} when that is not null (a network that clips its inputs).
     * Radii must be positive and finite; an error names the point of a ball that does not fit.
     */
    public static List<Task> tasks(List<LocalPoint> points, List<Double> radii, Norm norm, Box inputRange) {
        for (double radius : radii) {
            if (!(radius > 0) || !Double.isFinite(radius)) {
                throw new InvalidInputException("The radius " + radius + " is not a positive number.",
                        "Maybe --radius=0.05.");
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (LocalPoint point : points) {
            for (double radius : radii) {
                InputDomain ball = Ball.of(point.coordinates(), radius, norm);
                if (inputRange != null) {
                    try {
                        ball = inputRange.restrict(ball);
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("Point " + point.index() + ", radius " + radius + ": "
                                + e.getMessage(), e.hint(), e);
                    }
                }
                tasks.add(new Task(point, radius, ball));
            }
        }
        return tasks;
    }

    /**
     * Counts the regions of {@code network} in every task's domain and returns one row per task, in the
     * tasks' order. After {@link #interrupt()} the running counts stop with their partial (lower-bound)
     * rows and the tasks not yet started are left out.
     */
    public List<LocalCount> count(Network network, List<Task> tasks) {
        Objects.requireNonNull(network, "network");
        for (Task task : tasks) {
            task.domain().requireDimension(network.inputDimension());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -tasks.get(i).radius()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, tasks.size())),
                job -> {
                    Thread thread = new Thread(job, "local-worker-" + threadNumber.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                });
        List<Future<LocalCount>> results = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            results.add(null);
        }
        try {
            for (int i : order) {
                Task task = tasks.get(i);
                results.set(i, workers.submit(() -> countOne(network, task)));
            }
            workers.shutdown();
            List<LocalCount> rows = new ArrayList<>();
            for (Future<LocalCount> result : results) {
                LocalCount row = result.get();
                if (row != null) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt();
            throw new IllegalStateException("Interrupted while waiting for the local counts", e);
        } catch (ExecutionException e) {
            interrupt();
            throw ExecutionFailures.unchecked(e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The row of one ball, or null when the counter was interrupted before it started. */
    private LocalCount countOne(Network network, Task task) {
        SearchMonitor monitor = SearchMonitor.withTimeLimit(options.timeLimitSeconds());
        running.add(monitor);
        try {
            if (interrupted) {
                return null;
            }
            long start = System.nanoTime();
            CountResult result = engines.get().count(new Query(network, task.domain(), options.tolerances()), monitor,
                    RegionListener.NONE);
            regionsFinished.addAndGet(result.regions());
            finished.incrementAndGet();
            return LocalCount.of(task.point(), task.radius(), result, (System.nanoTime() - start) / 1e9);
        } finally {
            running.remove(monitor);
        }
    }

    /** Stops the running counts at their next node (their rows are lower bounds) and starts no new one. */
    public void interrupt() {
        interrupted = true;
        for (SearchMonitor monitor : running) {
            monitor.interrupt();
        }
    }

    /** How many balls were counted so far (read from another thread, for a progress line). */
    public int finished() {
        return finished.get();
    }

    /** The regions of the balls counted so far and of the counts running now. */
    public long regionsSoFar() {
        long running = 0;
        for (SearchMonitor monitor : this.running) {
            running += monitor.regions();
        }
        return regionsFinished.get() + running;
    }

    /** True once {@link #interrupt()} was called. */
    public boolean isInterrupted() {
        return interrupted;
    }
}
