package io.github.reluregions.probabilistic;

import io.github.reluregions.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.reluregions.compile.ModelKind;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.probabilistic.ProbabilisticCounter.Method;
import io.github.reluregions.probabilistic.ProbabilisticCounter.Options;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;
import io.github.reluregions.testing.ReferenceCases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lower bound never exceeds the truth and small counts come back exact, on nets with known counts. */
class ProbabilisticCounterTest {
    static final Tolerances TOLERANCES = Tolerances.defaults();

    static ProbabilisticResult count(CellCounter counter, Method method, HashChoice hash, long seed) {
        return ProbabilisticCounter.count(counter, new Options(method, 0.95, 0.8, hash, seed, 1),
                SearchMonitor.unlimited(), new RunStatus());
    }

    static ProbabilisticResult lp(Network net, InputDomain domain, Method method, HashChoice hash, long seed) {
        return count(CellCounter.lp(new Query(net, domain, TOLERANCES)), method, hash, seed);
    }

    @ParameterizedTest(name = "{0}: {2} regions")
    @MethodSource("io.github.reluregions.testing.ReferenceCases#cases")
    void lowerBoundNeverExceedsTheReferenceCount(String network, JsonNode box, long truth) {
        Assumptions.assumeTrue(box != null, "../shared/reference is not beside the project");
        Network net = JsonNetworkReader.read(ReferenceCases.REFERENCE.resolve(network));
        for (long seed = 1; seed <= 2; seed++) {
            ProbabilisticResult result = lp(net, ReferenceCases.box(box), Method.LOWER_BOUND, HashChoice.staircase(), seed);
            LowerBound bound = result.lowerBound();
            assertEquals(StopReason.FINISHED, result.stopReason());
            assertTrue(bound.value().compareTo(BigInteger.valueOf(truth)) <= 0,
                    network + " seed " + seed + ": bound " + bound.value() + " > " + truth);
            assertTrue(bound.value().signum() > 0);
            if (truth < ApproxMc.thresh(0.8)) {
                assertTrue(bound.exact(), network + ": fewer regions than thresh must come back exact");
                assertEquals(BigInteger.valueOf(truth), bound.value());
            }
        }
    }

    @Test
    void smallCountsAreReturnedExactlyByBothMethods() {
        Network net = Nets.tentMap(5); // 32 pieces on [0, 1], fewer than thresh = 73
        ProbabilisticResult result = lp(net, Box.cube(1, 0, 1), Method.BOTH, HashChoice.staircase(), 3);
        assertTrue(result.lowerBound().exact());
        assertTrue(result.estimate().exact());
        assertEquals(BigInteger.valueOf(32), result.lowerBound().value());
        assertEquals(BigInteger.valueOf(32), result.estimate().value());
        assertEquals(1.0, result.lowerBound().confidence());
    }

    @Test
    void tentMapGridLowerBoundsHoldForEveryXorFamily() {
        // Block-diagonal tent maps: (2^L)^k regions in [0, 1]^k; here (2^5)^3 = 32768.
        Network tent = Nets.tentMap(5);
        Network grid = Nets.blockDiagonal(Nets.blockDiagonal(tent, tent), tent);
        long truth = 32768;
        for (HashChoice hash : List.of(HashChoice.staircase(), HashChoice.dense(), HashChoice.fixed(3))) {
            LowerBound bound = lp(grid, Box.cube(3, 0, 1), Method.LOWER_BOUND, hash, 11).lowerBound();
            assertTrue(bound.value().compareTo(BigInteger.valueOf(truth)) <= 0, hash.label() + ": " + bound.value());
            if (hash.family() != HashChoice.Family.FIXED) {
                // XORs over 3 of the 15 strongly coupled neurons mix poorly: their bound (which holds all the
                // same) may not beat the 73 regions enumerated first, and then it is that certain count
                assertTrue(bound.xors() > 0, hash.label() + ": a hashing level confirmed the bound");
                assertEquals(0.95, bound.confidence(), 1e-12, hash.label() + ": " + bound);
                assertTrue(bound.value().compareTo(BigInteger.valueOf(truth / 16)) >= 0, hash.label() + ": " + bound);
            }
        }
    }

