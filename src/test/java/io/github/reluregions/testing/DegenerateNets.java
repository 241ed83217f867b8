package io.github.reluregions.testing;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Tiny random networks with degenerate rows mixed in (duplicated, negated, zero and parallel neurons,
 * small-integer weights whose hyperplanes meet in common points), and random box, ball and whole-space domains: the
 * cases where a count most easily goes wrong.
 */
public final class DegenerateNets {
    private DegenerateNets() {
    }

    /** One fuzz case: a network, a domain, and what was mixed in (for failure messages). */
    public record Case(long seed, Network network, InputDomain domain, String description) {
    }

    /** The case of {@code seed}, with at most {@code maxNeurons} hidden neurons. */
    public static Case of(long seed, int maxNeurons) {
        Random random = new Random(seed);
        int d = 1 + random.nextInt(3);
        int depth = 1 + random.nextInt(2);
        boolean integers = random.nextInt(3) == 0;
        StringBuilder what = new StringBuilder("d=" + d + (integers ? " integer weights" : ""));
        List<Layer> layers = new ArrayList<>();
        int in = d;
        int budget = maxNeurons;
        for (int l = 0; l < depth && budget > 0; l++) {
            int width = budget == 1 ? 1 : 2 + random.nextInt(Math.min(3, budget - 1));
            budget -= width;
            double[][] w = new double[width][in];
            double[] b = new double[width];
            for (int i = 0; i < width; i++) {
                int kind = i == 0 ? 0 : random.nextInt(8);
                switch (kind) {
                    case 1 -> { // duplicate of the previous neuron
                        w[i] = w[i - 1].clone();
                        b[i] = b[i - 1];
                        what.append(", L").append(l).append(" duplicate");
                    }
                    case 2 -> { // negated previous neuron: the same hyperplane, opposite side
                        for (int j = 0; j < in; j++) {
                            w[i][j] = -w[i - 1][j];
                        }
                        b[i] = -b[i - 1];
                        what.append(", L").append(l).append(" negated");
                    }
                    case 3 -> { // zero row: a constant neuron, dead or always on
                        b[i] = random.nextBoolean() ? 0 : random.nextGaussian();
                        what.append(", L").append(l).append(" zero row b=").append(b[i]);
                    }
                    case 4 -> { // parallel to the previous neuron, shifted
                        double factor = integers ? 2 : 0.5 + random.nextDouble();
                        for (int j = 0; j < in; j++) {
                            w[i][j] = factor * w[i - 1][j];
                        }
                        b[i] = integers ? b[i - 1] + 1 : b[i - 1] + random.nextGaussian();
                        what.append(", L").append(l).append(" parallel");
                    }
                    default -> fillRandom(w[i], random, integers);
                }
                if (kind == 0 || kind >= 5) {
                    b[i] = integers ? random.nextInt(3) - 1 : 0.5 * random.nextGaussian();
                }
            }
            layers.add(Layer.of(w, b));
            in = width;
        }
        double[][] out = new double[1][in];
        fillRandom(out[0], random, integers);
        layers.add(Layer.of(out, new double[1]));
        return new Case(seed, Network.of(layers), domain(random, d, what), what.toString());
    }

    private static void fillRandom(double[] row, Random random, boolean integers) {
        for (int j = 0; j < row.length; j++) {
            row[j] = integers ? random.nextInt(5) - 2 : random.nextGaussian();
        }
    }

    private static InputDomain domain(Random random, int d, StringBuilder what) {
        int kind = random.nextInt(4);
        if (kind < 2) {
            double[] lower = new double[d];
            double[] upper = new double[d];
            for (int j = 0; j < d; j++) {
                lower[j] = -0.5 - 2 * random.nextDouble();
                upper[j] = 0.5 + 2 * random.nextDouble();
            }
            if (random.nextInt(3) == 0) { // drawn last, so the cases before R^d was added keep their nets
                what.append(", R^d");
                return WholeSpace.of(d);
            }
            what.append(", box");
            return Box.of(lower, upper);
        }
        double[] center = new double[d];
        for (int j = 0; j < d; j++) {
            center[j] = random.nextGaussian() * 0.5;
        }
        Norm norm = kind == 2 ? Norm.L1 : Norm.LINF;
        what.append(", ").append(norm).append(" ball");
        return Ball.of(center, 0.5 + 2 * random.nextDouble(), norm);
    }
}
