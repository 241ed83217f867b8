package io.github.reluregions.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.engine.CountResult;
import io.github.reluregions.engine.LpEngine;
import io.github.reluregions.engine.SearchMonitor;
import io.github.reluregions.engine.Tolerances;
import io.github.reluregions.network.JsonNetworkReader;
import io.github.reluregions.network.Network;
import io.github.reluregions.testing.Nets;
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
        CountResult direct = new LpEngine().count(net, domain);

        assertTrue(slice.count().complete());
        assertEquals(expected, slice.regions().size());
        assertEquals(direct.regions(), slice.regions().size());
        for (SliceRegion region : slice.regions()) {
            assertFalse(region.polygon().isEmpty(), "empty polygon for a counted region");
        }
        assertEquals(1.0, slice.coveredFraction(), 1e-9);
    }
}