    @Test
    void generalPositionLowerBoundIsBelowTheClosedFormAndWithinTenfold() {
        // 14 hyperplanes in general position in R^4: sum_{j<=4} C(14, j) = 1471 regions in R^4.
        Network net = Nets.randomOneLayer(4, 14, 5);
        long truth = Nets.generalPositionCount(14, 4);
        double reach = 2 * Nets.largestVertexCoordinate(net) + 1;
        LowerBound bound = lp(net, Box.cube(4, -reach, reach), Method.LOWER_BOUND, HashChoice.staircase(), 2)
                .lowerBound();
        assertTrue(bound.value().compareTo(BigInteger.valueOf(truth)) <= 0, bound.value() + " > " + truth);
        assertTrue(bound.value().multiply(BigInteger.TEN).compareTo(BigInteger.valueOf(truth)) >= 0,
                bound.value() + " is not within 10x of " + truth);
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        Network net = Nets.randomNet(new int[] {2, 10, 10}, 4);
        Box box = Box.cube(2, -2, 2);
        ProbabilisticResult first = lp(net, box, Method.BOTH, HashChoice.staircase(), 42);
        ProbabilisticResult second = lp(net, box, Method.BOTH, HashChoice.staircase(), 42);
        assertEquals(first.lowerBound(), second.lowerBound());
        assertEquals(first.estimate().value(), second.estimate().value());
        assertEquals(first.estimate().xors(), second.estimate().xors());
        assertEquals(first.estimate().cellRegions(), second.estimate().cellRegions());
    }

    @Test
    void twoThreadsGiveTheSameEstimateAsOne() {
        Network net = Nets.randomNet(new int[] {2, 10, 10}, 4);
        Box box = Box.cube(2, -2, 2);
        Options one = new Options(Method.ESTIMATE, 0.95, 0.8, HashChoice.dense(), 5, 1);
        Options two = new Options(Method.ESTIMATE, 0.95, 0.8, HashChoice.dense(), 5, 2);
        Estimate sequential = ProbabilisticCounter.count(CellCounter.lp(new Query(net, box, TOLERANCES)), one,
                SearchMonitor.unlimited(), new RunStatus()).estimate();
        Estimate parallel = ProbabilisticCounter.count(CellCounter.lp(new Query(net, box, TOLERANCES)), two,
                SearchMonitor.unlimited(), new RunStatus()).estimate();
        assertNotNull(sequential.value());
        assertEquals(sequential.value(), parallel.value());
        assertEquals(sequential.xors(), parallel.xors());
        assertEquals(sequential.cellRegions(), parallel.cellRegions());
    }

    @Test
    void estimateOfAReferenceSizedNetIsWithinItsFactor() {
        Network net = Nets.randomNet(new int[] {2, 10, 10}, 4);
        Box box = Box.cube(2, -2, 2);
        long truth = new io.github.reluregions.count.lp.LpEngine().count(Query.of(net, box)).regions();
        Estimate estimate = lp(net, box, Method.ESTIMATE, HashChoice.staircase(), 7).estimate();
        assertNull(lp(net, box, Method.ESTIMATE, HashChoice.staircase(), 7).lowerBound());
        assertTrue(truth >= ApproxMc.thresh(0.8), "the test wants a net beyond thresh: " + truth);
        assertNotNull(estimate.value());
        double ratio = estimate.value().doubleValue() / truth;
        assertTrue(ratio >= 1 / 1.8 && ratio <= 1.8, estimate.value() + " vs " + truth);
        assertEquals(ApproxMc.measurements(0.05), estimate.measurements());
        assertTrue(estimate.certified());
    }

    @Test
    void milpAndCpSatEnginesTestTheCompiledModelWithParityConstraints() throws IOException {
        Network net = JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json")); // 97 regions in [-2, 2]^2
        Box box = Box.cube(2, -2, 2);
        CellCounter milp = CellCounter.model(ModelKind.MILP, new Query(net, box, TOLERANCES));
        CellCounter cpsat = CellCounter.model(ModelKind.CPSAT, new Query(net, box, TOLERANCES));
        for (CellCounter counter : List.of(milp, cpsat)) {
            ProbabilisticResult result = count(counter, Method.LOWER_BOUND, HashChoice.dense(), 5);
            assertEquals(counter.engine(), result.engine());
            assertTrue(result.modelSolves() > 0, counter.engine() + " solved no model");
            assertTrue(result.lowerBound().value().compareTo(BigInteger.valueOf(97)) <= 0,
                    counter.engine() + ": " + result.lowerBound().value());
            assertTrue(result.lowerBound().xors() > 0, counter.engine() + ": no hashing level confirmed");
        }
    }
}
