package io.github.reluregions.io;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Box;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NNet format of the ACAS Xu networks (Julian et al.; the reference reader and writer are
 * {@code readNNet.py}, {@code writeNNet.py} and {@code nnet.py} of github.com/sisl/NNet).
 *
 * <p>The file: comment lines starting with {@code //}; then one comma-separated line each for
 * {@code numLayers, inputSize, outputSize, maxLayerSize}; the layer sizes (input first, numLayers + 1
 * values); a flag (unused); the inputs' minimums; their maximums; the means (one per input, then one for
 * the outputs); the ranges (likewise); then, layer by layer, one line per neuron with its weights and one
 * line per neuron with its bias. ReLU follows every layer but the last.
 *
 * <p>The reference {@code evaluate_network} clips each input to {@code [min, max]}, normalises it to
 * {@code (x - mean) / range}, runs the network and de-normalises every output as
 * {@code y * range_out + mean_out}. The network read here takes raw inputs: the input normalisation is
 * folded into the first layer ({@code W / range}, {@code b - W mean / range}) and the output
 * de-normalisation into the last ({@code W range_out}, {@code b range_out + mean_out}), so its outputs are
 * the reference's for every input inside {@code [min, max]}. The clipping is returned as the input range
 * ({@link LoadedNetwork#inputRange()}): it moves inputs outside the range onto its boundary and so creates
 * no activation regions of its own.
 */
public final class NNetReader {
    private final String source;
    private final List<String> lines;
    private final List<Integer> lineNumbers = new ArrayList<>();
    private int next;

    private NNetReader(String source, List<String> allLines) {
        this.source = source;
        this.lines = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < allLines.size(); i++) {
            String line = allLines.get(i).trim();
            if (header && line.startsWith("//")) {
                continue;
            }
            header = false;
            if (!line.isEmpty()) {
                lines.add(line);
                lineNumbers.add(i + 1);
            }
        }
    }

    /** Reads the NNet file {@code file}. */
    public static LoadedNetwork read(Path file) {
        List<String> lines;
        try {
            // decoded leniently: a binary file passed as NNet then fails on its first line, not here
            lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R", -1));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the network file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    /** Reads an NNet file from its lines; {@code source} names it in messages. */
    public static LoadedNetwork parse(List<String> lines, String source) {
        return new NNetReader(source, lines).parse();
    }

    private LoadedNetwork parse() {
        double[] counts = numbers("the header line (numLayers, inputSize, outputSize, maxLayerSize)", 4);
        int layerCount = count(counts[0], "numLayers");
        int inputs = count(counts[1], "inputSize");
        int outputs = count(counts[2], "outputSize");
        double[] sizeValues = numbers("the layer sizes", layerCount + 1);
        int[] sizes = new int[layerCount + 1];
        for (int l = 0; l <= layerCount; l++) {
            sizes[l] = count(sizeValues[l], "layer size " + l);
        }
        if (sizes[0] != inputs || sizes[layerCount] != outputs) {
            throw error(lineNumbers.get(next - 1), "The layer sizes start with " + sizes[0] + " and end with "
                    + sizes[layerCount] + " but the header says " + inputs + " inputs and " + outputs + " outputs.");
        }
        numbers("the (unused) symmetric flag", 1);
        double[] minimums = numbers("the input minimums", inputs);
        double[] maximums = numbers("the input maximums", inputs);
        double[] means = numbers("the means (one per input, then the outputs')", inputs + 1);
        double[] ranges = numbers("the ranges (one per input, then the outputs')", inputs + 1);
        for (int j = 0; j <= inputs; j++) {
            if (ranges[j] == 0) {
                throw error(lineNumbers.get(next - 1), "Range " + j + " is 0; the normalisation divides by it.");
            }
        }

        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            double[][] weights = new double[sizes[l + 1]][];
            for (int i = 0; i < sizes[l + 1]; i++) {
                weights[i] = numbers("weight row " + i + " of layer " + (l + 1), sizes[l]);
            }
            double[] biases = new double[sizes[l + 1]];
            for (int i = 0; i < sizes[l + 1]; i++) {
                biases[i] = numbers("bias " + i + " of layer " + (l + 1), 1)[0];
            }
            if (l == 0) {
                normaliseInputs(weights, biases, means, ranges);
            }
            if (l == layerCount - 1) {
                denormaliseOutputs(weights, biases, means[inputs], ranges[inputs]);
            }
            layers.add(Layer.of(weights, biases));
        }
        if (next < lines.size()) {
            throw error(lineNumbers.get(next), "There are " + (lines.size() - next)
                    + " more lines after the last bias than the layer sizes call for.");
        }
        Network network;
        Box range;
        try {
            network = Network.of(layers);
            range = Box.of(minimums, maximums);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("In " + source + ": " + e.getMessage(), e.hint(), e);
        }
        return new LoadedNetwork(network, range);
    }

    /** {@code W (x - mean) / range + b} as one affine map of raw {@code x}. */
    private static void normaliseInputs(double[][] weights, double[] biases, double[] means, double[] ranges) {
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < weights[i].length; j++) {
                weights[i][j] /= ranges[j];
                biases[i] -= weights[i][j] * means[j];
            }
        }
    }

    /** {@code (W x + b) range + mean} as one affine map. */
    private static void denormaliseOutputs(double[][] weights, double[] biases, double mean, double range) {
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < weights[i].length; j++) {
                weights[i][j] *= range;
            }
            biases[i] = biases[i] * range + mean;
        }
    }

    /** The next line as exactly {@code expected} comma-separated numbers (a trailing comma is fine). */
    private double[] numbers(String what, int expected) {
        if (next >= lines.size()) {
            throw new InvalidInputException("The NNet file " + source + " ends before " + what + ".",
                    "Maybe the file is truncated, or a layer size in the header is too large.");
        }
        int lineNumber = lineNumbers.get(next);
        String[] parts = lines.get(next++).split(",", -1);
        List<String> tokens = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                tokens.add(part.trim());
            }
        }
        if (tokens.size() != expected) {
            throw error(lineNumber, "It should hold " + what + ": " + expected + " number(s), but it has "
                    + tokens.size() + ".");
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            try {
                values[i] = Double.parseDouble(tokens.get(i));
            } catch (NumberFormatException e) {
                throw error(lineNumber, "Entry " + (i + 1) + " of " + what + " is '" + tokens.get(i) + "', not a number.");
            }
            if (!Double.isFinite(values[i])) {
                throw error(lineNumber, "Entry " + (i + 1) + " of " + what + " is " + tokens.get(i) + "; it must be finite.");
            }
        }
        return values;
    }

    private int count(double value, String what) {
        if (value != Math.rint(value) || value < 1 || value > 1_000_000) {
            throw error(lineNumbers.get(next - 1), "The " + what + " is " + value + "; it must be a positive whole number.");
        }
        return (int) value;
    }

    private InvalidInputException error(int lineNumber, String message) {
        return new InvalidInputException("In the NNet file " + source + " (line " + lineNumber + "): " + message,
                "Maybe it is not an NNet file: the format is described at github.com/sisl/NNet.");
    }
}
