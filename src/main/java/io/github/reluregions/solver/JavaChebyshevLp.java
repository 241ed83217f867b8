package io.github.reluregions.solver;

/** What the Chebyshev LPs solved in Java share: their solve limit, their solve count, nothing native to close. */
abstract class JavaChebyshevLp implements ChebyshevLp {
    /** When a running solve gives up; checked every few iterations. */
    protected SolveLimit limit = SolveLimit.NONE;
    protected long solves;

    @Override
    public void stopWhen(SolveLimit limit) {
        this.limit = limit;
    }

    @Override
    public long solveCount() {
        return solves;
    }

    @Override
    public void close() {
        // nothing native to release
    }

    static double dot(double[] p, double[] q) {
        double sum = 0;
        for (int j = 0; j < q.length; j++) {
            sum += p[j] * q[j];
        }
        return sum;
    }
}
