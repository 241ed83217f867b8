package io.github.reluregions.engine;

/** The contract of every exact engine, for the LP engine running two workers that share subtrees. */
class LpEngineTwoThreadsTest extends ExactCounterContractTest {

    @Override
    ExactCounter createCounter() {
        return new LpEngine(LpEngine.Options.defaults().withThreads(2));
    }
}
