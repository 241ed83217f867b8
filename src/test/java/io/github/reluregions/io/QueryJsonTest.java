package io.github.reluregions.io;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query a cluster member reads is the coordinator's, to the last bit, for every kind of domain. */
class QueryJsonTest {
    private static final Network NET = Nets.randomNet(new int[] {3, 5, 4}, 17);

    @Test
    void everyDomainTravelsAsJsonWithItsFingerprint() {
        List<InputDomain> domains = List.of(
                Box.of(new double[] {-1.0 / 3, -2, 0.1}, new double[] {Math.PI, 2, 0.1 + 1e-9}),
                Ball.of(new double[] {0.1, 0.2, 0.3}, 1.0 / 7, Norm.L2),
                Ball.of(new double[] {0, 0, 0}, 2, Norm.L1),
                Ball.of(new double[] {1, 1, 1}, 1e-6, Norm.LINF),
                WholeSpace.of(3));
        Tolerances tolerances = Tolerances.defaults().withInteriorRadius(3e-8);
        for (InputDomain domain : domains) {
            Query sent = new Query(NET, domain, tolerances);
            Query read = QueryJson.read(QueryJson.write(sent), sent.fingerprint());
            assertEquals(domain, read.domain());
            assertEquals(tolerances, read.tolerances());
            assertEquals(sent.fingerprint(), read.fingerprint());
            assertEquals(sent, read);
        }
    }

    @Test
    void aQueryWhoseFingerprintDiffersIsRefused() {
        Query sent = new Query(NET, Box.cube(3, -1, 1), Tolerances.defaults());
        String other = sent.in(Box.cube(3, -1, 2)).fingerprint();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> QueryJson.read(QueryJson.write(sent), other));
        assertTrue(error.getMessage().contains("not the coordinator's"), error.getMessage());
    }
}
