package io.github.reluregions.count.lp;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.HighDimensionalClosedFormsTest;

/** The high-dimensional closed forms for the lp engine, as the CLI creates it by default. */
class LpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    protected ExactCounter createCounter() {
        return new LpEngine();
    }
}
