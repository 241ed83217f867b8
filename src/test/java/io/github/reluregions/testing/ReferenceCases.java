package io.github.reluregions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.domain.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of ../shared/reference/cases.json, as test arguments: network file, box (JSON pairs), regions. */
public final class ReferenceCases {
    public static final Path REFERENCE = Path.of("..", "shared", "reference");

    private ReferenceCases() {
    }

    /** One argument triple per case; one placeholder with a null box when the directory is absent. */
    public static Stream<Arguments> cases() throws IOException {
        Path file = REFERENCE.resolve("cases.json");
        if (!Files.exists(file)) {
            return Stream.of(Arguments.of("(no ../shared/reference)", null, 0L));
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile())) {
            cases.add(Arguments.of(c.get("network").asText(), c.get("box"), c.get("regions").asLong()));
        }
        return cases.stream();
    }

    /** The box of a case's {@code [[lo, hi], ...]} pairs. */
    public static Box box(JsonNode pairs) {
        double[] lower = new double[pairs.size()];
        double[] upper = new double[pairs.size()];
        for (int j = 0; j < pairs.size(); j++) {
            lower[j] = pairs.get(j).get(0).asDouble();
            upper[j] = pairs.get(j).get(1).asDouble();
        }
        return Box.of(lower, upper);
    }
}
