package io.github.reluregions.cluster;

/** The names every member and coordinator agree on. */
final class Names {
    /** The Hazelcast cluster name: members of other Hazelcast clusters on the network are never joined. */
    static final String CLUSTER = "relu-regions";
    /** The executor that runs slices; one slice at a time per member, each using the member's threads. */
    static final String EXECUTOR = "relu-regions.slices";
    /** The distributed map of queries (JSON, {@code io.QueryJson}) by fingerprint. */
    static final String QUERIES = "relu-regions.queries";
    /** The member attribute with the member's worker threads. */
    static final String THREADS_ATTRIBUTE = "relu-regions.threads";
    /** The key of the {@link MemberContext} in a member's user context. */
    static final String CONTEXT_KEY = "relu-regions.member";

    private Names() {
    }
}
