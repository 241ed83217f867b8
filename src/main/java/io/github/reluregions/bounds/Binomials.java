package io.github.reluregions.bounds;

import java.math.BigInteger;

/** Exact binomial sums. */
final class Binomials {
    private Binomials() {
    }

    static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        k = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    /** {@code sum_{j=0}^{d} C(n, j)}: regions of n hyperplanes in general position in R^d (Zaslavsky). */
    static BigInteger sumUpTo(int n, int d) {
        if (d < 0) {
            return BigInteger.ZERO;
        }
        if (d >= n) {
            return BigInteger.TWO.pow(n);
        }
        BigInteger term = BigInteger.ONE; // C(n, 0)
        BigInteger total = BigInteger.ONE;
        for (int j = 1; j <= d; j++) {
            term = term.multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j)); // C(n, j), exact
            total = total.add(term);
        }
        return total;
    }

    /** {@code C(n, 0), ..., C(n, n)}: one row of Pascal's triangle, O(n) big-integer operations. */
    static BigInteger[] row(int n) {
        BigInteger[] row = new BigInteger[n + 1];
        row[0] = BigInteger.ONE;
        for (int j = 1; j <= n; j++) {
            row[j] = row[j - 1].multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j));
        }
        return row;
    }
}
