package io.github.reluregions.count.model;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.ExactCounterContractTest;

class MilpEngineTest extends ExactCounterContractTest {

    @Override
    protected ExactCounter createCounter() {
        return new MilpEngine();
    }

    @Override
    protected boolean countsInWholeSpace() {
        return false;
    }
}
