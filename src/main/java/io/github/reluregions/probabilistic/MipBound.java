package io.github.reluregions.probabilistic;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.probabilistic.search.PrefixProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A lower bound on the number of regions that holds with a stated probability, by random parity (XOR)
 * constraints: MBound (Gomes, Sabharwal and Selman, AAAI 2006) as MIPBound applies it to the activation
 * patterns of a network (Serra and Ramalingam, AAAI 2020).
 *
 * <p>The guarantee (derived in the README, section "count probabilistic"): a level adds {@code s} XORs with
 * uniform parity bits, so any one pattern lands in the cell with probability exactly {@code 2^-s} and, by
 * the union bound, a cell of {@code N} regions holds one with probability at most {@code N 2^-s}. If
 * {@code N < 2^s p}, each of {@code t} independent trials is feasible with probability below {@code p},
 * so {@code f} or more feasible trials happen with probability at most {@code P(Bin(t, p) >= f)}. With
 * {@code p} the largest value whose tail is at most {@code delta}, "{@code N >= 2^s p}" fails with
 * probability at most {@code delta}, for any XOR family.
 *
 * <p>Two phases, on independent random streams: exploration gallops and bisects over {@code s} with a
 * few trials per level to find where cells start to come up empty (it claims nothing); confirmation
 * runs fresh trials at one level the exploration chose, and only its result is claimed, at the full {@code delta}: the level is fixed before its trials are drawn.
 *
 * <p>A trial is feasible only when the search certifies a region of its cell (an interior ball checked
 * by LP); a trial cut short by the time limit counts as infeasible, which only lowers the bound.
 */
final class MipBound {
    /**
     * Rows of a staircase hash placed on the last positions (see {@link Staircase}). Measured on 42
     * hyperplanes in general position in R^5 (974,982 regions, seed 1): tail 0 gave a bound 37x below the
     * truth in 10k LPs, 1: 11x in 12k, 3: 4.4x in 15k, 4: 5.4x in 29k, 6: 4.7x in 94k, 10: 19x in 1.1M.
     */
    static final int STAIRCASE_TAIL = 3;
    /** Trials per explored level. */
    static final int EXPLORATION_TRIALS = 6;

    private final CellCounter counter;
    private final HashChoice hash;
    private final double delta;
    private final PrefixProfile profile;
    private final SplittableRandom exploreRandom;
    private final SplittableRandom confirmRandom;
    private final RunStatus status;
    private final int positions;
    private final int confirmationTrials;
    private final List<LowerBound.Level> levels = new ArrayList<>();

