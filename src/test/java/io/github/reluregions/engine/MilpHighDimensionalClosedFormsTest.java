package io.github.reluregions.engine;

/** The high-dimensional closed forms for the milp engine (SCIP). */
class MilpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    ExactCounter createCounter() {
        return new MilpEngine();
    }
}
