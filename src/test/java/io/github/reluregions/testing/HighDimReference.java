package io.github.reluregions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.Norm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cases of ../shared/reference/high-dim.json: a network file, a box or ball, the true count. */
public final class HighDimReference {
    public static final Path FILE = ReferenceCases.REFERENCE.resolve("high-dim.json");

    private HighDimReference() {
    }

    /** One case; {@code index} is its place in the file. */
    public record Case(int index, String network, InputDomain domain, long regions, String truth) {
        public Path networkFile() {
            return ReferenceCases.REFERENCE.resolve(network);
        }

        @Override
        public String toString() {
            return "#" + index + " " + network + " in " + domain.describe() + ": " + regions;
        }
    }

    public static boolean present() {
        return Files.exists(FILE);
    }

    /** Every case of the file (none when ../shared is absent). */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        if (!present()) {
            return cases;
        }
        try {
            int index = 0;
            for (JsonNode c : new ObjectMapper().readTree(FILE.toFile())) {
                InputDomain domain;
                if (c.has("ball")) {
                    JsonNode ball = c.get("ball");
                    double[] center = new double[ball.get("center").size()];
                    for (int j = 0; j < center.length; j++) {
                        center[j] = ball.get("center").get(j).asDouble();
                    }
                    Norm norm = Norm.valueOf(ball.get("norm").asText().toUpperCase(Locale.ROOT));
                    domain = Ball.of(center, ball.get("radius").asDouble(), norm);
                } else {
                    domain = ReferenceCases.box(c.get("box"));
                }
                cases.add(new Case(index++, c.get("network").asText(), domain, c.get("regions").asLong(),
                        c.path("truth").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
