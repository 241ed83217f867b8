package io.github.reluregions.checkpoint;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.SearchStats;
import io.github.reluregions.count.lp.SearchState;
import io.github.reluregions.count.lp.SubtreeTask;

/**
 * A checkpoint on disk: JSON with the problem's fingerprint, the counts so far and the open subtrees.
 * Written to a temporary file beside the target and renamed over it, so a crash while saving leaves the
 * previous checkpoint intact.
 */
public final class CheckpointFile {
    public static final int SCHEMA_VERSION = 1;
    private static final String KIND = "relu-regions lp-search checkpoint";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final String fingerprint;
    private final String problem;

    /**
     * @param file where the checkpoint lives
     * @param fingerprint the {@link io.github.reluregions.query.Query#fingerprint() fingerprint} of the query being counted
     * @param problem a short description of the problem, stored for people reading the file
     */
    public CheckpointFile(Path file, String fingerprint, String problem) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.problem = problem;
    }

    /** The stored form. */
    @JsonPropertyOrder({"schemaVersion", "kind", "fingerprint", "problem", "savedAt", "regions",
            "exploredFraction", "finished", "stats", "open"})
    record Stored(int schemaVersion, String kind, String fingerprint, String problem, String savedAt, long regions,
            double exploredFraction, boolean finished, SearchStats stats, List<StoredSubtrees.Stored> open) {
    }

    /** Saves {@code state}, replacing the previous checkpoint atomically. */
    public void save(SearchState state) {
        Stored stored = new Stored(SCHEMA_VERSION, KIND, fingerprint, problem, Instant.now().toString(),
                state.regions(), state.exploredFraction(), state.finished(), state.stats(),
                StoredSubtrees.store(state.open()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName() + ".", ".tmp");
            try {
                MAPPER.writeValue(temp.toFile(), stored);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the checkpoint, refusing one made for another problem. */
    public SearchState load() {
        Stored stored;
        try {
            stored = MAPPER.readValue(file.toFile(), Stored.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidInputException("The checkpoint " + file + " does not exist.",
                    "Maybe --checkpoint=" + file + " without --resume, to start a new run that saves there.");
        } catch (JacksonException e) {
            throw new InvalidInputException("The checkpoint " + file + " is not a relu-regions checkpoint: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the checkpoint " + file + ": " + e.getMessage());
        }
        if (stored == null || !KIND.equals(stored.kind()) || stored.stats() == null || stored.open() == null) {
            throw new InvalidInputException("The checkpoint " + file + " is not a relu-regions checkpoint.");
        }
        if (stored.schemaVersion() != SCHEMA_VERSION) {
            throw new InvalidInputException("The checkpoint " + file + " has schema version " + stored.schemaVersion()
                    + "; this version of relu-regions reads version " + SCHEMA_VERSION + ".");
        }
        if (!fingerprint.equals(stored.fingerprint())) {
            throw new InvalidInputException("The checkpoint " + file + " was made for another network, domain or "
                    + "tolerance (" + stored.problem() + "), not for this one (" + problem + ").",
                    "Maybe the network file or the domain options differ from the interrupted run's.");
        }
        List<SubtreeTask> open = StoredSubtrees.load(stored.open(), "The checkpoint " + file);
        return new SearchState(stored.regions(), stored.exploredFraction(), stored.stats(), open);
    }
}
