package io.github.reluregions.probabilistic;

import java.math.BigInteger;
import java.util.List;

/**
 * An estimate of the number of regions within a factor {@code 1 + epsilon} with a stated probability.
 *
 * @param value the estimate; null when the run stopped before it was complete
 * @param log2 log2 of the estimate (NaN when there is none)
 * @param confidence the probability that {@code N / (1 + epsilon) <= value <= (1 + epsilon) N} (1 when
 *     exact)
 * @param epsilon the tolerance asked for
 * @param exact true when there are fewer than {@code thresh} regions and all were enumerated: the value is
 *     the exact count
 * @param thresh the most regions a cell is enumerated to
 * @param measurements the number of independent measurements whose median is the estimate
 * @param xors the number of XORs each measurement settled on, in order
 * @param cellRegions the regions in the cell each measurement settled on
 * @param certified false when some cell held a region that could not be certified (an uncertain cell): then
 *     a cell count may be short and the guarantee does not hold
 */
public record Estimate(BigInteger value, double log2, double confidence, double epsilon, boolean exact, int thresh,
        int measurements, List<Integer> xors, List<Long> cellRegions, boolean certified) {

    public Estimate {
        xors = List.copyOf(xors);
        cellRegions = List.copyOf(cellRegions);
    }
}
