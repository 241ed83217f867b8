package io.github.reluregions.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Box;
import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.domain.WholeSpace;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Query;
import io.github.reluregions.query.Tolerances;

/**
 * A {@link Query} as JSON: {@code {"network": ..., "domain": {"type": "box" | "ball" | "whole-space", ...},
 * "tolerances": ...}}. The cluster sends a query to its members in this form, keyed by its fingerprint; a
 * member checks that what it read has that fingerprint, so every member searches exactly the coordinator's
 * query.
 */
public final class QueryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private QueryJson() {
    }

    public static String write(Query query) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("network", MAPPER.valueToTree(query.network()));
        ObjectNode domainNode = MAPPER.valueToTree(query.domain());
        domainNode.put("type", domainType(query.domain()));
        root.set("domain", domainNode);
        root.set("tolerances", MAPPER.valueToTree(query.tolerances()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the query as JSON", e);
        }
    }

    /** The query in {@code json}, which must have {@code fingerprint}. */
    public static Query read(String json, String fingerprint) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Network network = JsonNetworkReader.parse(root.get("network").toString(), "the cluster's query");
            JsonNode domainNode = root.get("domain");
            InputDomain domain = switch (domainNode.get("type").asText()) {
                case "box" -> MAPPER.treeToValue(domainNode, Box.class);
                case "ball" -> MAPPER.treeToValue(domainNode, Ball.class);
                case "whole-space" -> MAPPER.treeToValue(domainNode, WholeSpace.class);
                default -> throw new IllegalStateException("Unknown domain type in " + domainNode);
            };
            Query query = new Query(network, domain, MAPPER.treeToValue(root.get("tolerances"), Tolerances.class));
            if (!query.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("The query read on this member has the fingerprint "
                        + query.fingerprint() + ", not the coordinator's " + fingerprint);
            }
            return query;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the query sent by the coordinator", e);
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
