package io.github.reluregions.checkpoint;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.lp.SubtreeTask;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of the LP search's open subtrees, shared by checkpoint files and the cluster's messages:
 * a subtree's prefix and LP rows as strings of 0 and 1, its witness and its weight.
 */
public final class StoredSubtrees {
    private StoredSubtrees() {
    }

    /** One subtree as stored. */
    public record Stored(String prefix, String inLp, double[] witness, double weight) {
    }

    public static List<Stored> store(List<SubtreeTask> tasks) {
        List<Stored> stored = new ArrayList<>(tasks.size());
        for (SubtreeTask task : tasks) {
            stored.add(new Stored(bits(task.prefix()), bits(task.inLp()), task.witness(), task.weight()));
        }
        return stored;
    }

    /**
     * The subtrees back; {@code source} names where they were read (e.g. "The checkpoint run.json") for the
     * message when one is malformed.
     */
    public static List<SubtreeTask> load(List<Stored> stored, String source) {
        List<SubtreeTask> tasks = new ArrayList<>(stored.size());
        for (Stored task : stored) {
            tasks.add(new SubtreeTask(parseBits(task.prefix(), source), parseBits(task.inLp(), source),
                    task.witness(), task.weight()));
        }
        return tasks;
    }

    private static String bits(boolean[] values) {
        StringBuilder sb = new StringBuilder(values.length);
        for (boolean value : values) {
            sb.append(value ? '1' : '0');
        }
        return sb.toString();
    }

    private static boolean[] parseBits(String text, String source) {
        if (text == null) {
            throw new InvalidInputException(source + " has a subtree without its prefix.");
        }
        boolean[] values = new boolean[text.length()];
        for (int i = 0; i < values.length; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                throw new InvalidInputException(source + " has a subtree prefix with '" + c + "'.");
            }
            values[i] = c == '1';
        }
        return values;
    }
}
