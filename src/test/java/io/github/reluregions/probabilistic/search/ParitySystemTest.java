package io.github.reluregions.probabilistic.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParitySystemTest {

    /** Brute force: the pattern satisfies every row as given. */
    static boolean satisfiesRows(List<BitSet> rows, boolean[] odd, boolean[] pattern) {
        for (int r = 0; r < rows.size(); r++) {
            boolean parity = false;
            for (int p = rows.get(r).nextSetBit(0); p >= 0; p = rows.get(r).nextSetBit(p + 1)) {
                parity ^= pattern[p];
            }
            if (parity != odd[r]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void echelonFormHasTheSameSolutionsAsTheRowsItWasBuiltFrom() {
        Random random = new Random(5);
        int positions = 9;
        for (int trial = 0; trial < 200; trial++) {
            int rowCount = random.nextInt(12);
            List<BitSet> rows = new ArrayList<>();
            boolean[] odd = new boolean[rowCount];
            for (int r = 0; r < rowCount; r++) {
                BitSet row = new BitSet();
                for (int p = 0; p < positions; p++) {
                    if (random.nextInt(3) == 0) {
                        row.set(p);
                    }
                }
                rows.add(row);
                odd[r] = random.nextBoolean();
            }
            ParitySystem system = ParitySystem.of(positions, rows, odd);
            int solutions = 0;
            for (int bits = 0; bits < (1 << positions); bits++) {
                boolean[] pattern = new boolean[positions];
                for (int p = 0; p < positions; p++) {
                    pattern[p] = ((bits >> p) & 1) == 1;
                }
                boolean expected = satisfiesRows(rows, odd, pattern);
                assertEquals(expected, system.isSatisfiedBy(pattern));
                solutions += expected ? 1 : 0;
            }
            assertEquals(system.isInconsistent() ? 0 : 1 << (positions - system.rank()), solutions);
        }
    }

    @Test
    void aPivotIsForcedByTheEarlierPositionsOnly() {
        BitSet row = new BitSet();
        row.set(1);
        row.set(4);
        ParitySystem system = ParitySystem.of(6, List.of(row), new boolean[] {true});
        assertTrue(system.isPivot(4));
        assertFalse(system.isPivot(1));
        boolean[] pattern = new boolean[6];
        assertTrue(system.forced(4, pattern));
        pattern[1] = true;
        assertFalse(system.forced(4, pattern));
    }

    @Test
    void contradictoryRowsMakeTheSystemInconsistent() {
        BitSet row = new BitSet();
        row.set(0);
        row.set(2);
        ParitySystem system = ParitySystem.of(3, List.of(row, (BitSet) row.clone()), new boolean[] {true, false});
        assertTrue(system.isInconsistent());
        assertEquals(1, system.rank());
        ParitySystem empty = ParitySystem.of(3, List.of(new BitSet()), new boolean[] {true});
        assertTrue(empty.isInconsistent());
        assertFalse(ParitySystem.none(3).isInconsistent());
    }
}
