package io.github.reluregions.probabilistic;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An estimate within a factor {@code 1 + epsilon} with probability at least {@code 1 - delta}: ApproxMC
 * (Chakraborty, Meel and Vardi; the version whose guarantee Tan, Yang, Soos, Myreen and Meel proved in
 * Isabelle/HOL, CAV 2024, "Formally Certified Approximate Model Counting"), over the activation patterns.
 *
 * <p>With {@code e = min(epsilon, 1)}, {@code thresh = ceil(1 + 9.84 (1 + e/(1+e)) (1 + 1/e)^2)}. When
 * the network has fewer than {@code thresh} regions they are enumerated and the count is exact.
 * Otherwise each of {@code t} independent measurements draws {@code n - 1} dense XORs over the
 * {@code n} hidden neurons (each neuron in each XOR with probability 1/2, uniform parity bits: a
 * pairwise independent family), finds the smallest {@code m} in {@code [1, n-1]} whose cell (the first
 * {@code m} XORs) holds fewer than {@code thresh} certified regions, and gives {@code 2^m} times that
 * cell's count ({@code 2^n} when there is no such {@code m}). One measurement lands within the factor
 * with probability at least 0.64; the estimate is the median (element {@code t div 2} of the sorted
 * values). {@code t} is the smallest number with {@code P(Bin(t, 0.64) <= t div 2) < delta}, the exact
 * binomial bound of the formal proof, instead of ApproxMC2's Chernoff-based {@code ceil(17 log2(3/delta))}.
 *
 * <p>The cells of one measurement are nested ({@code m} XORs hold the cell of {@code m + 1}), so cell
 * counts fall as {@code m} grows and the smallest {@code m} is found by galloping from the previous
 * measurement's {@code m} and bisecting, as ApproxMC2 and later do; the result is the one a linear scan
 * would give.
 */
final class ApproxMc {
    /** The failure probability of one measurement in the analysis: 1/2 - 0.14. */
    static final double MEASUREMENT_SUCCESS = 0.64;

    private final CellCounter counter;
    private final double epsilon;
    private final double delta;
    private final SplittableRandom random;
    private final RunStatus status;
    private final int thresh;
    private final int measurements;

