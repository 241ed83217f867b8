package io.github.reluregions.cli;

import io.github.reluregions.plot.ImageFormat;
import io.github.reluregions.plot.Picture;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The image file and size options, shared by the plot commands. */
final class ImageOutput {
    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Write the picture to FILE: PNG or SVG by its extension (.png, .svg).")
    Path out;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "800",
            description = "The image's width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS",
            description = "The image's height in pixels (default: see the command's description).")
    Integer height;

    /** Checks the file name's extension before any work is done. */
    void check() {
        ImageFormat.of(out);
    }

    /** Writes {@code picture} at the width and the given height, or {@code defaultHeight} when none was given. */
    void write(Picture picture, int defaultHeight) {
        picture.write(out, width, height != null ? height : defaultHeight);
    }
}
