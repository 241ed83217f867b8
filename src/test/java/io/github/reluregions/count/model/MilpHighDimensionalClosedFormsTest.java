package io.github.reluregions.count.model;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.HighDimensionalClosedFormsTest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The high-dimensional closed forms for the milp engine (SCIP). The quick cases run in the default suite,
 * 64-D L2 balls included. Measured 2026-12-07 on 2 shared cores, two default runs and two under -Plong:
 * each of the 55 took at most 1.4 to 2.2 s (run by run) and all of them together 15.0 to 23.1 s; the 16 in
 * L2 balls at most 0.9 to 1.5 s each, 3.4 to 6.6 s together. (The whole class was long-only while SCIP
 * carried the L2 ball by a loop of tangent cuts at its own points: its 64-D L2 balls took minutes then.)
 * Long-only: the base class's cases "at scale" (more hyperplanes, 784 inputs), as for every engine, 0.5 to
 * 26 s each by milp and 223 to 249 s together, and the two block-diagonal counts in boxes below.
 */
class MilpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    protected ExactCounter createCounter() {
        return new MilpEngine();
    }

    /** Long run only for milp: 1.7 and 2.0 s under -Plong, 2.7 s in a default run (measured 2026-12-07). */
    @Test
    @Tag("long")
    @Override
    protected void blockDiagonalCentralArrangementsMultiplyInABox() {
        super.blockDiagonalCentralArrangementsMultiplyInABox();
    }

    /**
     * Long run only for milp: 11.3 and 12.5 s under -Plong (measured 2026-12-07), three counts in 32- and 64-D
     * boxes.
     */
    @Test
    @Tag("long")
    @Override
    protected void blockDiagonalRandomNetsMultiplyTheirOwnCounts() {
        super.blockDiagonalRandomNetsMultiplyTheirOwnCounts();
    }
}
