package io.github.reluregions.count.model;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.HighDimensionalClosedFormsTest;

/** The high-dimensional closed forms for the milp engine (SCIP): long run only (its 64-D L2 balls take minutes). */
@org.junit.jupiter.api.Tag("long")
class MilpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    protected ExactCounter createCounter() {
        return new MilpEngine();
    }
}
