package io.github.reluregions.cli;

import static io.github.reluregions.cli.CountExactCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.ExitCode;
import io.github.reluregions.cli.CountExactCommandTest.Run;
import io.github.reluregions.plot.Images;
import io.github.reluregions.plot.TightnessTest;
import io.github.reluregions.testing.Nets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    static final String EXAMPLE = CountExactCommandTest.EXAMPLE;

    @TempDir
    Path tmp;

    @Test
    void aSliceOfA2dNetDrawsTheRegionsCountExactCounts() throws Exception {
        String[][] domains = {{"--box=-2:2"}, {"--center=0.3,-0.2", "--radius=1.2", "--norm=l1"},
            {"--center=0,0", "--radius=1"}};
        for (String[] domain : domains) {
            String[] count = concat(new String[] {"count", "exact", EXAMPLE, "--json"}, domain);
            long expected = run(count).json().get("regions").asLong();
            Path png = tmp.resolve("slice.png");
            Run plot = run(concat(new String[] {"plot", "slice", EXAMPLE, "--out=" + png, "--width=500", "--height=400"},
                    domain));
            assertEquals(ExitCode.OK.code(), plot.exitCode(), plot.err());
            assertTrue(plot.out().contains(": " + expected + " regions (exact) in "), plot.out());
            Images.assertPng(png, 500, 400);
        }
    }

    @Test
    void aPlaneThroughAHigherDimensionalNetGivesAnSvgOfTheRequestedSize() throws Exception {
        Path net = Nets.writeJson(Nets.randomNet(new int[] {4, 8, 8}, 5), tmp.resolve("net4.json"));
        Path svg = tmp.resolve("plane.svg");
        Run run = run("plot", "slice", net.toString(), "--origin=0.1,0,0,-0.2", "--u=1,0,0,0", "--v=0,0.5,0.5,0",
                "--window=-2:2,-1:3", "--output-zero=0", "--out=" + svg, "--width=300", "--height=200");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("regions (exact) in plane origin 0.1,0,0,-0.2, u 1,0,0,0, v 0,0.5,0.5,0; "
                + "window = linf ball of radius 2.0 around [0.0, 1.0]; polygon areas sum to the window's area within"), run.out());
        Images.assertSvg(svg, 300, 200);
    }

    @Test
    void withoutAHeightTheWindowIsDrawnAtEqualScale() throws Exception {
        Path png = tmp.resolve("wide.png");
        Run run = run("plot", "slice", EXAMPLE, "--box=-2:2,-1:1", "--out=" + png, "--width=600");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        int height = javax.imageio.ImageIO.read(png.toFile()).getHeight();
        assertTrue(height > 300 && height < 450, "a 2:1 window in 600 pixels, with title and axes: height " + height);
    }

    @Test
    void pointsAreReadWithOrWithoutAHeader() throws Exception {
        Path headed = Files.writeString(tmp.resolve("p.csv"), "x1,x2,class\n0.5,0.5,0\n-1,1.5,1\n");
        Path bare = Files.writeString(tmp.resolve("q.csv"), "0.5,0.5\n-1,1.5\n");
        for (Path points : new Path[] {headed, bare}) {
            Run run = run("plot", "slice", EXAMPLE, "--box=-2:2", "--points=" + points, "--out=" + tmp.resolve("p.png"));
            assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        }
    }

    @Test
    void histogramOfTheWitnessRadiiHasOneValuePerRegion() throws Exception {
        Path witnesses = tmp.resolve("w.jsonl");
        assertEquals(ExitCode.OK.code(), run("count", "exact", EXAMPLE, "--box=-2:2", "--witnesses=" + witnesses).exitCode());
        Path png = tmp.resolve("radii.png");
        Run run = run("plot", "histogram", "--in=" + witnesses, "--column=radius", "--log10", "--bins=12",
                "--out=" + png, "--width=400");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("histogram of 97 values of log10(radius) in 12 bins"), run.out());
        Images.assertPng(png, 400, 300);
    }

    @Test
    void tightnessBarsAndRatiosFromACsv() throws Exception {
        Path csv = Files.writeString(tmp.resolve("tightness.csv"), TightnessTest.CSV);
        Path bars = tmp.resolve("bars.svg");
        Run plain = run("plot", "tightness", "--in=" + csv, "--out=" + bars, "--width=640", "--height=480");
        assertEquals(ExitCode.OK.code(), plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("bounds and counts from 5 rows"), plain.out());
        Images.assertSvg(bars, 640, 480);
        Path ratios = tmp.resolve("ratios.png");
        Run ratio = run("plot", "tightness", "--in=" + csv, "--ratio", "--out=" + ratios);
        assertEquals(ExitCode.OK.code(), ratio.exitCode(), ratio.err());
        assertTrue(ratio.out().contains("bound / count ratios from 5 rows"), ratio.out());
        Images.assertPng(ratios, 800, 600);
    }

    @Test
    void badPlotInputsGetOneLineAndExitCode3() throws Exception {
        Path net3 = Nets.writeJson(Nets.randomNet(new int[] {3, 4}, 1), tmp.resolve("net3.json"));
        Path png = tmp.resolve("x.png");
        String out = "--out=" + png;
        String[][] cases = {
            {"plot", "slice", EXAMPLE, "--box=-2:2", "--out=" + tmp.resolve("x.jpg")},
            {"plot", "slice", EXAMPLE, out},
            {"plot", "slice", net3.toString(), "--box=-1:1", out},
            {"plot", "slice", net3.toString(), "--origin=0,0,0", "--u=1,0,0", "--v=0,1,0", out},
            {"plot", "slice", net3.toString(), "--origin=0,0,0", "--u=1,0,0", "--v=2,0,0", "--window=-1:1", out},
            {"plot", "slice", EXAMPLE, "--box=-1:1", "--origin=0,0", "--u=1,0", "--v=0,1", "--window=-1:1", out},
            {"plot", "slice", EXAMPLE, "--box=-2:2", "--output-zero=1", out},
            {"plot", "slice", EXAMPLE, "--box=-2:2", "--points=" + tmp.resolve("none.csv"), out},
            {"plot", "slice", EXAMPLE, "--box=-2:2", "--width=10", out},
            {"plot", "histogram", "--in=" + tmp.resolve("none.csv"), "--column=a", out},
        };
        for (String[] args : cases) {
            Run run = run(args);
            assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), String.join(" ", args) + "\n" + run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
        assertFalse(Files.exists(png), "no picture is written for bad input");
        assertEquals(ExitCode.USAGE.code(), run("plot", "slice", EXAMPLE, "--box=-2:2").exitCode(), "--out is required");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
