package io.github.reluregions.io;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.io.onnx.OnnxNetworkReader;
import io.github.reluregions.model.Network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the reader for a network file by its format (given, or from the file's extension). */
public final class NetworkReaders {

    /** The network file formats this tool reads. */
    public enum Format {
        /** The project's own JSON format ({@code .json}). */
        JSON(".json"),
        /** An ONNX model of a feed-forward ReLU network ({@code .onnx}). */
        ONNX(".onnx"),
        /** The NNet text format of the ACAS Xu networks ({@code .nnet}). */
        NNET(".nnet");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format fromExtension(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (name.endsWith(format.extension)) {
                    return format;
                }
            }
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "(none)" : name.substring(dot);
            String hint = extension.equals(".vnnlib")
                    ? "Maybe this is the property: pass it with --vnnlib and give the network file first."
                    : "Maybe give --format explicitly (json, onnx or nnet).";
            throw new InvalidInputException("Cannot tell the network format of " + file + " from its extension "
                    + extension + "; supported: .json, .onnx, .nnet.", hint);
        }
    }

    private NetworkReaders() {
    }

    /** Reads a network; {@code format} may be null to choose by extension. */
    public static Network read(Path file, Format format) {
        return load(file, format).network();
    }

    /** Reads a network and the input range its file clips to; {@code format} may be null to choose by extension. */
    public static LoadedNetwork load(Path file, Format format) {
        if (!Files.exists(file)) {
            throw new InvalidInputException("The network file " + file + " does not exist.");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new InvalidInputException("The network file " + file + " cannot be read.");
        }
        Format chosen = format != null ? format : Format.fromExtension(file);
        return switch (chosen) {
            case JSON -> LoadedNetwork.of(JsonNetworkReader.read(file));
            case ONNX -> LoadedNetwork.of(OnnxNetworkReader.read(file));
            case NNET -> NNetReader.read(file);
        };
    }
}
