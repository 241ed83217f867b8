package io.github.reluregions.probabilistic;

/** Binomial tails, in log space so that they stay accurate far out. */
final class Binomial {
    private Binomial() {
    }

    /** P(Bin(n, p) >= k). */
    static double upperTail(int n, int k, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
        }
        return Math.min(1, sum);
    }

    /** P(Bin(n, p) <= k). */
    static double lowerTail(int n, int k, double p) {
        return k >= n ? 1 : 1 - upperTail(n, k + 1, p);
    }

    /**
     * The largest {@code p} in [0, 1] with {@code P(Bin(n, p) >= k) <= delta} (the tail grows with
     * {@code p}); 0 when {@code k} is 0 (no such claim can be made).
     */
    static double largestSuccessProbability(int n, int k, double delta) {
        if (k <= 0) {
            return 0;
        }
        // A hair below delta, so that rounding in the tail's sum cannot tip a claim over.
        double target = delta * (1 - 1e-9);
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(n, k, mid) <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
