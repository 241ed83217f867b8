package io.github.reluregions.slice;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.LinearPiece;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Slices a network by a plane: the network restricted to the plane is a ReLU network with 2 inputs, whose
 * regions in the 2-D domain an exact engine counts, each with its pattern and a certified interior point.
 * Each region's polygon is then the window clipped by the half-plane of every neuron's state in its
 * pattern (neurons constant on the region cut nothing), so the picture is exact, not sampled.
 *
 * <p>Cost: the count, plus for every region one pass over the network's weights and one clip per neuron.
 */
public final class Slicer {
    /** Sides of the polygon circumscribed about an L2 ball (the exact disc clips the drawing). */
    static final int DISC_SIDES = 256;

    private final ExactCounter counter;

    public Slicer(ExactCounter counter) {
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /**
     * The regions of {@code network} in {@code domain}, a 2-D box or ball in the plane coordinates of
     * {@code plane}.
     */
    public Slice slice(Network network, Plane plane, InputDomain domain, Tolerances tolerances,
            SearchMonitor monitor) {
        Network restricted = plane.restrict(network);
        domain.requireDimension(2);
        ConvexPolygon window = windowOf(domain);
        List<Found> found = new ArrayList<>();
        CountResult result = counter.count(new Query(restricted, domain, tolerances), monitor, (index, witness, radius, pattern) -> found.add(new Found(pattern.clone(), witness.clone(), radius)));
        List<SliceRegion> regions = new ArrayList<>(found.size());
        for (Found region : found) {
            LinearPiece piece = LinearPiece.of(restricted, region.pattern());
            ConvexPolygon polygon = polygonOf(window, piece, region.pattern(), tolerances.zeroGradient());
            regions.add(new SliceRegion(region.pattern(), region.witness(), region.radius(), polygon, piece));
        }
        return new Slice(plane, domain, window, regions, result);
    }

    private record Found(boolean[] pattern, double[] witness, double radius) {
    }

    /** The outer polygon of a 2-D domain: a box, an L1 or L-infinity ball exactly, an L2 ball circumscribed. */
    static ConvexPolygon windowOf(InputDomain domain) {
        if (domain instanceof Box box) {
            return ConvexPolygon.rectangle(box.lower(0), box.upper(0), box.lower(1), box.upper(1));
        }
        if (domain instanceof Ball ball) {
            double cx = ball.center(0);
            double cy = ball.center(1);
            double r = ball.radius();
            return switch (ball.norm()) {
                case L1 -> ConvexPolygon.diamond(cx, cy, r);
                case LINF -> ConvexPolygon.rectangle(cx - r, cx + r, cy - r, cy + r);
                case L2 -> ConvexPolygon.circumscribed(cx, cy, r, DISC_SIDES);
            };
        }
        throw new InvalidInputException("A slice needs a bounded domain (a box or a ball), not " + domain.describe()
                + ".", "Maybe --box=-2:2.");
    }

    /**
     * The window cut by every neuron's half-plane: {@code w.x + c >= 0} for neurons on, {@code <= 0} for
     * neurons off, skipping neurons whose row is shorter than {@code zeroGradient} times its term scale
     * (constant on the region, as the engines treat them).
     */
    static ConvexPolygon polygonOf(ConvexPolygon window, LinearPiece piece, boolean[] pattern, double zeroGradient) {
        ConvexPolygon polygon = window;
        int global = 0;
        for (Layer layer : piece.preActivations()) {
            for (int i = 0; i < layer.outputSize(); i++, global++) {
                double a = layer.weight(i, 0);
                double b = layer.weight(i, 1);
                double norm = Math.hypot(a, b);
                if (norm <= zeroGradient * piece.termScale(global)) {
                    continue;
                }
                double sign = pattern[global] ? 1 : -1;
                polygon = polygon.clip(sign * a / norm, sign * b / norm, sign * layer.bias(i) / norm);
                if (polygon.isEmpty()) {
                    return polygon;
                }
            }
        }
        return polygon;
    }
}
