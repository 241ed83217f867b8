package io.github.reluregions.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java Chebyshev LP against GLOP on random LPs, with rows added and removed as a search does. */
class DenseChebyshevLpTest {

    @Test
    void agreesWithGlopOnRandomSequencesOfRowsAndDomains() {
        Random random = new Random(3);
        int compared = 0;
        int empty = 0;
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + random.nextInt(6);
            InputDomain domain = trial % 4 == 3 ? WholeSpace.of(d)
                    : trial % 3 == 0 ? Ball.of(gaussian(random, d), 0.5 + random.nextDouble(), Norm.LINF)
                    : Box.cube(d, -1 - random.nextDouble(), 1 + 3 * random.nextDouble());
            double cap = domain instanceof WholeSpace ? 1 : 2 * domain.scale();
            try (DenseChebyshevLp dense = new DenseChebyshevLp(domain, cap);
                    GlopChebyshevLp glop = new GlopChebyshevLp(domain, cap)) {
                List<int[]> slots = new ArrayList<>();
                for (int step = 0; step < 40; step++) {
                    if (!slots.isEmpty() && random.nextInt(3) == 0) {
                        int[] pair = slots.remove(random.nextInt(slots.size()));
                        dense.removeRow(pair[0]);
                        glop.removeRow(pair[1]);
                    } else {
                        double[] normal = gaussian(random, d);
                        double length = Math.sqrt(java.util.Arrays.stream(normal).map(v -> v * v).sum());
                        for (int j = 0; j < d; j++) {
                            normal[j] /= length;
                        }
                        // Degenerate rows now and then: a repeated row, and the same hyperplane reversed.
                        double offset = random.nextInt(5) == 0 ? 0 : random.nextGaussian();
                        slots.add(new int[] {dense.addRow(normal, offset), glop.addRow(normal, offset)});
                        if (random.nextInt(6) == 0) {
                            double[] reversed = normal.clone();
                            for (int j = 0; j < d; j++) {
                                reversed[j] = -reversed[j];
                            }
                            slots.add(new int[] {dense.addRow(reversed, -offset), glop.addRow(reversed, -offset)});
                        }
                    }
                    ChebyshevLp.Solution expected = glop.solve();
                    ChebyshevLp.Solution actual = dense.solve();
                    assertEquals(ChebyshevLp.Status.OPTIMAL, expected.status());
                    assertEquals(ChebyshevLp.Status.OPTIMAL, actual.status());
                    double r = expected.radius();
                    if (r > 0) {
                        assertEquals(r, actual.radius(), 1e-7 * (1 + r), "trial " + trial + " step " + step);
                    } else {
                        empty++;
                        assertTrue(actual.radius() <= 1e-9, "trial " + trial + " step " + step + ": GLOP " + r
                                + ", dense " + actual.radius());
                    }
                    compared++;
                }
                assertTrue(dense.fallbackCount() <= dense.solveCount() / 10,
                        "fell back to GLOP " + dense.fallbackCount() + " of " + dense.solveCount() + " times");
            }
        }
        assertEquals(8000, compared);
        assertTrue(empty > 500, "too few empty cells to test the dual certificate: " + empty);
    }

    @Test
    void inRdACellBeyondTheStandInBoxIsStillFound() {
        // x1 >= 1e7 and x2 between -0.5 and 0.5: no point within the stand-in box (half-side 1e4), balls of radius 0.5 beyond.
        try (DenseChebyshevLp dense = new DenseChebyshevLp(WholeSpace.of(2), 1.0)) {
            dense.addRow(new double[] {-1, 0}, -1e7);
            dense.addRow(new double[] {0, 1}, 0.5);
            dense.addRow(new double[] {0, -1}, 0.5);
            ChebyshevLp.Solution solution = dense.solve();
            assertEquals(ChebyshevLp.Status.OPTIMAL, solution.status());
            assertEquals(0.5, solution.radius(), 1e-9);
            assertTrue(solution.center()[0] >= 1e7 + 0.5 - 1e-6, "center " + solution.center()[0]);
        }
    }

    @Test
    void inRdAnUnboundedCellHasTheCappedRadiusWithoutGlop() {
        try (DenseChebyshevLp dense = new DenseChebyshevLp(WholeSpace.of(3), 1.0)) {
            dense.addRow(new double[] {1, 0, 0}, 0.2);
            dense.addRow(new double[] {0, 0.6, 0.8}, -3);
            ChebyshevLp.Solution solution = dense.solve();
            assertEquals(1.0, solution.radius(), 1e-12);
            assertEquals(0, dense.fallbackCount());
        }
    }

    @Test
    void inRdAWedgeThatWidensBeyondTheBoxStillGivesAPointOfTheCell() {
        // A cell of a net of 30 hyperplanes in R^6 (seen in a count): its inscribed radius grows without end
        // towards the cap, far outside the stand-in box. GLOP from scratch calls it UNBOUNDED; the answer must
        // still be a point of the cell with room around it, for the cell LP to certify.
        double[][] normals = {
            {0.5471459668563976, 0.6156401999287494, 0.028175593780177522, -0.32473367976923234, -0.4638916648322555, 0.013309080445077061},
            {0.49286419264649184, 0.6928476549227727, -0.09610941366456864, -0.06431402305885524, -0.26351024588862004, 0.44072219371129157},
            {-0.0017298837671848141, 0.022375499308992228, 0.520431875550055, -0.18593803180625423, -0.11084145654175291, -0.8257046852743398},
            {-0.12633118165328266, 0.09006497351326867, -0.7672872929623935, -0.12373077340829107, -0.5657950887688468, 0.22752045267056878},
            {0.126646360659518, 0.5945884181689861, 0.4041638108767008, 0.07457674061774854, -0.6282680164606724, 0.25844638813500603},
            {-0.05730126370575323, -0.5371042637630336, -0.16120035566445387, -0.8112356844825563, 0.03843786801886393, -0.1505629930734301},
            {-0.27292244929906756, 0.44487956273851925, 0.1644060821816879, 0.20466983212435666, -0.8106982520358741, 0.038009938595266544},
            {-0.3112971412836299, -0.2956205269310001, 0.1340576276050945, 0.7401964141264004, -0.46050882645559393, 0.19435029106610974},
            {-0.25815129184535424, 0.46932610435028377, 0.15748287407409858, -0.45190757781910346, -0.5145373675153068, 0.4683170947204596},
            {0.7223517182182495, 0.023990330981263963, -0.39469044061517, -0.08698993121720838, -0.16451983366866108, 0.5359271326309355},
            {-0.26262315664557506, -0.49985587804231973, 0.19498859620403416, 0.6415686374407636, 0.3396161113949485, -0.3408859141469641},
            {-0.8589942975217919, -0.04552215760125619, -0.49101450342381475, -0.06497313279272479, -0.12115301889314119, 0.007856554461814842},
            {0.6997203487108793, 0.1960952624084456, 0.6216502460386832, -0.0659131802895585, -0.2235377398832977, 0.17656552543720544},
            {0.8238310678616684, 0.0714644803925476, 0.32792626261601965, 0.17440649850067821, 0.05101729314518424, -0.4190932772494532},
            {0.35979133296953614, 0.5640027835065057, 0.21461039886750724, 0.37982019144977713, -0.14382462145121222, -0.5843325543270012},
            {-0.3026854605844401, 0.6227851486172862, 0.5974643085990805, 0.08938170160777678, -0.346724302470024, 0.18801526548960426},
            {-0.2649535556523586, -0.10257001528724864, -0.6746829336091502, 0.13793803218909692, 0.23144034039784642, -0.6256919469835182}};
        double[] offsets = {-0.08543473438920592, -0.09256442814571249, 0.37368971337355983, -1.4439327662749872, 0.32194089094258954, -0.19544724361187, 0.7448210132012345, -0.9510980783319245, -0.12215300721527056, -0.6195385797803113, -0.29753813941382845, -0.31732511340723485, -0.19152964604298592, -0.2008559064733637, -0.08435244579937554, 0.06882880917828581, -0.12399223038346988};
        try (DenseChebyshevLp dense = new DenseChebyshevLp(WholeSpace.of(6), 1.0)) {
            for (int i = 0; i < normals.length; i++) {
                dense.addRow(normals[i], offsets[i]);
            }
            ChebyshevLp.Solution solution = dense.solve();
            assertTrue(solution.center() != null, "no point for the cell: " + solution.status());
            double slack = Double.POSITIVE_INFINITY;
            for (int i = 0; i < normals.length; i++) {
                double dot = 0;
                for (int j = 0; j < 6; j++) {
                    dot += normals[i][j] * solution.center()[j];
                }
                slack = Math.min(slack, offsets[i] - dot);
            }
            assertTrue(slack > 1e-3, "the point's slack is " + slack);
        }
    }

    private static double[] gaussian(Random random, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}
