package io.github.reluregions.count;

import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.testing.ReferenceCases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every case of ../shared/reference/cases.json, counted by the LP engine. */
class ReferenceCasesTest {

    @ParameterizedTest(name = "{0}: {2} regions")
    @MethodSource("io.github.reluregions.testing.ReferenceCases#cases")
    void lpEngineReproducesTheReferenceCount(String network, JsonNode box, long expected) {
        Assumptions.assumeTrue(box != null, "../shared/reference is not beside the project");
        Network net = JsonNetworkReader.read(ReferenceCases.REFERENCE.resolve(network));
        CountResult result = new LpEngine().count(Query.of(net, ReferenceCases.box(box)));
        assertTrue(result.complete());
        assertEquals(expected, result.regions());
    }
}
