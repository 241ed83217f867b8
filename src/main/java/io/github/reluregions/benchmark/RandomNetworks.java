package io.github.reluregions.benchmark;

import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random networks as at initialisation, for the benchmark's families. Reproducible from the seed. */
final class RandomNetworks {
    private RandomNetworks() {
    }

    /**
     * A network with the given widths (inputs first, then the hidden widths) and one linear output: weights
     * Gaussian with variance 2 / fan-in (He initialisation), biases Gaussian with standard deviation 0.1.
     * Only the ratio of biases to weights matters for the regions in R^d (scaling every bias by c scales the
     * partition by c), so the choice of 0.1 changes nothing there.
     */
    static Network he(int[] widths, long seed) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need the input width and at least one hidden width");
        }
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= widths.length; l++) {
            int in = widths[l - 1];
            int out = l < widths.length ? widths[l] : 1;
            double scale = Math.sqrt(2.0 / in);
            double[][] weights = new double[out][in];
            double[] biases = new double[out];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    weights[i][j] = scale * random.nextGaussian();
                }
                biases[i] = 0.1 * random.nextGaussian();
            }
            layers.add(Layer.of(weights, biases));
        }
        return Network.of(layers);
    }
}
