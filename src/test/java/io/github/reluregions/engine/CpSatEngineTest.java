package io.github.reluregions.engine;

class CpSatEngineTest extends ExactCounterContractTest {

    @Override
    ExactCounter createCounter() {
        return new CpSatEngine();
    }

    @Override
    boolean countsInWholeSpace() {
        return false;
    }
}
