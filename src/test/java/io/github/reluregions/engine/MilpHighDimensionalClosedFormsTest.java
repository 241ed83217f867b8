package io.github.reluregions.engine;

/** The high-dimensional closed forms for the milp engine (SCIP): long run only (its 64-D L2 balls take minutes). */
@org.junit.jupiter.api.Tag("long")
class MilpHighDimensionalClosedFormsTest extends HighDimensionalClosedFormsTest {

    @Override
    ExactCounter createCounter() {
        return new MilpEngine();
    }
}
