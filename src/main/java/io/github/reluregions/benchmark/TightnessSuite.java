package io.github.reluregions.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.io.NetworkReaders;
import io.github.reluregions.model.Network;

/**
 * Reads a tightness suite: a JSON file with three optional parts, every path relative to the suite file.
 *
 * <pre>
 * {"networks":  [{"name": "example", "group": "shipped", "file": "../testdata/example_2x8x8.json",
 *                 "box": [[-2, 2]]}, ...],
 *  "reference": "../../shared/reference/cases.json",
 *  "families":  [{"group": "width", "seed": 1, "architectures": [[2, 4, 4], [2, 8, 8]]}, ...]}
 * </pre>
 *
 * A network's domain is {@code "box"} (one {@code [lo, hi]} pair per input, or one pair for all), a ball
 * ({@code "center"}, {@code "radius"}, optional {@code "norm"}: l1, l2 (default), linf), or, with neither,
 * all of R^d. {@code "reference"} names a {@code cases.json} of the shared reference cases (each in its box,
 * with its known count); a missing file is skipped with a note. Each family's architectures ({@code [n0,
 * n1, ..., nL]}) are drawn by {@link RandomNetworks#he} with seeds {@code seed, seed + 1, ...} and counted
 * in R^{n0}, unless the family gives a domain as a network does.
 */
public final class TightnessSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TightnessSuite() {
    }

    /** The cases of the suite in {@code file}, in order; {@code notes} receives what was skipped and why. */
    public static List<BenchmarkCase> read(Path file, List<String> notes) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the suite " + file + ": " + e.getMessage(),
                    "Maybe the file is missing or not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("The suite " + file + " is not a JSON object.",
                    "Maybe {\"networks\": [...], \"reference\": \"cases.json\", \"families\": [...]}.");
        }
        Path base = file.toAbsolutePath().getParent();
        List<BenchmarkCase> cases = new ArrayList<>();
        for (JsonNode entry : root.path("networks")) {
            Network network = NetworkReaders.read(base.resolve(text(entry, "file", file)), null);
            cases.add(new BenchmarkCase(text(entry, "name", file), entry.path("group").asText("shipped"),
                    text(entry, "file", file), network, domain(entry, network.inputDimension(), file), null));
        }
        if (root.has("reference")) {
            Path reference = base.resolve(text(root, "reference", file));
            if (Files.isRegularFile(reference)) {
                cases.addAll(referenceCases(reference));
            } else {
                notes.add("reference cases skipped: " + reference.normalize() + " does not exist");
            }
        }
        for (JsonNode family : root.path("families")) {
            String group = text(family, "group", file);
            long seed = family.path("seed").asLong(1);
            JsonNode architectures = family.path("architectures");
            for (int k = 0; k < architectures.size(); k++) {
                int[] widths = new int[architectures.get(k).size()];
                for (int l = 0; l < widths.length; l++) {
                    widths[l] = architectures.get(k).get(l).asInt();
                }
                Network network = RandomNetworks.he(widths, seed + k);
                String shape = Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining("x"));
                cases.add(new BenchmarkCase(group + " " + shape, group, "random (He), seed " + (seed + k), network,
                        domain(family, widths[0], file), null));
            }
        }
        Set<String> names = new HashSet<>();
        for (BenchmarkCase c : cases) {
            if (!names.add(c.name())) {
                throw new InvalidInputException("The suite " + file + " has two networks named '" + c.name() + "'.",
                        "Maybe give one of them another \"name\".");
            }
        }
        return cases;
    }

    /** The shared reference cases: each network in its box, with its known count. */
    static List<BenchmarkCase> referenceCases(Path casesFile) {
        JsonNode root;
        try {
            root = JSON.readTree(casesFile.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the reference cases " + casesFile + ": " + e.getMessage());
        }
        List<BenchmarkCase> cases = new ArrayList<>();
        for (JsonNode c : root) {
            String name = text(c, "network", casesFile);
            Network network = NetworkReaders.read(casesFile.getParent().resolve(name), null);
            cases.add(new BenchmarkCase(name.replaceFirst("\\.json$", ""), "reference", name, network,
                    box(c.get("box"), network.inputDimension(), casesFile), c.path("regions").asLong()));
        }
        return cases;
    }

    private static InputDomain domain(JsonNode entry, int inputs, Path file) {
        if (entry.has("box")) {
            return box(entry.get("box"), inputs, file);
        }
        if (entry.has("center") || entry.has("radius")) {
            JsonNode center = entry.path("center");
            double[] point = new double[center.size()];
            for (int j = 0; j < point.length; j++) {
                point[j] = center.get(j).asDouble();
            }
            String norm = entry.path("norm").asText("l2").toUpperCase(Locale.ROOT);
            if (!Set.of("L1", "L2", "LINF").contains(norm)) {
                throw new InvalidInputException("The suite " + file + " has the norm '" + norm + "'.",
                        "Maybe l1, l2 or linf.");
            }
            Ball ball = Ball.of(point, entry.path("radius").asDouble(), Norm.valueOf(norm));
            ball.requireDimension(inputs);
            return ball;
        }
        return WholeSpace.of(inputs);
    }

    private static Box box(JsonNode sides, int inputs, Path file) {
        if (sides == null || !sides.isArray() || sides.isEmpty()) {
            throw new InvalidInputException("A box in " + file + " is not a list of [lo, hi] pairs.");
        }
        if (!sides.get(0).isArray()) {
            sides = JSON.createArrayNode().add(sides);
        }
        if (sides.size() != 1 && sides.size() != inputs) {
            throw new InvalidInputException("A box in " + file + " has " + sides.size() + " sides but the network has "
                    + inputs + " inputs.", "Maybe one [lo, hi] pair for all inputs.");
        }
        double[] lower = new double[inputs];
        double[] upper = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            JsonNode side = sides.get(sides.size() == 1 ? 0 : j);
            lower[j] = side.get(0).asDouble();
            upper[j] = side.get(1).asDouble();
        }
        return Box.of(lower, upper);
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidInputException("An entry of " + file + " has no \"" + field + "\" text: " + node + ".");
        }
        return value.asText();
    }
}
