package io.github.reluregions.propagation;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.network.Layer;
import io.github.reluregions.network.Network;
import java.util.List;

/**
 * Interval bound propagation: for every hidden neuron an interval that holds its pre-activation over the
 * whole domain. The first layer's intervals are exact (the domain's support function); deeper layers use
 * interval arithmetic on the ReLU outputs, so they are sound but may be loose. Cost: one pass over the
 * weights.
 */
public record IntervalBounds(List<Interval[]> layers) {

    public static IntervalBounds of(Network network, InputDomain domain) {
        return padded(network, domain, 0);
    }

    /**
     * The same bounds, each widened against floating-point rounding by {@code relativePad} times the size
     * of the terms that make it up ({@code |b| + sum |w| * largest |input|}); deeper layers are propagated
     * from the widened ones. A neuron whose terms are all zero keeps its exact interval.
     */
    public static IntervalBounds padded(Network network, InputDomain domain, double relativePad) {
        int hidden = network.hiddenLayerCount();
        Interval[][] result = new Interval[hidden][];
        Layer first = network.hiddenLayer(0);
        double[] largestInput = new double[first.inputSize()];
        double[] axis = new double[largestInput.length];
        for (int j = 0; j < largestInput.length; j++) {
            axis[j] = 1;
            Interval side = domain.range(axis, 0);
            axis[j] = 0;
            largestInput[j] = Math.max(Math.abs(side.lo()), Math.abs(side.hi()));
        }
        result[0] = new Interval[first.outputSize()];
        for (int i = 0; i < first.outputSize(); i++) {
            double[] row = new double[first.inputSize()];
            double terms = Math.abs(first.bias(i));
            for (int j = 0; j < row.length; j++) {
                row[j] = first.weight(i, j);
                terms += Math.abs(row[j]) * largestInput[j];
            }
            result[0][i] = widen(domain.range(row, first.bias(i)), relativePad, terms);
        }
        for (int l = 1; l < hidden; l++) {
            Layer layer = network.hiddenLayer(l);
            Interval[] previous = result[l - 1];
            result[l] = new Interval[layer.outputSize()];
            for (int i = 0; i < layer.outputSize(); i++) {
                double lo = layer.bias(i);
                double hi = layer.bias(i);
                double terms = Math.abs(layer.bias(i));
                for (int j = 0; j < layer.inputSize(); j++) {
                    double w = layer.weight(i, j);
                    double inLo = Math.max(0, previous[j].lo());
                    double inHi = Math.max(0, previous[j].hi());
                    if (w >= 0) {
                        lo += w * inLo;
                        hi += w * inHi;
                    } else {
                        lo += w * inHi;
                        hi += w * inLo;
                    }
                    terms += Math.abs(w) * inHi;
                }
                result[l][i] = widen(Interval.of(lo, hi), relativePad, terms);
            }
        }
        return new IntervalBounds(List.of(result));
    }

    private static Interval widen(Interval interval, double relativePad, double terms) {
        if (relativePad == 0 || terms == 0) {
            return interval;
        }
        double pad = relativePad * terms;
        return Interval.of(interval.lo() - pad, interval.hi() + pad);
    }

    public Interval bound(int layer, int neuron) {
        return layers.get(layer)[neuron];
    }

    /** Number of hidden neurons whose sign is fixed over the whole domain. */
    public int stableCount() {
        int stable = 0;
        for (Interval[] layer : layers) {
            for (Interval interval : layer) {
                if (interval.isPositive() || interval.isNegative()) {
                    stable++;
                }
            }
        }
        return stable;
    }
}
