package io.github.reluregions.engine;

/** The high-dimensional closed forms for the lp engine, as the CLI creates it by default. */
class LpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    ExactCounter createCounter() {
        return new LpEngine();
    }
}
