package io.github.reluregions.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

import io.github.reluregions.checkpoint.StoredSubtrees;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.lp.SubtreeTask;

/**
 * The JSON of what goes to a member (a batch of subtrees) and comes back (what it counted and what is left
 * open), in the checkpoints' form of subtrees. Stats are in the search's coordinates, as in checkpoints.
 */
final class SliceMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String SOURCE = "A cluster message";

    private SliceMessages() {
    }

    /** The subtrees a member is to search. */
    record Batch(List<StoredSubtrees.Stored> subtrees) {
    }

    /**
     * A member's answer: the regions it counted in the subtrees, its stats, and the subtrees it did not finish
     * in its slice; or, when the search failed there (a bug), {@code error} with the member's stack trace.
     */
    record Reply(long regions, SearchStats stats, List<StoredSubtrees.Stored> open, String error) {
    }

    static String batch(List<SubtreeTask> subtrees) {
        return write(new Batch(StoredSubtrees.store(subtrees)));
    }

    static List<SubtreeTask> readBatch(String json) {
        return StoredSubtrees.load(read(json, Batch.class).subtrees(), SOURCE);
    }

    static String reply(long regions, SearchStats stats, List<SubtreeTask> open) {
        return write(new Reply(regions, stats, StoredSubtrees.store(open), null));
    }

    static String failure(String error) {
        return write(new Reply(0, null, List.of(), error));
    }

    static Reply readReply(String json) {
        return read(json, Reply.class);
    }

    static List<SubtreeTask> open(Reply reply) {
        return StoredSubtrees.load(reply.open(), SOURCE);
    }

    private static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a cluster message", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a cluster message: " + e.getOriginalMessage(), e);
        }
    }
}
