package io.github.reluregions.count.lp;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.Outcome;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.cell.CellLp;
import io.github.reluregions.count.cell.UnitScaling;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.solver.BoxChebyshevLp;
import io.github.reluregions.solver.ChebyshevLp;
import io.github.reluregions.solver.GlopChebyshevLp;
import io.github.reluregions.solver.OrTools;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact LP engine: a depth-first search over activation decisions, neuron by neuron and layer by
 * layer. A search node is a prefix of decisions with its polyhedron (in input space: the domain and one
 * half-space per decided neuron) and a certified interior point, the witness.
 *
 * <p>At each neuron the witness already lies on one side: when it is farther than the tolerance from the
 * neuron's hyperplane that side needs no LP. Only the other side is tested, by the Chebyshev LP on GLOP
 * (one reused model per worker, rows switched in place). Neurons whose sign is fixed over the whole domain
 * (the exact range of their affine function on this branch), and constant neurons, cost no LP and no
 * branching. A leaf is a full pattern with a witness, so the search is output-sensitive: its LPs are
 * about the number of search nodes, at most one per neuron per node.
 *
 * <p>We chose depth-first search over reverse search because it needs one LP per (node, neuron) instead
 * of one per (region, facet candidate), and because its prefixes are the natural unit of parallel work
 * and checkpoints: the search is split into {@link SubtreeTask}s, subtrees given by a prefix of
 * decisions, which share no region. Workers (one thread and one LP model each) take subtrees from a
 * {@link WorkPool}; a busy worker donates its shallowest pending subtree to an idle one. A checkpoint is
 * the list of open subtrees and the counts so far; a resumed search searches exactly those subtrees.
 *
 * <p>Every LP answer is certified in Java: a witness counts only if its distance to every decided
 * hyperplane and to the domain's boundary, recomputed here, exceeds the tolerance. Decided neurons that
 * the LP does not carry as rows (their other side was empty) are still checked, and added as rows when a
 * later LP point violates them.
 */
public final class LpEngine implements ExactCounter {
    private final Options options;

    /**
     * How to run the search.
     *
     * @param threads worker threads, at least 1
     * @param resumeFrom the state to continue from ({@link SearchState#start} for a fresh search)
     * @param checkpoints receives the state every {@code checkpointSeconds} and at the end
     * @param checkpointSeconds seconds between checkpoints
     */
    public record Options(int threads, SearchState resumeFrom, CheckpointSink checkpoints, double checkpointSeconds,
            LpSolver lpSolver) {
        public Options {
            Objects.requireNonNull(lpSolver, "lpSolver");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            Objects.requireNonNull(checkpoints, "checkpoints");
        }

        /** One thread, a fresh search, no checkpoints. */
        public static Options defaults() {
            return new Options(1, null, CheckpointSink.NONE, Double.POSITIVE_INFINITY, LpSolver.AUTO);
        }

        public Options withThreads(int n) {
            return new Options(n, resumeFrom, checkpoints, checkpointSeconds, lpSolver);
        }

        public Options withLpSolver(LpSolver solver) {
            return new Options(threads, resumeFrom, checkpoints, checkpointSeconds, solver);
        }
    }

    /** Which solver answers the Chebyshev LPs. */
    public enum LpSolver {
        /**
         * The Java simplex ({@link BoxChebyshevLp}, every answer checked, GLOP when a check fails) for boxes
         * and L-infinity balls; GLOP for other domains.
         */
        AUTO,
        /** GLOP for every LP. */
        GLOP
    }

    public LpEngine() {
        this(Options.defaults());
    }

