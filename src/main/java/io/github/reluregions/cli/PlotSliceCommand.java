package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.CountResult;
import io.github.reluregions.count.SearchMonitor;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.plot.Picture;
import io.github.reluregions.plot.SlicePicture;
import io.github.reluregions.plot.Table;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.slice.Plane;
import io.github.reluregions.slice.Slice;
import io.github.reluregions.slice.Slicer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plot slice}: every region of a 2-D slice drawn as its exact polygon. */
@Command(name = "slice", mixinStandardHelpOptions = true,
        header = "Draws every region of a 2-D slice of the partition as its exact polygon.",
        description = {
            "For a network with 2 inputs, give a domain as for 'count exact' (--box, or a ball with --center, "
                    + "--radius, --norm). For any number of inputs, give a plane x = origin + a*u + b*v with "
                    + "--origin, --u, --v and the window in plane coordinates (a, b) with --window.",
            "The regions are those of 'count exact' on the same 2-D domain (the LP engine, each with a certified "
                    + "interior point); each is drawn as the window clipped by its neurons' half-planes, not by "
                    + "sampling pixels. An L2 ball is drawn as a disc: polygons are clipped to a circumscribed "
                    + "256-gon and the drawing to the exact circle.",
            "The height defaults to the one that gives a and b the same scale."})
final class PlotSliceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkInput network;

    @Mixin
    DomainOptions domainOptions;

    @Option(names = "--origin", paramLabel = "X1,...,Xd", description = "The plane's origin, a point of input space.")
    String origin;

    @Option(names = "--u", paramLabel = "U1,...,Ud", description = "The plane's first direction (the a axis).")
    String u;

    @Option(names = "--v", paramLabel = "V1,...,Vd", description = "The plane's second direction (the b axis).")
    String v;

    @Option(names = "--window", paramLabel = "A0:A1,B0:B1",
            description = "The part of the plane to draw, in plane coordinates: a from A0 to A1, b from B0 to B1 "
                    + "(one pair for both). Write it with '='.")
    String window;

    @Option(names = "--output-zero", paramLabel = "K",
            description = "Draw the zero set of output K (numbered from 0) as a black line: in each region the output "
                    + "is affine, so it is a segment there.")
    Integer outputZero;

    @Option(names = "--points", paramLabel = "FILE",
            description = "Draw the points of a CSV file: its first d columns are input points (d = the network's "
                    + "inputs), projected orthogonally onto the plane; a further integer column is a class that "
                    + "colours them. A header row is optional.")
    Path points;

    @Option(names = "--tolerance", paramLabel = "RADIUS", defaultValue = "1e-7",
            description = "A pattern counts as a region when its largest inscribed disc in plane coordinates has a "
                    + "radius above this (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop counting this many seconds after the command started and draw the regions found so far (exit 4).")
    double timeLimit;

    @Mixin
    ImageOutput image;

    @Override
    public Integer call() {
        image.check();
        Network net = network.read().network();
        List<String> notes = new ArrayList<>();
        if (outputZero != null) {
            SlicePicture.requireOutput(outputZero, net.outputDimension());
        }
        Plane plane;
        InputDomain domain;
        boolean planeGiven = origin != null || u != null || v != null || window != null;
        if (planeGiven) {
            if (domainOptions.given()) {
                throw new InvalidInputException("Both a domain (--box or a ball) and a plane (--origin, --u, --v, "
                        + "--window) were given; choose one.",
                        "Maybe --window for the part of the plane to draw, in plane coordinates.");
            }
            if (origin == null || u == null || v == null || window == null) {
                throw new InvalidInputException("A plane needs all of --origin, --u, --v and --window.",
                        "Maybe " + planeExample(net.inputDimension()) + ".");
            }
            plane = Plane.of(DomainOptions.parseNumbers(origin, "--origin"), DomainOptions.parseNumbers(u, "--u"),
                    DomainOptions.parseNumbers(v, "--v"));
            domain = DomainOptions.parseBox(window, 2);
        } else {
            if (net.inputDimension() < 2) {
                throw new InvalidInputException("The network has " + net.inputDimension() + " input; a slice needs "
                        + "at least 2.", "Maybe 'count exact' for its regions (intervals).");
            }
            if (net.inputDimension() != 2) {
                throw new InvalidInputException("The network has " + net.inputDimension() + " inputs; a slice of it "
                        + "needs a plane.", "Maybe " + planeExample(net.inputDimension()) + ".");
            }
            plane = Plane.inputs2d();
            domain = domainOptions.resolve(2, notes);
            for (String note : notes) {
                spec.commandLine().getErr().println("note: " + note);
            }
            if (domain instanceof WholeSpace) {
                throw new InvalidInputException("A slice needs a bounded domain to draw.", "Maybe --box=-2:2.");
            }
        }
        List<SlicePicture.Marker> markers = points == null ? List.of()
                : SlicePicture.markers(Table.read(points, true), plane);

        Tolerances tolerances = Tolerances.defaults().withInteriorRadius(tolerance);
        Slice slice = new Slicer(new LpEngine()).slice(net, plane, domain, tolerances,
                SearchMonitor.withTimeLimit(timeLimit, Main.commandStart()));
        CountResult count = slice.count();
        String regions = count.regions() + (count.regions() == 1 ? " region" : " regions")
                + (count.complete() ? " (exact)" : " found (incomplete: a lower bound)");
        String where = plane.isInputs2d() ? domain.describe()
                : plane + "; window " + domain.describe().replaceFirst("^box ", "");
        String subtitle = network.file.getFileName() + " in " + where
                + (outputZero == null ? "" : "; black: output " + outputZero + " = 0");
        String xLabel = plane.isInputs2d() ? "x1" : "a (along u)";
        String yLabel = plane.isInputs2d() ? "x2" : "b (along v)";
        SlicePicture picture = new SlicePicture(slice, regions, subtitle, xLabel, yLabel,
                outputZero == null ? -1 : outputZero, markers);
        Picture drawn = picture.picture();
        int height = image.height != null ? image.height : picture.equalScaleHeight(drawn, image.width);
        image.write(drawn, height);

        PrintWriter out = spec.commandLine().getOut();
        out.print(image.out + ": " + regions + " in " + where);
        if (slice.disc() == null && count.complete()) {
            out.printf(Locale.ROOT, "; polygon areas sum to the window's area within %.1e (relative)",
                    Math.abs(slice.coveredFraction() - 1));
        }
        out.println();
        out.flush();
        return count.outcome().exitCode().code();
    }

    private static String planeExample(int d) {
        String zeros = "0,".repeat(d - 1) + "0";
        String e1 = "1" + ",0".repeat(d - 1);
        String e2 = "0,1" + ",0".repeat(Math.max(0, d - 2));
        return "--origin=" + zeros + " --u=" + e1 + " --v=" + e2 + " --window=-1:1,-1:1";
    }
}
