package io.github.reluregions.slice;

import io.github.reluregions.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicerTest {
    static final Path REFERENCE = Path.of("..", "shared", "reference");

    static Slice slice(Network net, Plane plane, InputDomain domain) {
        return new Slicer(new LpEngine()).slice(net, plane, domain, Tolerances.defaults(), SearchMonitor.unlimited());
    }

    /** The 2-D cases of ../shared/reference: network file, box, expected count. */
    static Stream<Arguments> referenceCases2d() throws IOException {
        Path file = REFERENCE.resolve("cases.json");
        if (!Files.exists(file)) {
            return Stream.of(Arguments.of("(no ../shared/reference)", null, 0L));
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile())) {
            JsonNode box = c.get("box");
            if (box.size() == 2) {
                cases.add(Arguments.of(c.get("network").asText(), box, c.get("regions").asLong()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2} regions")
    @MethodSource("referenceCases2d")
    void polygonsOfTheReferenceCasesMatchTheCountAndTileTheBox(String network, JsonNode box, long expected) {
        Assumptions.assumeTrue(box != null, "../shared/reference is not beside the project");
        Network net = JsonNetworkReader.read(REFERENCE.resolve(network));
        Box domain = Box.of(new double[] {box.get(0).get(0).asDouble(), box.get(1).get(0).asDouble()},
                new double[] {box.get(0).get(1).asDouble(), box.get(1).get(1).asDouble()});
        Slice slice = slice(net, Plane.inputs2d(), domain);
        CountResult direct = new LpEngine().count(Query.of(net, domain));

        assertTrue(slice.count().complete());
        assertEquals(expected, slice.regions().size());
        assertEquals(direct.regions(), slice.regions().size());
        for (SliceRegion region : slice.regions()) {
            assertFalse(region.polygon().isEmpty(), "empty polygon for a counted region");
        }
        assertEquals(1.0, slice.coveredFraction(), 1e-9);
    }

    @Test
    void everyWitnessLiesInsideItsPolygonAndOnlyThere() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json"));
        Slice slice = slice(net, Plane.inputs2d(), Box.cube(2, -2, 2));
        assertEquals(97, slice.regions().size());
        for (SliceRegion region : slice.regions()) {
            double[] w = region.witness();
            int inside = 0;
            for (SliceRegion other : slice.regions()) {
                if (contains(other.polygon(), w[0], w[1])) {
                    inside++;
                    assertEquals(region, other, "witness of one region inside another's polygon");
                }
            }
            assertEquals(1, inside);
        }
    }

    @Test
    void polygonalBallsAreTiledAndTheL2DiscKeepsEveryRegion() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json"));
        for (Norm norm : Norm.values()) {
            Ball ball = Ball.of(new double[] {0.2, -0.1}, 1.3, norm);
            Slice slice = slice(net, Plane.inputs2d(), ball);
            assertEquals(new LpEngine().count(Query.of(net, ball)).regions(), slice.regions().size(), norm.label());
            for (SliceRegion region : slice.regions()) {
                assertFalse(region.polygon().isEmpty(), norm.label());
            }
            if (norm == Norm.L2) {
                assertEquals(ball, slice.disc());
            } else {
                double area = norm == Norm.L1 ? 2 * 1.3 * 1.3 : 4 * 1.3 * 1.3;
                assertEquals(area, slice.window().area(), 1e-12);
                assertEquals(1.0, slice.coveredFraction(), 1e-9, norm.label());
            }
        }
    }

    @Test
    void aPlaneOfScaledDirectionsIsTheBoxItCovers() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json"));
        Plane scaled = Plane.of(new double[] {1, -1}, new double[] {2, 0}, new double[] {0, 2});
        Box window = Box.of(new double[] {-1.5, -0.5}, new double[] {0.5, 1.5}); // x in [-2, 2]^2
        Slice slice = slice(net, scaled, window);
        assertEquals(97, slice.regions().size());
        assertEquals(1.0, slice.coveredFraction(), 1e-9);
    }

    @Test
    void aSliceThroughExtraInputsCountsOnlyTheCellsThePlaneMeets() {
        // The 2-D net beside an independent 1-D net: in a plane at fixed third input, the 1-D net's neurons
        // are constant, so the slice has the 2-D net's regions.
        Network twoD = Nets.randomNet(new int[] {2, 6, 6}, 11);
        Network oneD = Nets.randomNet(new int[] {1, 3, 3}, 12);
        Network net = Nets.blockDiagonal(twoD, oneD);
        Plane plane = Plane.of(new double[] {0, 0, 0.37}, new double[] {1, 0, 0}, new double[] {0, 1, 0});
        Box window = Box.cube(2, -2, 2);
        Slice slice = slice(net, plane, window);
        assertEquals(new LpEngine().count(Query.of(twoD, window)).regions(), slice.regions().size());
        assertEquals(1.0, slice.coveredFraction(), 1e-9);
    }

    @Test
    void theOutputZeroSetIsWhereTheOutputVanishes() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json"));
        Slice slice = slice(net, Plane.inputs2d(), Box.cube(2, -2, 2));
        int segments = 0;
        for (SliceRegion region : slice.regions()) {
            double[] s = region.outputZeroSegment(0);
            if (s == null) {
                continue;
            }
            segments++;
            double[] mid = {(s[0] + s[2]) / 2, (s[1] + s[3]) / 2};
            double scale = Math.abs(net.evaluate(region.witness())[0]) + 1;
            assertEquals(0, net.evaluate(mid)[0], 1e-9 * scale);
        }
        assertTrue(segments > 0, "the example net's output changes sign in [-2, 2]^2");
    }

    @Test
    void neighboursGetDifferentColours() {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json"));
        Slice slice = slice(net, Plane.inputs2d(), Box.cube(2, -2, 2));
        List<ConvexPolygon> polygons = slice.regions().stream().map(SliceRegion::polygon).toList();
        RegionGraph graph = RegionGraph.of(polygons, 1e-9);
        int[] colour = graph.colouring(12);
        int edges = 0;
        for (int i = 0; i < graph.size(); i++) {
            assertTrue(graph.neighbours(i).length >= 2, "a cell of a partition of a box has 2 or more neighbours");
            for (int j : graph.neighbours(i)) {
                assertNotEquals(colour[i], colour[j]);
                edges++;
            }
        }
        // Euler for a planar partition: edges between cells are fewer than 3 per cell.
        assertTrue(edges / 2 < 3 * polygons.size(), "edges " + edges / 2);
        assertTrue(java.util.Arrays.stream(colour).max().orElse(0) < 12);
    }

    private static boolean contains(ConvexPolygon p, double x, double y) {
        for (int i = 0; i < p.size(); i++) {
            int j = (i + 1) % p.size();
            double cross = (p.x(j) - p.x(i)) * (y - p.y(i)) - (p.y(j) - p.y(i)) * (x - p.x(i));
            if (cross <= 0) {
                return false;
            }
        }
        return true;
    }
}