    ApproxMc(CellCounter counter, double epsilon, double confidence, SplittableRandom random, RunStatus status) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.epsilon = epsilon;
        this.delta = 1 - confidence;
        this.random = Objects.requireNonNull(random, "random");
        this.status = Objects.requireNonNull(status, "status");
        this.thresh = thresh(epsilon);
        this.measurements = measurements(delta);
    }

    /** {@code ceil(1 + 9.84 (1 + e/(1+e)) (1 + 1/e)^2)} with {@code e = min(epsilon, 1)}. */
    static int thresh(double epsilon) {
        double e = Math.min(epsilon, 1);
        return (int) Math.ceil(1 + 9.84 * (1 + e / (1 + e)) * (1 + 1 / e) * (1 + 1 / e));
    }

    /** The smallest {@code t} with {@code P(Bin(t, 0.64) <= t div 2) < delta}. */
    static int measurements(double delta) {
        for (int t = 1; ; t++) {
            if (Binomial.lowerTail(t, t / 2, MEASUREMENT_SUCCESS) < delta) {
                return t;
            }
        }
    }

    int thresh() {
        return thresh;
    }

    /** The estimate when the exact count is known (fewer than {@code thresh} regions). */
    Estimate exact(long regions) {
        return new Estimate(BigInteger.valueOf(regions), log2(BigInteger.valueOf(regions)), 1.0, epsilon, true,
                thresh, 0, List.of(), List.of(), true);
    }

    /**
     * Runs the measurements, {@code threads} at a time; the network is known to have at least
     * {@code thresh} regions. The hashes are drawn in the measurements' order before any runs, and a
     * measurement's result does not depend on where its search starts, so the estimate is the same for
     * every number of threads.
     */
    Estimate run(SearchMonitor monitor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        int n = counter.network().hiddenNeuronCount();
        List<Supplier<Measurement>> tasks = new ArrayList<>();
        AtomicInteger hint = new AtomicInteger(-1);
        for (int i = 0; i < measurements; i++) {
            Measurement measurement = new Measurement(ParityHash.dense(n, n - 1, random), i, monitor);
            tasks.add(() -> {
                if (!measurement.run(hint.get())) {
                    return null;
                }
                hint.set(measurement.xors);
                return measurement;
            });
        }
        List<Measurement> done = runAll(tasks, threads);
        List<BigInteger> values = new ArrayList<>();
        List<Integer> xors = new ArrayList<>();
        List<Long> cells = new ArrayList<>();
        boolean certified = true;
        for (Measurement measurement : done) {
            if (measurement == null) {
                return new Estimate(null, Double.NaN, 1 - delta, epsilon, false, thresh, measurements, xors, cells,
                        certified);
            }
            certified &= measurement.certified;
            xors.add(measurement.xors);
            cells.add(measurement.cellRegions);
            values.add(measurement.value);
        }
        List<BigInteger> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigInteger median = sorted.get(measurements / 2);
        return new Estimate(median, log2(median), 1 - delta, epsilon, false, thresh, measurements, xors, cells,
                certified);
    }

    /** The tasks' results in their order, run on {@code threads} threads (on this one for 1). */
    private static List<Measurement> runAll(List<Supplier<Measurement>> tasks, int threads) {
        List<Measurement> results = new ArrayList<>();
        if (threads == 1) {
            tasks.forEach(task -> results.add(task.get()));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "approxmc-measurement");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Measurement>> futures = new ArrayList<>();
            for (Supplier<Measurement> task : tasks) {
                futures.add(pool.submit(task::get));
            }
            for (Future<Measurement> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the measurements", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One measurement: the first {@code m} whose cell holds fewer than {@code thresh} regions. */
    private final class Measurement {
        private final ParityHash hash;
        private final int index;
        private final SearchMonitor monitor;
        private final Map<Integer, Long> counts = new HashMap<>();
        private boolean certified = true;
        private int xors;
        private long cellRegions;
        private BigInteger value;

        Measurement(ParityHash hash, int index, SearchMonitor monitor) {
            this.hash = hash;
            this.index = index;
            this.monitor = monitor;
        }

        /** False when the run was stopped (time limit, interrupt) before the measurement was done. */
        boolean run(int hint) {
            int n = hash.positions();
            int lo = 0; // a cell known to hold at least thresh regions (no XOR: the whole network)
            int hi = n; // the first m known to hold fewer, or n for none yet (m ranges over [1, n-1])
            try {
                if (hint >= 1 && hint < n) {
                    if (below(hint)) {
                        hi = hint;
                        for (int step = 1; hi - step > lo; step *= 2) {
                            int m = hi - step;
                            if (!below(m)) {
                                lo = m;
                                break;
                            }
                            hi = m;
                        }
                    } else {
                        lo = hint;
                        for (int step = 1; lo + step < hi; step *= 2) {
                            int m = lo + step;
                            if (below(m)) {
                                hi = m;
                                break;
                            }
                            lo = m;
                        }
                    }
                }
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (below(mid)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
            } catch (Stopped stopped) {
                return false;
            }
            xors = hi;
            if (hi == n) {
                cellRegions = counts.getOrDefault(n - 1, (long) thresh);
                value = BigInteger.ONE.shiftLeft(n);
            } else {
                cellRegions = counts.get(hi);
                value = BigInteger.valueOf(cellRegions).shiftLeft(hi);
            }
            return true;
        }

        /** True when the cell of the first {@code m} XORs holds fewer than {@code thresh} certified regions. */
        private boolean below(int m) {
            status.phase(String.format(Locale.ROOT, "estimate: measurement %d/%d, %d XORs", index + 1, measurements,
                    m));
            CountResult result = counter.count(hash.prefix(m), thresh, monitor);
            switch (result.outcome()) {
                case TIME_LIMIT:
                case INTERRUPTED:
                    throw new Stopped();
                case UNCERTIFIED:
                    certified = false;
                    break;
                default:
                    break;
            }
            counts.put(m, result.regions());
            return result.regions() < thresh;
        }
    }

    /** Unwinds a measurement when the run must stop. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    static double log2(BigInteger value) {
        if (value.signum() <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int shift = Math.max(0, value.bitLength() - 60);
        return shift + Math.log(value.shiftRight(shift).doubleValue()) / Math.log(2);
    }
}
