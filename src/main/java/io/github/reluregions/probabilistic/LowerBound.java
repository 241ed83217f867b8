package io.github.reluregions.probabilistic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * A lower bound on the number of regions.
 *
 * @param value the bound: the number of regions is at least this
 * @param log2 log2 of the bound
 * @param confidence the probability with which the bound holds (1 when it comes from certified regions
 *     enumerated, not from hashing)
 * @param exact true when the value is the exact count (every region enumerated and certified)
 * @param hash the XOR family used, e.g. {@code staircase}
 * @param xors the number of XORs of the confirming level (0 when enumeration gave the bound)
 * @param trials the confirming level's trials
 * @param feasible the confirming trials whose cell held a certified region
 * @param cellProbability the largest {@code p} with {@code P(Bin(trials, p) >= feasible) <= 1 - confidence}:
 *     the confirming level certifies {@code 2^xors * cellProbability} regions (0 when no trial was feasible)
 * @param explorationTrials trials per level while looking for the level to confirm
 * @param levels the levels explored, in order (they choose the level to confirm; they claim nothing)
 */
public record LowerBound(BigInteger value, double log2, double confidence, boolean exact, String hash, int xors,
        int trials, int feasible, double cellProbability, int explorationTrials, List<Level> levels) {

    public LowerBound {
        levels = List.copyOf(levels);
    }

    /** A bound from enumeration: certain, and exact when {@code exact}. */
    static LowerBound enumerated(long regions, boolean exact, String hash, int explorationTrials, List<Level> levels) {
        BigInteger value = BigInteger.valueOf(regions);
        return new LowerBound(value, ApproxMc.log2(value), 1.0, exact, hash, 0, 0, 0, 0, explorationTrials, levels);
    }

    /** {@code ceil(2^xors * p)}, exactly. */
    static BigInteger certified(int xors, double p) {
        BigDecimal exact = new BigDecimal(p).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(xors)));
        return exact.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** One explored level: {@code trials} hashes of {@code xors} XORs, {@code feasible} of them with a region. */
    public record Level(int xors, int trials, int feasible) {
    }
}
