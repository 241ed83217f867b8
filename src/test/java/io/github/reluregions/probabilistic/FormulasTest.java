package io.github.reluregions.probabilistic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** ApproxMC's thresh and t, MBound's confirming trials and the binomial tails behind them. */
class FormulasTest {

    @Test
    void threshIsTheIssuesFormula() {
        // 1 + 9.84 (1 + 0.8/1.8) (1 + 1/0.8)^2 = 72.94...
        assertEquals(73, ApproxMc.thresh(0.8));
        // epsilon above 1 uses the thresh of 1 (the analysis needs epsilon <= 1; a factor 2 is within 1 + eps)
        assertEquals(ApproxMc.thresh(1), ApproxMc.thresh(3));
        assertEquals((int) Math.ceil(1 + 9.84 * 1.5 * 4), ApproxMc.thresh(1));
    }

    @Test
    void measurementsAreTheSmallestTWhoseMedianFailsWithProbabilityBelowDelta() {
        for (double delta : new double[] {0.2, 0.05, 0.01, 0.001}) {
            int t = ApproxMc.measurements(delta);
            assertTrue(Binomial.lowerTail(t, t / 2, 0.64) < delta, "t = " + t);
            assertTrue(Binomial.lowerTail(t - 1, (t - 1) / 2, 0.64) >= delta || t == 1, "t - 1 = " + (t - 1));
            // never more than ApproxMC2's Chernoff-based ceil(17 log2(3 / delta))
            assertTrue(t <= Math.ceil(17 * Math.log(3 / delta) / Math.log(2)), "t = " + t);
        }
        assertEquals(33, ApproxMc.measurements(0.05));
    }

    @Test
    void binomialTailsMatchSmallCasesByHand() {
        assertEquals(0.5, Binomial.upperTail(1, 1, 0.5), 1e-12);
        assertEquals(0.75, Binomial.upperTail(2, 1, 0.5), 1e-12);
        assertEquals(0.25 + 0.5, Binomial.lowerTail(2, 1, 0.5), 1e-12);
        // all of t trials feasible: P(Bin(t, p) >= t) = p^t, so the largest p with p^t <= delta is delta^(1/t)
        assertEquals(Math.pow(0.05, 1.0 / 13), Binomial.largestSuccessProbability(13, 13, 0.05), 1e-6);
        assertEquals(0, Binomial.largestSuccessProbability(13, 0, 0.05));
    }

    @Test
    void mboundsStatementIsTheAllFeasibleCase() {
        // Gomes et al. 2006: all t trials feasible with s XORs -> at least 2^(s - alpha) with probability
        // 1 - 2^(-alpha t). Our bound with delta = 2^(-alpha t) gives the same 2^s * delta^(1/t) = 2^(s - alpha).
        int t = 10;
        double alpha = 0.5;
        double delta = Math.pow(2, -alpha * t);
        double p = Binomial.largestSuccessProbability(t, t, delta);
        assertEquals(Math.pow(2, -alpha), p, 1e-6);
        assertEquals(BigInteger.valueOf(725), LowerBound.certified(10, p)); // ceil(1024 / sqrt 2) = 725
        assertTrue(MipBound.confirmationTrials(0.05) >= 10);
    }
}
