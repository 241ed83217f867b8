package io.github.reluregions.cluster;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.github.reluregions.count.Tolerances;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The problem a member reads is the coordinator's, to the last bit, for every kind of domain. */
class ProblemTest {
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
            Problem sent = new Problem(NET, domain, tolerances);
            Problem read = Problem.fromJson(sent.toJson(), sent.fingerprint());
            assertEquals(domain, read.domain());
            assertEquals(tolerances, read.tolerances());
            assertEquals(sent.fingerprint(), read.fingerprint());
        }
    }

    @Test
    void aProblemWhoseFingerprintDiffersIsRefused() {
        Problem sent = new Problem(NET, Box.cube(3, -1, 1), Tolerances.defaults());
        String other = new Problem(NET, Box.cube(3, -1, 2), Tolerances.defaults()).fingerprint();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Problem.fromJson(sent.toJson(), other));
        assertTrue(error.getMessage().contains("not the coordinator's"), error.getMessage());
    }
}
