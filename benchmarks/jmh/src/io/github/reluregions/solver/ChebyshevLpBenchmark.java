package io.github.reluregions.solver;

import io.github.reluregions.domain.Box;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One feasibility check of the LP engine: is there interior on the other side of a neuron? That is the
 * Chebyshev LP of a node's polyhedron ({@code rows - 1} half-spaces in the box [-1, 1]^{@code inputs}) plus
 * the neuron's half-space, solved on GLOP, in the two ways a search could do it:
 * <ul>
 *   <li>{@code freshModel}: build the model (variables, box rows, the {@code rows} half-spaces) and solve it,
 *       as a search that builds one model per check would;
 *   <li>{@code reusedModel}: switch the neuron's row on in a model that holds the node's polyhedron, solve
 *       (GLOP starts from the last basis), and switch it off again, as {@link GlopChebyshevLp} does in the
 *       search.
 * </ul>
 * Both solve the same LPs. The half-spaces have random unit normals and all contain a ball around the
 * origin, so every LP is feasible with a positive radius; each call takes the next neuron row of a fixed
 * pool, so consecutive checks differ as those of neighbouring neurons do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ChebyshevLpBenchmark {
    private static final int POOL = 64;

    @Param({"2", "5"})
    public int inputs;

    @Param({"10", "50"})
    public int rows;

    private Box box;
    private double[][] normals;
    private double[] offsets;
    private GlopChebyshevLp reused;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        OrTools.load();
        Random random = new Random(42L * inputs + rows);
        box = Box.cube(inputs, -1, 1);
        normals = new double[rows - 1 + POOL][];
        offsets = new double[rows - 1 + POOL];
        for (int i = 0; i < normals.length; i++) {
            normals[i] = unitVector(random, inputs);
            offsets[i] = 0.05 + 0.95 * random.nextDouble();
        }
        reused = new GlopChebyshevLp(box, 2);
        for (int i = 0; i < rows - 1; i++) {
            reused.addRow(normals[i], offsets[i]);
        }
        reused.solve();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reused.close();
    }

    @Benchmark
    public double freshModel() {
        int neuron = rows - 1 + next++ % POOL;
        GlopChebyshevLp lp = new GlopChebyshevLp(box, 2);
        try {
            for (int i = 0; i < rows - 1; i++) {
                lp.addRow(normals[i], offsets[i]);
            }
            lp.addRow(normals[neuron], offsets[neuron]);
            return lp.solve().radius();
        } finally {
            lp.close();
        }
    }

    @Benchmark
    public double reusedModel() {
        int neuron = rows - 1 + next++ % POOL;
        int slot = reused.addRow(normals[neuron], offsets[neuron]);
        double radius = reused.solve().radius();
        reused.removeRow(slot);
        return radius;
    }

    private static double[] unitVector(Random random, int dimension) {
        double[] v = new double[dimension];
        double norm = 0;
        for (int j = 0; j < dimension; j++) {
            v[j] = random.nextGaussian();
            norm += v[j] * v[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < dimension; j++) {
            v[j] /= norm;
        }
        return v;
    }
}
