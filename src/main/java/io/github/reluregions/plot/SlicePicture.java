package io.github.reluregions.plot;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.slice.ConvexPolygon;
import io.github.reluregions.slice.Plane;
import io.github.reluregions.slice.RegionGraph;
import io.github.reluregions.slice.Slice;
import io.github.reluregions.slice.SliceRegion;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;

/**
 * The picture of a slice: every region as its exact polygon, neighbours in different colours, thin
 * boundaries, axes in plane coordinates and the region count in the title; optionally the zero set of an
 * output (a black line) and points.
 *
 * @param slice the slice to draw
 * @param title the chart's title
 * @param subtitle a second line under the title, or null
 * @param xLabel the horizontal axis's label (plane coordinate a)
 * @param yLabel the vertical axis's label (plane coordinate b)
 * @param outputZero the output whose zero set is drawn, or -1 for none
 * @param markers points to draw, in plane coordinates
 */
public record SlicePicture(Slice slice, String title, String subtitle, String xLabel, String yLabel, int outputZero,
        List<Marker> markers) {

    /** A point to draw at plane coordinates {@code (a, b)}; {@code group} picks its colour, -1 for white. */
    public record Marker(double a, double b, int group) {
    }

    public SlicePicture {
        Objects.requireNonNull(slice, "slice");
        markers = List.copyOf(markers);
        if (outputZero >= 0 && !slice.regions().isEmpty()) {
            requireOutput(outputZero, slice.regions().get(0).piece().output().outputSize());
        }
    }

    /** Checks that output {@code k} (numbered from 0) is one of a network's {@code outputs}. */
    public static void requireOutput(int k, int outputs) {
        if (k < 0 || k >= outputs) {
            throw new InvalidInputException("--output-zero=" + k + " but the network has " + outputs
                    + " output(s), numbered from 0.", "Maybe --output-zero=0.");
        }
    }

    /** The picture. Costs the neighbour graph of the polygons, then the drawing. */
    public Picture picture() {
        List<ConvexPolygon> polygons = new ArrayList<>();
        for (SliceRegion region : slice.regions()) {
            polygons.add(region.polygon());
        }
        double[] bounds = slice.window().bounds();
        double size = Math.max(bounds[1] - bounds[0], bounds[3] - bounds[2]);
        int[] colours = RegionGraph.of(polygons, 1e-9 * size).colouring(Palette.regionColours());

        NumberAxis x = axis(xLabel, bounds[0], bounds[1]);
        NumberAxis y = axis(yLabel, bounds[2], bounds[3]);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.addAnnotation(new RegionsAnnotation(slice, colours, outputZero, markers));
        return new Picture(Charts.styled(new JFreeChart(title, Charts.TITLE_FONT, plot, false), subtitle));
    }

    /** An axis over {@code [lo, hi]} with about ten ticks at steps of 1, 2 or 5 times a power of ten. */
    private static NumberAxis axis(String label, double lo, double hi) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(lo, hi);
        double raw = (hi - lo) / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
        axis.setTickUnit(new NumberTickUnit(step));
        return axis;
    }

    /**
     * The points of {@code table} as markers: its first {@code d} columns (d = the plane's dimension) are
     * input points, projected orthogonally onto the plane; a column after them holding integers gives each
     * point's group (its colour), else all are white.
     */
    public static List<Marker> markers(Table table, Plane plane) {
        int d = plane.dimension();
        if (table.columns().size() < d) {
            throw new InvalidInputException("The points file " + table.file() + " has " + table.columns().size()
                    + " column(s) but points of the network's input space need " + d + ".");
        }
        int[] groups = groups(table, d);
        List<Marker> markers = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = table.number(r, table.columns().get(j), row.get(j));
            }
            double[] ab = plane.project(x);
            markers.add(new Marker(ab[0], ab[1], groups == null ? -1 : groups[r]));
        }
        return markers;
    }

    /** Column {@code d} as small non-negative integers, or null when there is none or it holds anything else. */
    private static int[] groups(Table table, int d) {
        if (table.columns().size() <= d) {
            return null;
        }
        int[] groups = new int[table.rows().size()];
        for (int r = 0; r < groups.length; r++) {
            String cell = table.rows().get(r).get(d);
            try {
                double label = Double.parseDouble(cell);
                if (label != Math.rint(label) || label < 0 || label >= 1000) {
                    return null;
                }
                groups[r] = (int) label;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return groups;
    }

    /**
     * The image height at which, for {@code width} pixels, one unit of a and of b take the same length
     * (so a square window looks square): measured by laying {@code picture} out once.
     */
    public int equalScaleHeight(Picture picture, int width) {
        double[] bounds = slice.window().bounds();
        double aspect = (bounds[3] - bounds[2]) / (bounds[1] - bounds[0]);
        Rectangle2D area = Charts.dataArea(picture.chart(), width, width);
        double height = width - area.getHeight() + area.getWidth() * aspect;
        return (int) Math.max(50, Math.min(20000, Math.round(height)));
    }
}
