package io.github.reluregions.plot;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.slice.ConvexPolygon;
import io.github.reluregions.slice.Slice;
import io.github.reluregions.slice.SliceRegion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Draws a slice on an XY plot, in data coordinates: every region's polygon filled in its colour with a
 * thin boundary, clipped to the exact disc for an L2 ball, then the zero set of an output and the points
 * on top.
 */
final class RegionsAnnotation extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke BOUNDARY = new BasicStroke(0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke ZERO_SET = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke OUTLINE = new BasicStroke(1.2f);
    private static final double MARKER_RADIUS = 3.5;

    private final transient Slice slice;
    private final int[] colours;
    private final int outputZero;
    private final transient List<SlicePicture.Marker> markers;

    RegionsAnnotation(Slice slice, int[] colours, int outputZero, List<SlicePicture.Marker> markers) {
        this.slice = slice;
        this.colours = colours.clone();
        this.outputZero = outputZero;
        this.markers = List.copyOf(markers);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        Mapping map = new Mapping(dataArea, domainAxis, rangeAxis, plot.getDomainAxisEdge(), plot.getRangeAxisEdge());
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Shape oldClip = g2.getClip();
        Ball disc = slice.disc();
        Shape discShape = disc == null ? null : map.ellipse(disc.center(0), disc.center(1), disc.radius());
        if (discShape != null) {
            g2.clip(discShape);
        }
        List<SliceRegion> regions = slice.regions();
        Path2D[] paths = new Path2D[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            paths[r] = map.path(regions.get(r).polygon());
            g2.setPaint(Palette.region(colours[r]));
            g2.fill(paths[r]);
        }
        g2.setStroke(BOUNDARY);
        g2.setPaint(Palette.BOUNDARY);
        for (Path2D path : paths) {
            g2.draw(path);
        }
        if (outputZero >= 0) {
            g2.setStroke(ZERO_SET);
            g2.setPaint(Palette.ZERO_SET);
            for (SliceRegion region : regions) {
                double[] segment = region.outputZeroSegment(outputZero);
                if (segment != null) {
                    g2.draw(new Line2D.Double(map.x(segment[0]), map.y(segment[1]), map.x(segment[2]),
                            map.y(segment[3])));
                }
            }
        }
        g2.setClip(oldClip);
        if (discShape != null) {
            g2.setStroke(OUTLINE);
            g2.setPaint(Palette.BOUNDARY);
            g2.draw(discShape);
        } else {
            g2.setStroke(OUTLINE);
            g2.setPaint(Palette.BOUNDARY);
            g2.draw(map.path(slice.window()));
        }
        g2.clip(dataArea);
        g2.setStroke(new BasicStroke(1f));
        for (SlicePicture.Marker marker : markers) {
            double x = map.x(marker.a());
            double y = map.y(marker.b());
            Ellipse2D dot = new Ellipse2D.Double(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS,
                    2 * MARKER_RADIUS);
            g2.setPaint(marker.group() < 0 ? Color.WHITE : Palette.series(marker.group()));
            g2.fill(dot);
            g2.setPaint(Color.BLACK);
            g2.draw(dot);
        }
        g2.setClip(oldClip);
    }

    /** Plane coordinates to Java2D coordinates for one drawing. */
    private record Mapping(Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, RectangleEdge xEdge,
            RectangleEdge yEdge) {
        double x(double a) {
            return xAxis.valueToJava2D(a, area, xEdge);
        }

        double y(double b) {
            return yAxis.valueToJava2D(b, area, yEdge);
        }

        Path2D path(ConvexPolygon polygon) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < polygon.size(); i++) {
                if (i == 0) {
                    path.moveTo(x(polygon.x(i)), y(polygon.y(i)));
                } else {
                    path.lineTo(x(polygon.x(i)), y(polygon.y(i)));
                }
            }
            path.closePath();
            return path;
        }

        Ellipse2D ellipse(double ca, double cb, double r) {
            double x0 = x(ca - r);
            double x1 = x(ca + r);
            double y0 = y(cb - r);
            double y1 = y(cb + r);
            return new Ellipse2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        }
    }
}
