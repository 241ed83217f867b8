package io.github.reluregions.probabilistic;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.probabilistic.search.PrefixProfile;
import io.github.reluregions.query.Query;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Runs the probabilistic counters on one network and domain: first the regions are enumerated up to
 * ApproxMC's {@code thresh} (fewer: the count is exact and both answers are it, with certainty); then the
 * lower bound ({@link MipBound}) and the estimate ({@link ApproxMc}) as asked. Every random choice comes
 * from one {@link SplittableRandom} seeded with the options' seed, split into independent streams for the
 * profile, the lower bound and the estimate, so the same seed gives the same answer.
 */
public final class ProbabilisticCounter {
    /** Prefixes per depth of the sampled search that places a staircase hash's pivots. */
    static final int PROFILE_POPULATION = 128;

    private ProbabilisticCounter() {
    }

    /** Which numbers to compute. */
    public enum Method { LOWER_BOUND, ESTIMATE, BOTH }

    /**
     * @param method which numbers
     * @param confidence the probability each number's guarantee holds with, in (0, 1)
     * @param epsilon the estimate's tolerance: within a factor {@code 1 + epsilon}, positive
     * @param hash the lower bound's XOR family (the estimate always uses dense XORs)
     * @param seed the seed of every random choice
     * @param threads how many of the estimate's measurements run at once (the answer is the same for any)
     */
    public record Options(Method method, double confidence, double epsilon, HashChoice hash, long seed,
            int threads) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(hash, "hash");
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must lie in (0, 1): " + confidence);
            }
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be positive: " + epsilon);
            }
        }
    }

    /** Counts with {@code counter}; the monitor's time limit and interrupts end the run early. */
    public static ProbabilisticResult count(CellCounter counter, Options options, SearchMonitor monitor,
            RunStatus status) {
        SplittableRandom master = new SplittableRandom(options.seed());
        SplittableRandom profileRandom = master.split();
        SplittableRandom boundRandom = master.split();
        SplittableRandom estimateRandom = master.split();
        boolean wantBound = options.method() != Method.ESTIMATE;
        boolean wantEstimate = options.method() != Method.LOWER_BOUND;
        int positions = counter.network().hiddenNeuronCount();

        ApproxMc approxMc = new ApproxMc(counter, options.epsilon(), options.confidence(), estimateRandom, status);
        int thresh = approxMc.thresh();
        status.phase("enumerating up to " + thresh + " regions");
        CountResult first = counter.count(ParityHash.none(positions), thresh, monitor);
        long certain = first.regions();
        if (first.complete()) {
            LowerBound exact = LowerBound.enumerated(certain, true, options.hash().label(), 0, List.of());
            return new ProbabilisticResult(wantBound ? exact : null, wantEstimate ? approxMc.exact(certain) : null,
                    counter.engine(), options.seed(), StopReason.FINISHED, counter.lps(), counter.modelSolves(),
                    counter.searches());
        }
        LowerBound bound = null;
        if (wantBound) {
            status.phase("lower bound: profile of the search");
            PrefixProfile profile = PrefixProfile.sample(counter.query(), PROFILE_POPULATION, profileRandom, monitor);
            counter.addLps(profile.lpsSolved());
            MipBound mipBound = new MipBound(counter, options.hash(), options.confidence(), profile, boundRandom,
                    status);
            bound = mipBound.run(certain, monitor);
        }
        Estimate estimate = null;
        if (wantEstimate && !stopped(monitor)) {
            estimate = approxMc.run(monitor, options.threads());
        }
        StopReason reason = !stopped(monitor) ? StopReason.FINISHED
                : monitor.isInterrupted() ? StopReason.INTERRUPTED : StopReason.TIME_LIMIT;
        return new ProbabilisticResult(bound, estimate, counter.engine(), options.seed(), reason, counter.lps(),
                counter.modelSolves(), counter.searches());
    }

    /** True when the monitor asks the run to stop (deadline passed or interrupted). */
    static boolean stopped(SearchMonitor monitor) {
        return monitor.isInterrupted() || monitor.isPastDeadline();
    }
}
