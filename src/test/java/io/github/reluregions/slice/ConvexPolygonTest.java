package io.github.reluregions.slice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvexPolygonTest {
    private static final ConvexPolygon SQUARE = ConvexPolygon.rectangle(0, 2, 0, 2);

    @Test
    void clippingByALineKeepsTheSideWhereTheFunctionIsNonNegative() {
        ConvexPolygon left = SQUARE.clip(-1, 0, 0.5); // x <= 0.5
        assertEquals(1.0, left.area(), 1e-15);
        ConvexPolygon triangle = SQUARE.clip(-1, -1, 2); // x + y <= 2
        assertEquals(3, triangle.size());
        assertEquals(2.0, triangle.area(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3}, triangle.centroid(), 1e-15);
    }

    @Test
    void aLineMissingThePolygonKeepsAllOrNothing() {
        assertSame(SQUARE, SQUARE.clip(1, 0, 5));
        assertTrue(SQUARE.clip(1, 0, -5).isEmpty());
        assertEquals(0, SQUARE.clip(1, 0, -5).area());
    }

    @Test
    void aCutThroughVerticesLeavesNoDuplicateVertex() {
        ConvexPolygon half = SQUARE.clip(1, -1, 0); // y <= x, through (0,0) and (2,2)
        assertEquals(3, half.size());
        assertEquals(2.0, half.area(), 1e-15);
        assertTrue(SQUARE.clip(-1, -1, 0).isEmpty()); // x + y <= 0 touches one corner only
    }

    @Test
    void piecesOfASplitAddUpToTheWhole() {
        double[][] lines = {{0.3, -0.7, 0.2}, {-1.1, 0.4, 0.9}, {0.8, 0.8, -1.7}};
        List<ConvexPolygon> pieces = List.of(SQUARE);
        for (double[] l : lines) {
            pieces = pieces.stream()
                    .flatMap(p -> java.util.stream.Stream.of(p.clip(l[0], l[1], l[2]), p.clip(-l[0], -l[1], -l[2])))
                    .filter(p -> !p.isEmpty()).toList();
        }
        assertEquals(4.0, pieces.stream().mapToDouble(ConvexPolygon::area).sum(), 1e-14);
    }

    @Test
    void lineSegmentIsTheChordInsideThePolygon() {
        assertArrayEquals(new double[] {1, 0, 1, 2}, SQUARE.lineSegment(1, 0, -1), 1e-15);
        double[] diagonal = SQUARE.lineSegment(1, -1, 0);
        assertEquals(Math.sqrt(8), Math.hypot(diagonal[2] - diagonal[0], diagonal[3] - diagonal[1]), 1e-15);
        assertNull(SQUARE.lineSegment(1, 0, 3));
        assertNull(SQUARE.lineSegment(1, 1, 0)); // touches the corner (0, 0) only
    }

    @Test
    void ballWindowsHaveTheirAreas() {
        assertEquals(2 * 0.5 * 0.5, ConvexPolygon.diamond(1, 1, 0.5).area(), 1e-15);
        double circumscribed = ConvexPolygon.circumscribed(0, 0, 1, 256).area();
        assertTrue(circumscribed > Math.PI && circumscribed < Math.PI * 1.001, "area " + circumscribed);
    }
}
