package io.github.reluregions.cli;

import io.github.reluregions.io.LoadedNetwork;
import io.github.reluregions.io.NetworkReaders;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The network file argument, shared by every command that reads a network. */
final class NetworkInput {
    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "The network file: the project's JSON format (.json), an ONNX model (.onnx) or an NNet "
                    + "file (.nnet).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The network file's format (${COMPLETION-CANDIDATES}); by default chosen from the extension.")
    NetworkReaders.Format format;

    /** The network and the input range its file clips to (NNet). */
    LoadedNetwork read() {
        return NetworkReaders.load(file, format);
    }
}
