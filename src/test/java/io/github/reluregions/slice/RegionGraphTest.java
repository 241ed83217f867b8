package io.github.reluregions.slice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionGraphTest {

    @Test
    void cellsMeetingAtACornerOnlyAreNotNeighbours() {
        List<ConvexPolygon> grid = List.of(ConvexPolygon.rectangle(0, 1, 0, 1), ConvexPolygon.rectangle(1, 2, 0, 1),
                ConvexPolygon.rectangle(1, 2, 1, 2), ConvexPolygon.rectangle(0, 1, 1, 2));
        RegionGraph graph = RegionGraph.of(grid, 1e-9);
        assertArrayEquals(new int[] {1, 3}, graph.neighbours(0));
        assertArrayEquals(new int[] {0, 2}, graph.neighbours(1));
        assertArrayEquals(new int[] {1, 3}, graph.neighbours(2));
        assertArrayEquals(new int[] {0, 2}, graph.neighbours(3));
    }

    @Test
    void anEdgeSplitOnOneSideStillMakesNeighbours() {
        // One tall cell on the left, two cells on the right sharing parts of its right edge.
        List<ConvexPolygon> cells = List.of(ConvexPolygon.rectangle(0, 1, 0, 2), ConvexPolygon.rectangle(1, 2, 0, 0.7),
                ConvexPolygon.rectangle(1, 2, 0.7, 2));
        RegionGraph graph = RegionGraph.of(cells, 1e-9);
        assertArrayEquals(new int[] {1, 2}, graph.neighbours(0));
        int[] colour = graph.colouring(3);
        assertNotEquals(colour[0], colour[1]);
        assertNotEquals(colour[0], colour[2]);
        assertNotEquals(colour[1], colour[2]);
    }

    @Test
    void colouringSpreadsOverThePreferredColoursAndGoesBeyondOnlyWhenForced() {
        // A wheel: a centre square surrounded by 4 cells around it, each touching the next.
        List<ConvexPolygon> cells = List.of(ConvexPolygon.rectangle(1, 2, 1, 2), ConvexPolygon.rectangle(0, 3, 0, 1),
                ConvexPolygon.rectangle(2, 3, 1, 3), ConvexPolygon.rectangle(0, 2, 2, 3), ConvexPolygon.rectangle(0, 1, 1, 2));
        RegionGraph graph = RegionGraph.of(cells, 1e-9);
        assertEquals(4, graph.neighbours(0).length);
        int[] many = graph.colouring(12);
        assertEquals(5, java.util.Arrays.stream(many).distinct().count(), "12 colours to spread over: all differ");
        int[] two = graph.colouring(2);
        for (int i = 0; i < cells.size(); i++) {
            for (int j : graph.neighbours(i)) {
                assertNotEquals(two[i], two[j]);
            }
        }
    }
}
