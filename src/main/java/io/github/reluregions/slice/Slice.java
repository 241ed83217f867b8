package io.github.reluregions.slice;

import io.github.reluregions.count.CountResult;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;

import java.util.List;
import java.util.Objects;

/**
 * The regions of a network in a 2-D window of a plane through its input space, each as its exact polygon.
 *
 * @param plane the plane; {@link Plane#inputs2d()} for a 2-input network's own inputs
 * @param domain the 2-D domain counted in, in plane coordinates (a box, or a ball in any norm)
 * @param window the polygons' outer bound: the domain itself for a box or an L1 / L-infinity ball; for an
 *     L2 ball a circumscribed polygon, the exact disc being left to the drawing (see {@link #disc()})
 * @param regions one per region counted, in the order found
 * @param count the engine's result: {@code count.regions() == regions.size()}, and complete only when the
 *     count is exact
 */
public record Slice(Plane plane, InputDomain domain, ConvexPolygon window, List<SliceRegion> regions,
        CountResult count) {

    public Slice {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(window, "window");
        regions = List.copyOf(regions);
        Objects.requireNonNull(count, "count");
    }

    /** The L2 ball the regions are cut to, when the domain is one (drawings clip to it); else null. */
    public Ball disc() {
        return domain instanceof Ball ball && ball.norm() == Norm.L2 ? ball : null;
    }

    /** The sum of the regions' polygon areas over the window's area: 1 for a complete slice of a polygonal domain. */
    public double coveredFraction() {
        double sum = 0;
        for (SliceRegion region : regions) {
            sum += region.polygon().area();
        }
        return sum / window.area();
    }
}
