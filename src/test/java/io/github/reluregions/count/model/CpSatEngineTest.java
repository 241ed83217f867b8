package io.github.reluregions.count.model;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.ExactCounterContractTest;

class CpSatEngineTest extends ExactCounterContractTest {

    @Override
    protected ExactCounter createCounter() {
        return new CpSatEngine();
    }

    @Override
    protected boolean countsInWholeSpace() {
        return false;
    }
}
