package io.github.reluregions.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BinomialsTest {

    @Test
    void theSumUpToDEqualsTheSumOfTheChoicesOneByOne() {
        for (int n = 0; n <= 40; n++) {
            for (int d = -1; d <= 45; d++) {
                BigInteger expected = BigInteger.ZERO;
                for (int j = 0; j <= Math.min(n, d); j++) {
                    expected = expected.add(Binomials.choose(n, j));
                }
                assertEquals(expected, Binomials.sumUpTo(n, d), "n " + n + ", d " + d);
            }
        }
    }

    @Test
    void knownValues() {
        // 30 hyperplanes in general position in R^5 (the reference case general_position_5d_30): 174,437 regions.
        assertEquals(BigInteger.valueOf(174_437), Binomials.sumUpTo(30, 5));
        assertEquals(BigInteger.TWO.pow(256), Binomials.sumUpTo(256, 784));
        assertEquals(Binomials.row(100)[3], Binomials.choose(100, 3));
        assertEquals(BigInteger.valueOf(161_700), Binomials.choose(100, 3));
    }
}
