package io.github.reluregions.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Box;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.slice.Plane;
import io.github.reluregions.slice.Slice;
import io.github.reluregions.slice.Slicer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @TempDir
    Path tmp;

    @Test
    void histogramCountsEveryValueOnce() throws Exception {
        double[] values = new Random(3).doubles(500).toArray();
        Picture chart = Charts.histogram("h", "x", values, 20);
        XYPlot plot = chart.chart().getXYPlot();
        double total = 0;
        for (int i = 0; i < plot.getDataset().getItemCount(0); i++) {
            total += plot.getDataset().getYValue(0, i);
        }
        assertEquals(500, total, 1e-9);
        Path png = tmp.resolve("h.png");
        chart.write(png, 640, 480);
        Images.assertPng(png, 640, 480);
        Path svg = tmp.resolve("h.svg");
        chart.write(svg, 321, 123);
        Images.assertSvg(svg, 321, 123);
    }

    @Test
    void logScaleBarsGroupByCategoryAndLabelPowersOfTen() throws Exception {
        List<Charts.Bar> bars = List.of(new Charts.Bar("net A", "trivial", 4.8), new Charts.Bar("net A", "count", 2.0),
                new Charts.Bar("net B", "trivial", 19.3), new Charts.Bar("net B", "count", 3.1));
        Picture chart = Charts.logScaleBars("t", "network", "regions", bars);
        CategoryPlot plot = chart.chart().getCategoryPlot();
        assertEquals(List.of("trivial", "count"), plot.getDataset().getRowKeys());
        assertEquals(List.of("net A", "net B"), plot.getDataset().getColumnKeys());
        assertEquals(19.3, plot.getDataset().getValue("trivial", "net B").doubleValue());
        assertEquals("10¹²", new Charts.PowerOfTenFormat().format(12.0));
        assertEquals("10⁻³", new Charts.PowerOfTenFormat().format(-3.0));
        Path png = tmp.resolve("bars.png");
        chart.write(png, 500, 400);
        Images.assertPng(png, 500, 400);
    }

    @Test
    void linesOnALogScaleRefuseNonPositiveValues() throws Exception {
        Charts.Line line = new Charts.Line("regions", new double[] {1, 2, 3}, new double[] {10, 100, 1000});
        Path svg = tmp.resolve("lines.svg");
        Charts.lines("l", "depth", "regions", List.of(line), true).write(svg, 400, 300);
        Images.assertSvg(svg, 400, 300);
        Charts.Line zero = new Charts.Line("z", new double[] {1}, new double[] {0});
        assertThrows(InvalidInputException.class, () -> Charts.lines("l", "x", "y", List.of(zero), true));
    }

    @Test
    void unknownExtensionsAndSizesAreInputErrors() {
        Picture chart = Charts.histogram("h", "x", new double[] {1, 2}, 2);
        assertThrows(InvalidInputException.class, () -> chart.write(tmp.resolve("h.jpg"), 100, 100));
        assertThrows(InvalidInputException.class, () -> chart.write(tmp.resolve("h.png"), 10, 100));
        assertThrows(InvalidInputException.class, () -> chart.write(tmp.resolve("no/such/dir/h.png"), 100, 100));
    }

    @Test
    void slicePictureFillsTheDataAreaWithRegionColoursAtEqualScale() throws Exception {
        Slice slice = new Slicer(new LpEngine()).slice(JsonNetworkReader.read(Path.of("testdata", "example_2x8x8.json")),
                Plane.inputs2d(), Box.cube(2, -2, 2), Tolerances.defaults(), SearchMonitor.unlimited());
        SlicePicture picture = new SlicePicture(slice, "97 regions", null, "x1", "x2", 0, List.of());
        Picture chart = picture.picture();
        int height = picture.equalScaleHeight(chart, 600);
        var area = Charts.dataArea(chart.chart(), 600, height);
        assertEquals(area.getWidth(), area.getHeight(), 2.0, "a square window is drawn square");
        Path png = tmp.resolve("slice.png");
        chart.write(png, 600, height);
        BufferedImage image = Images.assertPng(png, 600, height);
        int white = 0;
        int samples = 0;
        for (int x = (int) area.getMinX() + 3; x < area.getMaxX() - 3; x += 7) {
            for (int y = (int) area.getMinY() + 3; y < area.getMaxY() - 3; y += 7) {
                samples++;
                white += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 1 : 0;
            }
        }
        assertTrue(white < samples / 100, white + " of " + samples + " samples inside the plot are white");
    }
}
