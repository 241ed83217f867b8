/**
 * The LP engine's search on a Hazelcast cluster: members ({@code serve}) search batches of subtrees for a
 * time slice with their own threads and send back what they counted and what is still open; a coordinator
 * ({@code count exact --cluster}, a Hazelcast client) hands out the open subtrees, re-runs the batches of
 * members that fail or leave, and adds up the counts of finished slices only. The only package that
 * imports Hazelcast.
 */
package io.github.reluregions.cluster;
