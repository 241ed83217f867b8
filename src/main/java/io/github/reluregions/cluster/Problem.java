package io.github.reluregions.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

import io.github.reluregions.count.Tolerances;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.io.JsonNetworkReader;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.ProblemFingerprint;

/**
 * What a count is about: the network, the domain and the tolerances. Sent to the members once per count
 * as JSON (in a distributed map keyed by its {@link ProblemFingerprint}); a member checks that what it
 * read has that fingerprint, so every member searches exactly the coordinator's problem.
 */
record Problem(Network network, InputDomain domain, Tolerances tolerances) {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Problem {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tolerances, "tolerances");
    }

    String fingerprint() {
        return ProblemFingerprint.of(network, domain, tolerances);
    }

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("network", MAPPER.valueToTree(network));
        ObjectNode domainNode = MAPPER.valueToTree(domain);
        domainNode.put("type", domainType(domain));
        root.set("domain", domainNode);
        root.set("tolerances", MAPPER.valueToTree(tolerances));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the problem as JSON", e);
        }
    }

    /** The problem in {@code json}, which must have {@code fingerprint}. */
    static Problem fromJson(String json, String fingerprint) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Network network = JsonNetworkReader.parse(root.get("network").toString(), "the cluster's problem");
            JsonNode domainNode = root.get("domain");
            InputDomain domain = switch (domainNode.get("type").asText()) {
                case "box" -> MAPPER.treeToValue(domainNode, Box.class);
                case "ball" -> MAPPER.treeToValue(domainNode, Ball.class);
                case "whole-space" -> MAPPER.treeToValue(domainNode, WholeSpace.class);
                default -> throw new IllegalStateException("Unknown domain type in " + domainNode);
            };
            Problem problem = new Problem(network, domain, MAPPER.treeToValue(root.get("tolerances"), Tolerances.class));
            if (!problem.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("The problem read on this member has the fingerprint "
                        + problem.fingerprint() + ", not the coordinator's " + fingerprint);
            }
            return problem;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the problem sent by the coordinator", e);
        }
    }

    private static String domainType(InputDomain domain) {
        if (domain instanceof Box) {
            return "box";
        }
        if (domain instanceof Ball) {
            return "ball";
        }
        return "whole-space";
    }
}
