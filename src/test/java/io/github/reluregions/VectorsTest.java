package io.github.reluregions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

    /**
     * Integer entries sum exactly whatever the order: every length, short (one running sum) and long (four
     * partial sums), with a tail past the last four.
     */
    @Test
    void sumsEveryEntryExactlyOnIntegers() {
        for (int n = 0; n <= 21; n++) {
            double[] a = new double[n];
            double[] b = new double[n];
            long dot = 0;
            long absDot = 0;
            for (int j = 0; j < n; j++) {
                a[j] = j + 1;
                b[j] = (j % 3 == 0 ? -1 : 1) * (2 * j + 1);
                dot += (long) a[j] * (long) b[j];
                absDot += Math.abs((long) a[j] * (long) b[j]);
            }
            assertEquals(dot, Vectors.dot(a, b), "dot, n = " + n);
            assertEquals(absDot, Vectors.absDot(a, b), "absDot, n = " + n);
            assertEquals(Math.sqrt(Vectors.dot(a, a)), Vectors.norm(a), "norm, n = " + n);
        }
    }

    /** Only the first {@code length} entries count. */
    @Test
    void dotOverAPrefix() {
        double[] a = {1, 2, 3, 4, 5, 6, 7};
        double[] b = {1, 1, 1, 1, 1, 1, 1e300};
        assertEquals(21, Vectors.dot(a, b, 6));
        assertEquals(0, Vectors.dot(a, b, 0));
    }

    /** On random 784-long vectors the result is within the plain sum's error bound of the exactly rounded sum. */
    @Test
    void staysWithinThePlainSumsErrorBound() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 784 + trial % 5;
            double[] a = new double[n];
            double[] b = new double[n];
            java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
            double absSum = 0;
            for (int j = 0; j < n; j++) {
                a[j] = random.nextGaussian();
                b[j] = random.nextDouble() * 2 - 1;
                exact = exact.add(new java.math.BigDecimal(a[j]).multiply(new java.math.BigDecimal(b[j])));
                absSum += Math.abs(a[j] * b[j]);
            }
            double error = Math.abs(Vectors.dot(a, b) - exact.doubleValue());
            assertTrue(error <= n * Math.ulp(1.0) * absSum, "error " + error + " at n = " + n);
        }
    }
}
