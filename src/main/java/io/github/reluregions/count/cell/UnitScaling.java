package io.github.reluregions.count.cell;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.ThinRegion;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.ArrayList;
import java.util.List;

/**
 * The change of input coordinates {@code x = center + scale * y} that makes a small domain (scale below
 * 1) unit-sized, so that LP tolerances, which are absolute, act at the domain's own scale. Regions map
 * one to one (the map is affine and invertible); distances scale by {@code scale}. For domains of scale 1
 * or more it is the identity.
 */
public record UnitScaling(double[] center, double scale) {

    public static UnitScaling forDomain(InputDomain domain) {
        double scale = Tolerances.inputFactor(domain);
        if (scale == 1) {
            return new UnitScaling(new double[domain.dimension()], 1.0);
        }
        double[] center = new double[domain.dimension()];
        if (domain instanceof Box box) {
            for (int j = 0; j < center.length; j++) {
                center[j] = (box.lower(j) + box.upper(j)) / 2;
            }
        } else if (domain instanceof Ball ball) {
            center = ball.center();
        }
        return new UnitScaling(center, scale);
    }

    public boolean isIdentity() {
        return scale == 1.0 && java.util.Arrays.stream(center).allMatch(v -> v == 0);
    }

    /** The network as a function of {@code y}: the first layer becomes {@code (scale W) y + (W center + b)}. */
    public Network apply(Network network) {
        if (isIdentity()) {
            return network;
        }
        Layer first = network.hiddenLayer(0);
        double[][] w = first.weights();
        double[] b = first.biases();
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                b[i] += w[i][j] * center[j];
                w[i][j] *= scale;
            }
        }
        List<Layer> layers = new ArrayList<>(network.layers());
        layers.set(0, Layer.of(w, b));
        return Network.of(layers);
    }

    /**
     * The query in {@code y} coordinates: its network and domain mapped, its tolerances as they are (they are
     * relative to min(1, domain scale), and the search coordinates give the domain a scale of at least 1).
     */
    public Query apply(Query query) {
        return isIdentity() ? query : new Query(apply(query.network()), apply(query.domain()), query.tolerances());
    }

    /** The domain in {@code y} coordinates. */
    public InputDomain apply(InputDomain domain) {
        if (isIdentity()) {
            return domain;
        }
        if (domain instanceof Box box) {
            double[] lower = new double[center.length];
            double[] upper = new double[center.length];
            for (int j = 0; j < center.length; j++) {
                lower[j] = (box.lower(j) - center[j]) / scale;
                upper[j] = (box.upper(j) - center[j]) / scale;
            }
            return Box.of(lower, upper);
        }
        if (domain instanceof Ball ball) {
            return Ball.of(new double[center.length], ball.radius() / scale, ball.norm());
        }
        return domain;
    }

    public double[] toInput(double[] y) {
        double[] x = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            x[j] = center[j] + scale * y[j];
        }
        return x;
    }

    /** The listener, receiving witnesses and radii in input coordinates. */
    public RegionListener wrap(RegionListener listener) {
        if (isIdentity()) {
            return listener;
        }
        return (index, witness, radius, pattern) -> listener.onRegion(index, toInput(witness), radius * scale, pattern);
    }

    /** The result of a search run in the scaled coordinates, its stats in input coordinates. */
    public CountResult toInput(CountResult result) {
        if (isIdentity()) {
            return result;
        }
        return new CountResult(result.regions(), result.outcome(), result.exploredFraction(),
                toInput(result.stats()));
    }

    /** The stats with thin-region witnesses and radii in input coordinates. */
    public SearchStats toInput(SearchStats stats) {
        List<ThinRegion> thin = new ArrayList<>();
        for (ThinRegion region : stats.thinExamples()) {
            thin.add(new ThinRegion(region.radius() * scale, toInput(region.witness())));
        }
        return new SearchStats(stats.lpsSolved(), stats.nodes(), stats.stableByDomain(), stats.constantNeurons(),
                stats.decidedByWitness(), stats.emptySides(), stats.thinRegions(), thin,
                stats.nearDegenerateDropped(), stats.uncertainCells(), stats.domainCuts(), stats.tolerances(),
                stats.model());
    }
}
