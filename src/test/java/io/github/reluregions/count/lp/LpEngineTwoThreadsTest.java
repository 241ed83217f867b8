package io.github.reluregions.count.lp;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.ExactCounterContractTest;

/** The contract of every exact engine, for the LP engine running two workers that share subtrees. */
class LpEngineTwoThreadsTest extends ExactCounterContractTest {

    @Override
    protected ExactCounter createCounter() {
        return new LpEngine(LpEngine.Options.defaults().withThreads(2));
    }
}
