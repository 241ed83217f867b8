package io.github.reluregions.propagation;

import io.github.reluregions.domain.Interval;
import java.util.List;

/**
 * For every hidden neuron of a network, an interval that holds its pre-activation at every input of a
 * domain: what a bound propagation computes. Element {@code l} of {@link #layers()} holds hidden layer
 * {@code l}'s intervals, neuron by neuron.
 */
public interface PreActivationBounds {

    List<Interval[]> layers();

    default Interval bound(int layer, int neuron) {
        return layers().get(layer)[neuron];
    }

    /** Number of hidden neurons whose sign is fixed over the whole domain. */
    default int stableCount() {
        int stable = 0;
        for (Interval[] layer : layers()) {
            for (Interval interval : layer) {
                if (interval.isPositive() || interval.isNegative()) {
                    stable++;
                }
            }
        }
        return stable;
    }
}