    MipBound(CellCounter counter, HashChoice hash, double confidence, PrefixProfile profile, SplittableRandom random,
            RunStatus status) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.delta = 1 - confidence;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.exploreRandom = random.split();
        this.confirmRandom = random.split();
        this.status = Objects.requireNonNull(status, "status");
        this.positions = profile.depth();
        this.confirmationTrials = confirmationTrials(delta);
    }

    /**
     * Trials at the confirming level: three times {@code log2(1/delta)}, at least 10, so that a level
     * with every trial feasible certifies {@code 2^(s - 1/3)} or more.
     */
    static int confirmationTrials(double delta) {
        return Math.max(10, (int) Math.ceil(3 * Math.log(1 / delta) / Math.log(2)));
    }

    /**
     * Runs both phases. {@code certain} regions are already known (enumerated and certified): levels that
     * cannot beat them are skipped, and the bound is at least {@code certain}, with probability 1.
     */
    LowerBound run(long certain, SearchMonitor monitor) {
        LowerBound enumerated = LowerBound.enumerated(certain, false, hash.label(), EXPLORATION_TRIALS, levels);
        int low = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, certain)));
        if (low > positions) {
            return enumerated;
        }
        explore(low, monitor);
        int chosen = choose();
        if (chosen < 0 || ProbabilisticCounter.stopped(monitor)) {
            return LowerBound.enumerated(certain, false, hash.label(), EXPLORATION_TRIALS, levels);
        }
        int feasible = trials(chosen, confirmationTrials, confirmRandom, "confirming", monitor);
        double p = Binomial.largestSuccessProbability(confirmationTrials, feasible, delta);
        double log2 = p > 0 ? chosen + Math.log(p) / Math.log(2) : Double.NEGATIVE_INFINITY;
        if (!(log2 > enumerated.log2())) {
            return new LowerBound(enumerated.value(), enumerated.log2(), 1.0, false, hash.label(), chosen,
                    confirmationTrials, feasible, p, EXPLORATION_TRIALS, levels);
        }
        return new LowerBound(LowerBound.certified(chosen, p), log2, 1 - delta, false, hash.label(), chosen,
                confirmationTrials, feasible, p, EXPLORATION_TRIALS, levels);
    }

    /**
     * Gallops from the profile's guess of log2(regions) - 2 towards the largest level where at least half
     * the trials are feasible, then bisects the gap it leaves.
     */
    private void explore(int low, SearchMonitor monitor) {
        int start = (int) Math.round(profile.log2Nodes(positions)) - 2;
        start = Math.max(low, Math.min(positions, start));
        Integer lastPass = null;
        Integer firstFail = null;
        if (passes(start, monitor)) {
            lastPass = start;
            for (int step = 1; lastPass < positions && !ProbabilisticCounter.stopped(monitor); step *= 2) {
                int s = Math.min(positions, lastPass + step);
                if (!passes(s, monitor)) {
                    firstFail = s;
                    break;
                }
                lastPass = s;
            }
        } else {
            firstFail = start;
            for (int step = 1; firstFail > low && !ProbabilisticCounter.stopped(monitor); step *= 2) {
                int s = Math.max(low, firstFail - step);
                if (passes(s, monitor)) {
                    lastPass = s;
                    break;
                }
                firstFail = s;
            }
        }
        while (lastPass != null && firstFail != null && firstFail - lastPass > 1
                && !ProbabilisticCounter.stopped(monitor)) {
            int mid = (lastPass + firstFail) >>> 1;
            if (passes(mid, monitor)) {
                lastPass = mid;
            } else {
                firstFail = mid;
            }
        }
        // The level to confirm should have every exploring trial feasible: gallop down until one has.
        int lowest = levels.stream().mapToInt(LowerBound.Level::xors).min().orElse(low);
        for (int step = 1; !anyAllFeasible() && lowest > low && !ProbabilisticCounter.stopped(monitor); step *= 2) {
            lowest = Math.max(low, lowest - step);
            passes(lowest, monitor);
        }
    }

    private boolean anyAllFeasible() {
        return levels.stream().anyMatch(level -> level.feasible() == level.trials());
    }

    /**
     * The level to confirm: the largest explored level whose trials were all feasible (confirming it costs
     * at most {@code log2(1/delta) / trials} bits when it holds up). When there is none, the level whose
     * exploring fraction of feasible trials, carried over to the confirming trials, would certify the most
     * (a level with one feasible trial of six would certify little); -1 when no trial was feasible. Levels
     * above the all-feasible one would gain at most a bit or so and risk many: a few exploring trials
     * cannot tell a cell that is nonempty half the time from one that is nonempty a quarter of the time.
     */
    private int choose() {
        int allFeasible = -1;
        int best = -1;
        double bestLog2 = Double.NEGATIVE_INFINITY;
        for (LowerBound.Level level : levels) {
            if (level.feasible() == level.trials()) {
                allFeasible = Math.max(allFeasible, level.xors());
            }
            if (level.feasible() > 0) {
                int expected = (int) Math.floor((double) level.feasible() * confirmationTrials / level.trials());
                double p = Binomial.largestSuccessProbability(confirmationTrials, expected, delta);
                double log2 = p > 0 ? level.xors() + Math.log(p) / Math.log(2) : Double.NEGATIVE_INFINITY;
                if (log2 > bestLog2) {
                    bestLog2 = log2;
                    best = level.xors();
                }
            }
        }
        return allFeasible >= 0 ? allFeasible : best;
    }

    /** Explores level {@code s}, records it, and says whether at least half its trials were feasible. */
    private boolean passes(int s, SearchMonitor monitor) {
        int feasible = trials(s, EXPLORATION_TRIALS, exploreRandom, "exploring", monitor);
        levels.add(new LowerBound.Level(s, EXPLORATION_TRIALS, feasible));
        return 2 * feasible >= EXPLORATION_TRIALS;
    }

    /** Runs {@code count} trials of {@code s} XORs; returns how many cells held a certified region. */
    private int trials(int s, int count, SplittableRandom random, String phase, SearchMonitor monitor) {
        int feasible = 0;
        for (int trial = 0; trial < count; trial++) {
            if (ProbabilisticCounter.stopped(monitor)) {
                break; // the trials not run count as infeasible
            }
            status.phase(String.format(Locale.ROOT, "lower bound, %s: %d XORs, trial %d/%d", phase, s, trial + 1,
                    count));
            CountResult result = counter.count(hash.draw(s, profile, random), 1, monitor);
            if (result.regions() >= 1) {
                feasible++;
            }
        }
        return feasible;
    }
}
