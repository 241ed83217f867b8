package io.github.reluregions.plot;

import io.github.reluregions.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/** The image formats plots are written in, chosen by the output file's extension. */
public enum ImageFormat {
    PNG, SVG;

    /** The format of {@code file} by its extension ({@code .png} or {@code .svg}). */
    public static ImageFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = file.toString();
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        throw new InvalidInputException("Cannot tell the image format of " + file + "; it must end in .png or .svg.",
                "Maybe --out=" + (name.contains(".") ? path.substring(0, path.lastIndexOf('.')) : path) + ".png.");
    }
}
