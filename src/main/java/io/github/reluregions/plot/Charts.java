package io.github.reluregions.plot;

import io.github.reluregions.InvalidInputException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The project's charts, all drawn with JFreeChart in one style and written as PNG or SVG: histograms,
 * bars of log10 values on a log scale, and lines. Each method returns a {@link Picture}.
 */
public final class Charts {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /** One bar: its category on the axis, its series in the legend, and the log10 of its value. */
    public record Bar(String category, String series, double log10) {
        public Bar {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(series, "series");
        }
    }

    /** One line: its name in the legend and its points. */
    public record Line(String name, double[] xs, double[] ys) {
        public Line {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException(xs.length + " x but " + ys.length + " y values");
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    /**
     * A histogram of {@code values} in {@code bins} equal bins between their least and largest value.
     * Non-finite values must be left out by the caller.
     */
    public static Picture histogram(String title, String xLabel, double[] values, int bins) {
        if (values.length == 0) {
            throw new InvalidInputException("There are no values to draw a histogram of.");
        }
        if (bins < 1) {
            throw new InvalidInputException("A histogram needs at least one bin, not " + bins + ".");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            lo = Math.min(lo, value);
            hi = Math.max(hi, value);
        }
        if (lo == hi) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        HistogramDataset dataset = new HistogramDataset();
        dataset.addSeries(xLabel, values, bins, lo, hi);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("count");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Palette.series(0));
        renderer.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return new Picture(styled(new JFreeChart(title, TITLE_FONT, plot, false),
                values.length + " values, " + bins + " bins"));
    }

    /**
     * Grouped bars of values given by their log10 (so astronomically large counts fit), on an axis labelled
     * in powers of ten. Categories and series appear in the order of {@code bars}.
     */
    public static Picture logScaleBars(String title, String categoryLabel, String valueLabel, List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new InvalidInputException("There are no values to draw bars of.");
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            dataset.addValue(bar.log10(), bar.series(), bar.category());
        }
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        if (dataset.getColumnCount() > 4) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = new NumberAxis(valueLabel);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setNumberFormatOverride(new PowerOfTenFormat());
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, Palette.series(s));
        }
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        return new Picture(styled(new JFreeChart(title, TITLE_FONT, plot, true), null));
    }

    /**
     * Lines with a marker at every point; {@code logY} puts the y axis on a log scale with a tick per power of
     * ten (values must be positive). Where every x is a whole number, so are the x ticks.
     */
    public static Picture lines(String title, String xLabel, String yLabel, List<Line> lines, boolean logY) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name(), false, true);
            for (int i = 0; i < line.xs().length; i++) {
                if (logY && !(line.ys()[i] > 0)) {
                    throw new InvalidInputException("The line '" + line.name() + "' has the value " + line.ys()[i]
                            + ", which a log scale cannot show.", "Maybe leave out the log scale.");
                }
                series.add(line.xs()[i], line.ys()[i]);
            }
            dataset.addSeries(series);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        if (lines.stream().allMatch(line -> java.util.Arrays.stream(line.xs()).allMatch(v -> v == Math.rint(v)))) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (lines.stream().allMatch(line -> java.util.Arrays.stream(line.xs()).allMatch(v -> v == Math.rint(v)))) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setBase(10);
            log.setNumberFormatOverride(new PowerOfTenFormat.OfValue());
            log.setTickUnit(new NumberTickUnit(1), false, true); // one tick per power of 10
            y = log;
        } else {
            y = new NumberAxis(yLabel);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < lines.size(); s++) {
            renderer.setSeriesPaint(s, Palette.series(s));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        return new Picture(styled(new JFreeChart(title, TITLE_FONT, plot, lines.size() > 1), null));
    }

    /** The project's look: white background, light grid lines, an optional subtitle. */
    static JFreeChart styled(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(new Color(0xdddddd));
        }
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        }
        return chart;
    }

    /** The area {@code chart}'s plot would take when drawn at {@code width} x {@code height}. */
    static Rectangle2D dataArea(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle(0, 0, width, height), info);
            return info.getPlotInfo().getDataArea();
        } finally {
            g2.dispose();
        }
    }

    static void requireSize(int width, int height) {
        if (width < 50 || height < 50 || width > 20000 || height > 20000) {
            throw new InvalidInputException("The image size " + width + "x" + height
                    + " is out of range; each side must be 50 to 20000 pixels.", "Maybe --width=800.");
        }
    }

    /** Tick labels for an axis of log10 values: 3 is shown as 10³. */
    static class PowerOfTenFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double log10, StringBuffer out, FieldPosition position) {
            if (log10 != Math.rint(log10) || Math.abs(log10) > 1e6) {
                return out.append("10^").append(log10);
            }
            long k = (long) log10;
            out.append("10");
            if (k < 0) {
                out.append('⁻');
            }
            for (char digit : Long.toString(Math.abs(k)).toCharArray()) {
                out.append(SUPERSCRIPTS.charAt(digit - '0'));
            }
            return out;
        }

        @Override
        public StringBuffer format(long log10, StringBuffer out, FieldPosition position) {
            return format((double) log10, out, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }

        /** The same labels on an axis of the values themselves (a log axis). */
        static final class OfValue extends PowerOfTenFormat {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double value, StringBuffer out, FieldPosition position) {
                double log10 = Math.log10(value);
                double rounded = Math.rint(log10);
                return Math.abs(log10 - rounded) < 1e-9 ? super.format(rounded, out, position)
                        : out.append(String.format(java.util.Locale.ROOT, "%.3g", value));
            }
        }
    }
}
