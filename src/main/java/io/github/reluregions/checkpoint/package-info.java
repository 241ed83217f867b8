/**
 * Checkpoints of the LP engine's search: its open subtrees and counts so far, saved atomically as JSON
 * and bound by a fingerprint to the network, domain and tolerances they were made for. The stored form of
 * subtrees ({@link io.github.reluregions.checkpoint.StoredSubtrees}) is also what the cluster sends.
 */
package io.github.reluregions.checkpoint;
