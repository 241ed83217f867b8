package io.github.reluregions.compile;

import io.github.reluregions.query.Query;

import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.protobuf.TextFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.solver.SolveLimit;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both compiled models: what a caller of the API relies on. */
class CompiledModelTest {
    static final Network NET = Nets.randomNet(new int[] {2, 5, 4}, 21);
    static final Box BOX = Box.cube(2, -2, 2);

    @TempDir
    Path tmp;

    static CompiledModel compile(ModelKind solver, Network net, InputDomain domain) {
        return solver.compile(net, domain, Tolerances.DEFAULT_INTERIOR_RADIUS, SolveLimit.NONE);
    }

    /** The patterns of the LP engine's regions, each as its binaries' values in {@code model}. */
    static List<int[]> regionFixings(CompiledModel model) {
        List<int[]> fixings = new ArrayList<>();
        new LpEngine().count(new Query(model.network(), model.domain(), Tolerances.defaults()), SearchMonitor.unlimited(), (index, witness, radius, pattern) -> {
                    int[] fixing = new int[model.binaries().size()];
                    for (int k = 0; k < fixing.length; k++) {
                        fixing[k] = pattern[model.binaries().get(k).global()] ? 1 : 0;
                    }
                    fixings.add(fixing);
                });
        return fixings;
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyRegionsPatternIsFeasibleAndItsFullPatternRoundTrips(ModelKind solver) {
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
    @EnumSource(ModelKind.class)
    void addedConstraintsOverTheBinariesBindEverySolve(ModelKind solver) {
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
    @EnumSource(ModelKind.class)
    void contradictoryFixingsAreInfeasible(ModelKind solver) {
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
        try (CompiledModel model = compile(format.kind(), NET, BOX)) {
            model.write(file, format);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("a_0_0") && text.contains("x0"), text.substring(0, Math.min(400, text.length())));
        if (format == ModelFormat.MPS) {
            assertTrue(text.contains("ROWS") && text.contains("COLUMNS"));
        } else if (format == ModelFormat.CPSAT_TEXT) {
            assertTrue(text.contains("variables {") && text.contains("enforcement_literal"));
        }
        assertReadsBackFeasible(file, format);
    }

    /** The file parses back with OR-Tools' own readers, and the model read solves to a feasible point. */
    private static void assertReadsBackFeasible(Path file, ModelFormat format) throws Exception {
        if (format == ModelFormat.CPSAT_TEXT) {
            CpModelProto.Builder proto = CpModelProto.newBuilder();
            TextFormat.merge(Files.readString(file), proto);
            assertTrue(proto.getVariablesCount() > NET.inputDimension() && proto.getConstraintsCount() > 0);
            CpModel read = new CpModel();
            read.getBuilder().mergeFrom(proto.build());
            CpSolver solver = new CpSolver();
            solver.getParameters().setNumWorkers(1);
            CpSolverStatus status = solver.solve(read);
            assertTrue(status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE, status.toString());
            return;
        }
        String text = Files.readString(file);
        if (format == ModelFormat.LP) {
            text = lpToMps(text);
        }
        ModelBuilder read = new ModelBuilder();
        boolean parsed = read.importFromMpsString(text);
        assertTrue(parsed, "OR-Tools cannot read " + file + ":\n" + text.substring(0, Math.min(1500, text.length())));
        assertTrue(read.numVariables() > NET.inputDimension() && read.numConstraints() > 0);
        // Every digit of the weights is written (OR-Tools' exporters keep 6).
        String weight = Double.toString(Math.abs(NET.hiddenLayer(0).weight(0, 0)));
        assertTrue(text.contains(weight), weight);
        SolveStatus status = new ModelSolver("scip").solve(read);
        assertTrue(status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE, status.toString());
    }

    /**
     * Parses CPLEX LP text of the shape the MILP is written in (OR-Tools reads only lp_solve's LP dialect)
     * — rows {@code name: +- c var ... op rhs}, bounds {@code lo <= var <= hi}, {@code General} — and
     * writes it back as MPS, so that OR-Tools' MPS reader checks what the LP file says.
     */
    private static String lpToMps(String lp) {
        String[] lines = lp.split("\n");
        assertEquals("Minimize", lines[0]);
        assertEquals("End", lines[lines.length - 1]);
        StringBuilder rows = new StringBuilder();
        java.util.Map<String, StringBuilder> columns = new java.util.LinkedHashMap<>();
        StringBuilder rhs = new StringBuilder();
        StringBuilder bounds = new StringBuilder();
        java.util.Set<String> integers = new java.util.HashSet<>();
        String section = "";
        for (String line : lines) {
            if (!line.startsWith(" ")) {
                section = line;
                continue;
            }
            String[] t = line.trim().split(" ");
            if (section.equals("Subject To")) {
                String name = t[0].substring(0, t[0].length() - 1);
                String op = t[t.length - 2];
                rows.append(' ').append(op.equals("=") ? 'E' : op.equals(">=") ? 'G' : 'L').append(' ').append(name).append('\n');
                for (int k = 1; k + 2 < t.length - 2; k += 3) {
                    double c = Double.parseDouble(t[k + 1]) * (t[k].equals("-") ? -1 : 1);
                    columns.computeIfAbsent(t[k + 2], v -> new StringBuilder())
                            .append("    ").append(t[k + 2]).append(' ').append(name).append(' ').append(c).append('\n');
                }
                rhs.append("    RHS ").append(name).append(' ').append(Double.parseDouble(t[t.length - 1])).append('\n');
            } else if (section.equals("Bounds")) {
                columns.computeIfAbsent(t[2], v -> new StringBuilder());
                bounds.append(t[0].equals("-inf") ? " MI BND " + t[2] : " LO BND " + t[2] + " " + Double.parseDouble(t[0]))
                        .append('\n');
                if (!t[4].equals("+inf")) {
                    bounds.append(" UP BND ").append(t[2]).append(' ').append(Double.parseDouble(t[4])).append('\n');
                }
            } else if (section.equals("General")) {
                integers.add(t[0]);
            }
        }
        StringBuilder mps = new StringBuilder("NAME lp\nROWS\n N COST\n").append(rows).append("COLUMNS\n");
        for (var column : columns.entrySet()) {
            boolean integer = integers.contains(column.getKey());
            mps.append(integer ? "    M 'MARKER' 'INTORG'\n" : "").append(column.getValue().length() > 0 ? column.getValue()
                    : "    " + column.getKey() + " COST 0\n").append(integer ? "    M 'MARKER' 'INTEND'\n" : "");
        }
        return mps.append("RHS\n").append(rhs).append("BOUNDS\n").append(bounds).append("ENDATA\n").toString();
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void wholeSpaceIsRefusedWithAHint(ModelKind solver) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> compile(solver, NET, WholeSpace.of(2)));
        assertTrue(refused.hint().contains("--engine=lp"), refused.hint());
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void neuronsStableOverTheDomainGetNoBinary(ModelKind solver) {
        // Every hyperplane misses this small box: no binary, one pattern.
        Network net = Nets.randomOneLayer(3, 10, 8);
        try (CompiledModel model = compile(solver, net, Box.cube(3, 40, 40.001))) {
            assertEquals(0, model.binaries().size());
            assertEquals(10, model.stableNeurons());
            assertEquals(PatternSolution.Status.FOUND, model.solve(new int[0], Double.POSITIVE_INFINITY).status());
        }
    }
}
