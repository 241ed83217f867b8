package io.github.reluregions.testing;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.solver.ChebyshevLp;
import io.github.reluregions.solver.GlopChebyshevLp;

/**
 * Brute force: every one of the 2^N activation patterns gets its own freshly built Chebyshev LP, and
 * counts when the optimal radius exceeds the tolerance. Shares no search logic with the engines. A
 * neuron constant on the pattern's piece takes only its constant's sign (both would describe one piece).
 * Box and L-infinity/L1 domains only (their LPs are exact).
 */
public final class PatternEnumerator {
    private PatternEnumerator() {
    }

    public static long count(Network network, InputDomain domain, double tolerance) {
        int n = network.hiddenNeuronCount();
        if (n > 16) {
            throw new IllegalArgumentException("too many neurons for brute force: " + n);
        }
        long regions = 0;
        for (long bits = 0; bits < (1L << n); bits++) {
            if (hasInterior(network, domain, bits, tolerance)) {
                regions++;
            }
        }
        return regions;
    }

    private static boolean hasInterior(Network network, InputDomain domain, long bits, double tolerance) {
        int d = network.inputDimension();
        try (ChebyshevLp lp = new GlopChebyshevLp(domain, domain instanceof WholeSpace ? 1 : 2 * domain.scale())) {
            Layer first = network.hiddenLayer(0);
            double[][] map = first.weights();
            double[] bias = first.biases();
            int k = 0;
            for (int l = 0; l < network.hiddenLayerCount(); l++) {
                boolean[] on = new boolean[map.length];
                for (int i = 0; i < map.length; i++, k++) {
                    on[i] = ((bits >> k) & 1) == 1;
                    double norm = 0;
                    for (double v : map[i]) {
                        norm += v * v;
                    }
                    norm = Math.sqrt(norm);
                    if (norm < 1e-12) {
                        if (on[i] != (bias[i] > 0)) {
                            return false;
                        }
                        continue;
                    }
                    double sign = on[i] ? -1 : 1;
                    double[] normal = new double[d];
                    for (int j = 0; j < d; j++) {
                        normal[j] = sign * map[i][j] / norm;
                    }
                    lp.addRow(normal, -sign * bias[i] / norm);
                }
                if (l + 1 < network.hiddenLayerCount()) {
                    Layer next = network.hiddenLayer(l + 1);
                    double[][] nextMap = new double[next.outputSize()][d];
                    double[] nextBias = new double[next.outputSize()];
                    for (int i = 0; i < next.outputSize(); i++) {
                        nextBias[i] = next.bias(i);
                        for (int q = 0; q < map.length; q++) {
                            if (on[q]) {
                                for (int j = 0; j < d; j++) {
                                    nextMap[i][j] += next.weight(i, q) * map[q][j];
                                }
                                nextBias[i] += next.weight(i, q) * bias[q];
                            }
                        }
                    }
                    map = nextMap;
                    bias = nextBias;
                }
            }
            ChebyshevLp.Solution solution = lp.solve();
            return solution.status() == ChebyshevLp.Status.OPTIMAL && solution.radius() > tolerance;
        }
    }
}
