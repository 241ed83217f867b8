package io.github.reluregions.propagation;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Interval;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.util.List;

/**
 * Interval bound propagation: for every hidden neuron an interval that holds its pre-activation over the
 * whole domain. The first layer's intervals are exact (the domain's support function); deeper layers use
 * interval arithmetic on the ReLU outputs, so they are sound but may be loose. Cost: one pass over the
 * weights.
 */
public record IntervalBounds(List<Interval[]> layers) implements PreActivationBounds {

    public static IntervalBounds of(Network network, InputDomain domain) {
        return padded(network, domain, 0);
    }

    /**
     * The same bounds, each end widened against floating-point rounding by {@code relativePad} times the
     * size of the terms that make it up (on the first layer {@code |b| + sum |w| * largest |input|}, on
     * deeper layers the terms of that end alone); deeper layers are propagated from the widened ones. An
     * end whose terms are all zero keeps its exact value.
     */
    public static IntervalBounds padded(Network network, InputDomain domain, double relativePad) {
        int hidden = network.hiddenLayerCount();
        Interval[][] result = new Interval[hidden][];
        result[0] = firstLayer(network.hiddenLayer(0), domain, largestInputs(domain), relativePad);
        for (int l = 1; l < hidden; l++) {
            result[l] = nextLayer(network.hiddenLayer(l), result[l - 1], relativePad);
        }
        return new IntervalBounds(List.of(result));
    }

    /** The largest absolute value of every input coordinate over the domain (infinite where unbounded). */
    static double[] largestInputs(InputDomain domain) {
        double[] largest = new double[domain.dimension()];
        double[] axis = new double[largest.length];
        for (int j = 0; j < largest.length; j++) {
            axis[j] = 1;
            Interval side = domain.range(axis, 0);
            axis[j] = 0;
            largest[j] = Math.max(Math.abs(side.lo()), Math.abs(side.hi()));
        }
        return largest;
    }

    /** The first layer's exact ranges over the domain (its support function), widened. */
    static Interval[] firstLayer(Layer first, InputDomain domain, double[] largestInput, double relativePad) {
        Interval[] result = new Interval[first.outputSize()];
        for (int i = 0; i < first.outputSize(); i++) {
            double[] row = new double[first.inputSize()];
            double terms = Math.abs(first.bias(i));
            for (int j = 0; j < row.length; j++) {
                row[j] = first.weight(i, j);
                if (row[j] != 0) { // 0 * an unbounded input is no term (and not NaN)
                    terms += Math.abs(row[j]) * largestInput[j];
                }
            }
            Interval range = domain.range(row, first.bias(i));
            result[i] = Interval.of(range.lo() - pad(relativePad, terms), range.hi() + pad(relativePad, terms));
        }
        return result;
    }

    /** Interval arithmetic through {@code layer} on the ReLU of {@code previous}, each end widened by its terms. */
    static Interval[] nextLayer(Layer layer, Interval[] previous, double relativePad) {
        Interval[] result = new Interval[layer.outputSize()];
        for (int i = 0; i < layer.outputSize(); i++) {
            double lo = layer.bias(i);
            double hi = layer.bias(i);
            double loTerms = Math.abs(layer.bias(i));
            double hiTerms = loTerms;
            for (int j = 0; j < layer.inputSize(); j++) {
                double w = layer.weight(i, j);
                if (w == 0) {
                    continue; // 0 * an unbounded input is no term (and not NaN)
                }
                double inLo = Math.max(0, previous[j].lo());
                double inHi = Math.max(0, previous[j].hi());
                double atLo = w >= 0 ? inLo : inHi;
                double atHi = w >= 0 ? inHi : inLo;
                lo += w * atLo;
                hi += w * atHi;
                loTerms += Math.abs(w) * atLo;
                hiTerms += Math.abs(w) * atHi;
            }
            result[i] = Interval.of(lo - pad(relativePad, loTerms), hi + pad(relativePad, hiTerms));
        }
        return result;
    }

    /** {@code relativePad * terms}, 0 when either is 0 (so no pad is NaN when the terms are infinite). */
    static double pad(double relativePad, double terms) {
        return relativePad == 0 || terms == 0 ? 0 : relativePad * terms;
    }
}
