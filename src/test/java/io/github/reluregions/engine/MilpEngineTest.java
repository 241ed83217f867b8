package io.github.reluregions.engine;

class MilpEngineTest extends ExactCounterContractTest {

    @Override
    ExactCounter createCounter() {
        return new MilpEngine();
    }

    @Override
    boolean countsInWholeSpace() {
        return false;
    }
}
