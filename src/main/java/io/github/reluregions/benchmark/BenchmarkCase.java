package io.github.reluregions.benchmark;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

import java.util.Objects;

/**
 * One network of a benchmark suite, in its domain.
 *
 * @param name unique within the suite
 * @param group what it belongs to: {@code shipped}, {@code trained}, {@code reference}, or a random family
 *     such as {@code width}
 * @param source where the network came from: a file, or how it was drawn
 * @param network the network
 * @param domain where its regions are counted and bounded
 * @param knownRegions the true count when it is known independently (the reference cases), else null
 */
public record BenchmarkCase(String name, String group, String source, Network network, InputDomain domain,
        Long knownRegions) {
    public BenchmarkCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        domain.requireDimension(network.inputDimension());
    }
}
