package io.github.reluregions.query;

import io.github.reluregions.domain.InputDomain;
import io.github.reluregions.model.Network;

import java.util.Objects;

/**
 * One counting problem: the network, the input domain it is counted in, and the tolerances that decide what
 * is a region. Everything that counts takes a query (the engines, the parity searches, checkpoints and the
 * cluster, through its {@link #fingerprint}); how long and on how many threads is not part of it.
 */
public record Query(Network network, InputDomain domain, Tolerances tolerances) {
    public Query {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tolerances, "tolerances");
        domain.requireDimension(network.inputDimension());
    }

    /** {@code network} in {@code domain} with the default tolerances. */
    public static Query of(Network network, InputDomain domain) {
        return new Query(network, domain, Tolerances.defaults());
    }

    /** The same network and tolerances in another domain. */
    public Query in(InputDomain other) {
        return new Query(network, other, tolerances);
    }

    /** The same network and domain with other tolerances. */
    public Query with(Tolerances other) {
        return new Query(network, domain, other);
    }

    /** The tolerances as this query's count applies them, in input coordinates. */
    public AppliedTolerances appliedTolerances() {
        return tolerances.appliedIn(domain);
    }

    /**
     * The SHA-256 of everything that decides the count (every weight's bits, the domain, the tolerances):
     * equal fingerprints mean the same search tree, so a checkpoint or a cluster member's subtree of one
     * query belongs to the other.
     */
    public String fingerprint() {
        return Fingerprint.of(this);
    }
}