    public LpEngine(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public CountResult count(Query query, SearchMonitor monitor, RegionListener listener) {
        Tolerances tolerances = query.tolerances();
        // Tolerances are relative to min(1, domain scale); the search runs in coordinates where the
        // domain has scale at least 1, so they apply there as they are.
        UnitScaling scaling = UnitScaling.forDomain(query.domain());
        Query search = scaling.apply(query);
        InputDomain searchDomain = search.domain();
        SearchState base = options.resumeFrom() == null ? SearchState.start(tolerances) : options.resumeFrom();
        RegionListener sink = scaling.wrap(options.threads() == 1 ? listener : synchronizedListener(listener));

        if (options.lpSolver() != LpSolver.AUTO || CellLp.needsGlop(searchDomain)) {
            OrTools.load(); // here, so that a native failure ends the count at once, on the caller's thread
        } // else GLOP only backs up the Java LP and is loaded on its first use (a failure then ends the count)
        WorkPool pool = new WorkPool(base.open(), monitor, base);
        AtomicLong numbering = new AtomicLong(base.regions());
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            workers.add(new Worker(i, () -> new SubtreeSearch(search, monitor, sink, newLp(searchDomain, tolerances),
                    pool, numbering::getAndIncrement), pool));
        }
        workers.forEach(Thread::start);
        try {
            coordinate(pool, workers, base);
            for (Worker worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            monitor.interrupt();
            workers.forEach(Worker::joinQuietly);
        }
        Throwable failure = pool.failure();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        SearchState end = state(base, workers, pool.remaining());
        options.checkpoints().save(end);
        return result(end, query.domain(), monitor);
    }

    /**
     * The count a search state stands for (the state of a search of {@code domain}, whose subtrees may have
     * been searched anywhere, e.g. on a cluster): complete when nothing is open and no cell was uncertain,
     * stopped for the monitor's reason otherwise, with the stats in {@code domain}'s coordinates. Publishes
     * the totals to the monitor.
     */
    public static CountResult result(SearchState end, InputDomain domain, SearchMonitor monitor) {
        StopReason reason = end.finished() ? StopReason.FINISHED : monitor.stopReason();
        SearchStats stats = end.stats();
        monitor.publish(end.regions(), stats.lpsSolved(), end.exploredFraction());
        return new CountResult(end.regions(), Outcome.of(reason, stats.uncertainCells()),
                end.finished() ? 1.0 : end.exploredFraction(),
                UnitScaling.forDomain(domain).toInput(stats));
    }

    private ChebyshevLp newLp(InputDomain searchDomain, Tolerances tolerances) {
        if (options.lpSolver() == LpSolver.AUTO) {
            return CellLp.fastestLp(searchDomain, tolerances);
        }
        return new GlopChebyshevLp(searchDomain, CellLp.radiusCap(searchDomain));
    }

    private static RegionListener synchronizedListener(RegionListener listener) {
        if (listener == RegionListener.NONE) {
            return listener;
        }
        return (index, witness, radius, pattern) -> {
            synchronized (listener) {
                listener.onRegion(index, witness, radius, pattern);
            }
        };
    }

    /** Waits for the search to end, saving a checkpoint every {@code checkpointSeconds}. */
    private void coordinate(WorkPool pool, List<Worker> workers, SearchState base) throws InterruptedException {
        long intervalMillis = Double.isFinite(options.checkpointSeconds())
                ? Math.max(1, (long) (options.checkpointSeconds() * 1000)) : Long.MAX_VALUE;
        long nextCheckpoint = intervalMillis == Long.MAX_VALUE ? Long.MAX_VALUE
                : System.currentTimeMillis() + intervalMillis;
        while (!pool.isOver()) {
            long now = System.currentTimeMillis();
            pool.awaitOver(Math.min(1000, Math.max(1, nextCheckpoint - now)));
            if (System.currentTimeMillis() >= nextCheckpoint && !pool.isOver()) {
                pool.checkpoint(open -> options.checkpoints().save(state(base, workers, open)));
                nextCheckpoint = System.currentTimeMillis() + intervalMillis;
            }
        }
    }

    /** The base state plus what the workers did, with {@code open} left. */
    private static SearchState state(SearchState base, List<Worker> workers, List<SubtreeTask> open) {
        long regions = base.regions();
        SearchStats stats = base.stats();
        double openWeight = 0;
        for (SubtreeTask task : open) {
            openWeight += task.weight();
        }
        for (Worker worker : workers) {
            SubtreeSearch search = worker.search;
            if (search != null) {
                regions += search.regions();
                stats = stats.plus(search.stats());
            }
        }
        double explored = open.isEmpty() ? 1.0 : Math.max(0, Math.min(1, 1 - openWeight));
        return new SearchState(regions, explored, stats, open);
    }

    /** A thread that takes subtrees from the pool and searches them with its own LP model. */
    private static final class Worker extends Thread {
        private final java.util.function.Supplier<SubtreeSearch> factory;
        private final WorkPool pool;
        private volatile SubtreeSearch search;

        Worker(int index, java.util.function.Supplier<SubtreeSearch> factory, WorkPool pool) {
            super("lp-worker-" + index);
            setDaemon(true);
            this.factory = factory;
            this.pool = pool;
        }

        @Override
        public void run() {
            SubtreeSearch own = null;
            try {
                while (true) {
                    SubtreeTask task = pool.take();
                    if (task == null) {
                        return;
                    }
                    try {
                        if (own == null) {
                            own = factory.get();
                            search = own;
                        }
                        own.run(task);
                    } catch (SubtreeSearch.StopSearch stop) {
                        return;
                    } catch (RuntimeException | Error e) {
                        pool.failed(e);
                        return;
                    }
                    pool.finished();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        }

        void joinQuietly() {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
