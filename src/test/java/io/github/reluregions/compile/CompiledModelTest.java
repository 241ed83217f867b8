package io.github.reluregions.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.engine.LpEngine;
import io.github.reluregions.engine.SearchMonitor;
import io.github.reluregions.engine.Tolerances;
import io.github.reluregions.network.Network;
import io.github.reluregions.testing.Nets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both compiled models: what a caller of the API relies on. */
class CompiledModelTest {
    static final Network NET = Nets.randomNet(new int[] {2, 5, 4}, 21);
    static final Box BOX = Box.cube(2, -2, 2);

    @TempDir
    Path tmp;

    static CompiledModel compile(String solver, Network net, InputDomain domain) {
        return solver.equals("milp") ? MilpModel.compile(net, domain, Tolerances.DEFAULT_INTERIOR_RADIUS)
                : CpSatModel.compile(net, domain, Tolerances.DEFAULT_INTERIOR_RADIUS);
    }

    /** The patterns of the LP engine's regions, each as its binaries' values in {@code model}. */
    static List<int[]> regionFixings(CompiledModel model) {
        List<int[]> fixings = new ArrayList<>();
        new LpEngine().count(model.network(), model.domain(), Tolerances.defaults(), SearchMonitor.unlimited(),
                (index, witness, radius, pattern) -> {
                    int[] fixing = new int[model.binaries().size()];
                    for (int k = 0; k < fixing.length; k++) {
                        fixing[k] = pattern[model.binaries().get(k).global()] ? 1 : 0;
                    }
                    fixings.add(fixing);
                });
        return fixings;
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "cpsat"})
    void everyRegionsPatternIsFeasibleAndItsFullPatternRoundTrips(String solver) {
        try (CompiledModel model = compile(solver, NET, BOX)) {
            List<int[]> fixings = regionFixings(model);
            assertTrue(fixings.size() > 10, "regions: " + fixings.size());
            for (int[] fixing : fixings) {
                PatternSolution solution = model.solve(fixing, Double.POSITIVE_INFINITY);
                assertEquals(PatternSolution.Status.FOUND, solution.status(), Arrays.toString(fixing));
                boolean[] values = solution.binaries();
                for (int k = 0; k < fixing.length; k++) {
                    assertEquals(fixing[k] == 1, values[k]);
                }
                assertEquals(NET.hiddenNeuronCount(), model.fullPattern(values).length);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "cpsat"})
    void addedConstraintsOverTheBinariesBindEverySolve(String solver) {
        try (CompiledModel model = compile(solver, NET, BOX)) {
            int n = model.binaries().size();
            int[] all = new int[n];
            long[] ones = new long[n];
            for (int k = 0; k < n; k++) {
                all[k] = k;
                ones[k] = 1;
            }
            model.addLinearConstraint(all, ones, 0, 1); // at most one neuron with a binary is on
            model.addParity(new int[] {0, 1}, true);     // exactly one of the first two is on
            for (int trial = 0; trial < 3; trial++) {
                PatternSolution solution = model.solve(null, Double.POSITIVE_INFINITY);
                if (solution.status() == PatternSolution.Status.NONE) {
                    break;
                }
                assertEquals(PatternSolution.Status.FOUND, solution.status());
                boolean[] values = solution.binaries();
                int on = 0;
                for (boolean v : values) {
                    on += v ? 1 : 0;
                }
                assertTrue(on <= 1, Arrays.toString(values));
                assertTrue(values[0] ^ values[1], Arrays.toString(values));
                int[] other = new int[n];
                Arrays.fill(other, CompiledModel.FREE);
                other[0] = values[0] ? 0 : 1;
                other[1] = values[1] ? 0 : 1;
                PatternSolution flipped = model.solve(other, Double.POSITIVE_INFINITY);
                if (flipped.status() == PatternSolution.Status.FOUND) {
                    assertTrue(flipped.binaries()[0] ^ flipped.binaries()[1]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "cpsat"})
    void contradictoryFixingsAreInfeasible(String solver) {
        try (CompiledModel model = compile(solver, NET, BOX)) {
            model.addParity(new int[] {0}, true);
            int[] fixing = new int[model.binaries().size()];
            Arrays.fill(fixing, CompiledModel.FREE);
            fixing[0] = 0;
            assertEquals(PatternSolution.Status.NONE, model.solve(fixing, Double.POSITIVE_INFINITY).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.mps", "model.lp", "model.pbtxt"})
    void theModelIsWrittenInTheFormatItsExtensionNames(String name) throws Exception {
        ModelFormat format = ModelFormat.forFile(Path.of(name));
        Path file = tmp.resolve(name);
        try (CompiledModel model = compile(format.engine(), NET, BOX)) {
            model.write(file, format);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("a_0_0") && text.contains("x0"), text.substring(0, Math.min(400, text.length())));
        if (format == ModelFormat.MPS) {
            assertTrue(text.contains("ROWS") && text.contains("COLUMNS"));
        } else if (format == ModelFormat.CPSAT_TEXT) {
            assertTrue(text.contains("variables {") && text.contains("enforcement_literal"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "cpsat"})
    void wholeSpaceIsRefusedWithAHint(String solver) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> compile(solver, NET, WholeSpace.of(2)));
        assertTrue(refused.hint().contains("--engine=lp"), refused.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "cpsat"})
    void neuronsStableOverTheDomainGetNoBinary(String solver) {
        // Every hyperplane misses this small box: no binary, one pattern.
        Network net = Nets.randomOneLayer(3, 10, 8);
        try (CompiledModel model = compile(solver, net, Box.cube(3, 40, 40.001))) {
            assertEquals(0, model.binaries().size());
            assertEquals(10, model.stableNeurons());
            assertEquals(PatternSolution.Status.FOUND, model.solve(new int[0], Double.POSITIVE_INFINITY).status());
        }
    }
}
