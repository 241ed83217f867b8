package io.github.reluregions.io;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.model.Layer;
import io.github.reluregions.model.Network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's JSON network format:
 * {@code {"layers": [{"weights": [[...] one row per output neuron], "biases": [...]}, ...]}}.
 * ReLU follows every layer but the last. Every problem is reported with the layer, row and value.
 */
public final class JsonNetworkReader {
    // NaN and Infinity tokens are read (Python's json module writes them) so that the error can name the
    // entry and say that weights must be finite, instead of a parser message.
    // The fast double parser (correctly rounded, as the JDK's) reads an MNIST-sized file, 17-digit numbers
    // as Python writes them, several times faster: ~0.3 s instead of ~1.3 s for 264,000 weights.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private JsonNetworkReader() {
    }

    public static Network read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the network file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Network parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            int internals = reason.indexOf(" (start marker at"); // Jackson's own source description: noise here
            if (internals > 0) {
                reason = reason.substring(0, internals);
            }
            throw new InvalidInputException("The network file " + source + " is not valid JSON: " + reason
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
        if (root == null || !root.isObject() || !root.has("layers") || !root.get("layers").isArray()) {
            throw new InvalidInputException("The network file " + source + " has no \"layers\" array.",
                    "Maybe it is not a relu-regions network: the format is {\"layers\":[{\"weights\":[[...]],\"biases\":[...]}, ...]}.");
        }
        List<Layer> layers = new ArrayList<>();
        JsonNode layerNodes = root.get("layers");
        for (int l = 0; l < layerNodes.size(); l++) {
            layers.add(readLayer(layerNodes.get(l), l, source));
        }
        try {
            return Network.of(layers);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("In " + source + ": " + e.getMessage(), e.hint());
        }
    }

    private static Layer readLayer(JsonNode node, int l, String source) {
        String where = "layer " + l + " of " + source;
        if (!node.isObject() || !node.has("weights") || !node.has("biases")) {
            throw new InvalidInputException("The " + where + " needs \"weights\" and \"biases\".");
        }
        JsonNode rows = node.get("weights");
        if (!rows.isArray() || rows.isEmpty()) {
            throw new InvalidInputException("The weights of " + where + " must be a non-empty array of rows.");
        }
        double[][] weights = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            weights[i] = readVector(rows.get(i), "weight row " + i + " of " + where);
            if (weights[i].length != weights[0].length) {
                throw new InvalidInputException("Weight row " + i + " of " + where + " has " + weights[i].length
                        + " entries but row 0 has " + weights[0].length + ".");
            }
        }
        double[] biases = readVector(node.get("biases"), "biases of " + where);
        if (biases.length != weights.length) {
            throw new InvalidInputException("The " + where + " has " + weights.length + " weight rows but "
                    + biases.length + " biases.");
        }
        return Layer.of(weights, biases);
    }

    private static double[] readVector(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("The " + where + " must be a non-empty array of numbers.");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber()) {
                throw new InvalidInputException("Entry " + i + " of the " + where + " is " + value
                        + ", not a number.", value.isTextual() ? "Maybe write it without quotes." : null);
            }
            values[i] = value.doubleValue();
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("Entry " + i + " of the " + where + " is " + value
                        + "; every weight and bias must be finite.");
            }
        }
        return values;
    }
}
