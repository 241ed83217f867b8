package io.github.reluregions.plot;

import io.github.reluregions.InvalidInputException;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * A picture drawn by this package, ready to be written as PNG or SVG. It hides the chart library, so that
 * only {@code plot} imports JFreeChart.
 */
public final class Picture {
    private final JFreeChart chart;

    Picture(JFreeChart chart) {
        this.chart = chart;
    }

    /** The chart behind the picture, for this package and its tests. */
    JFreeChart chart() {
        return chart;
    }

    /** Replaces the title, keeping its font. */
    public Picture withTitle(String title) {
        chart.setTitle(title);
        return this;
    }

    /** Adds a line of text under the title. */
    public Picture withSubtitle(String subtitle) {
        chart.addSubtitle(new TextTitle(subtitle));
        return this;
    }

    /** Writes the picture to {@code file} at {@code width} x {@code height} pixels, PNG or SVG by the extension. */
    public void write(Path file, int width, int height) {
        ImageFormat format = ImageFormat.of(file);
        Charts.requireSize(width, height);
        try {
            if (format == ImageFormat.PNG) {
                ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
            } else {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                chart.draw(g2, new Rectangle(0, 0, width, height));
                SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the image " + file + ": " + e.getMessage(),
                    "Maybe the folder does not exist or is not writable.");
        }
    }
}
