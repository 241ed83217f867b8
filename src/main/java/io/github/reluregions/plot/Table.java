package io.github.reluregions.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reluregions.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of text cells read from a file: CSV (RFC 4180 quoting; the first row names the columns), a JSON
 * array of objects, or JSON lines (one object a line). JSON values become their text; null becomes an
 * empty cell. Immutable.
 *
 * @param file where it was read from (for error messages)
 * @param columns the column names, in order
 * @param rows one list of cells per row, as long as {@code columns}
 */
public record Table(Path file, List<String> columns, List<List<String>> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** Reads a table, by extension: {@code .json} (an array of objects), {@code .jsonl}, else CSV with a header. */
    public static Table read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a table as {@link #read(Path)} does; with {@code headerOptional}, a CSV whose first row is all
     * numbers has no header, and its columns are named 1, 2, ...
     */
    public static Table read(Path file, boolean headerOptional) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("The table " + file + " does not exist or is not a file.");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                List<JsonNode> objects = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        objects.add(JSON.readTree(line));
                    }
                }
                return fromJson(file, objects);
            }
            if (name.endsWith(".json")) {
                JsonNode root = JSON.readTree(file.toFile());
                if (root == null || !root.isArray()) {
                    throw new InvalidInputException("The table " + file + " is JSON but not an array of objects.",
                            "Maybe write it as [{\"column\": value, ...}, ...], or as JSON lines (.jsonl).");
                }
                List<JsonNode> objects = new ArrayList<>();
                root.forEach(objects::add);
                return fromJson(file, objects);
            }
            return fromCsv(file, Files.readString(file), headerOptional);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the table " + file + ": " + e.getMessage(),
                    name.endsWith(".json") || name.endsWith(".jsonl") ? "Maybe it is not valid JSON." : null, e);
        }
    }

    /** A CSV table from its text; the first row names the columns unless it is all numbers and that is allowed. */
    static Table fromCsv(Path file, String text, boolean headerOptional) {
        List<List<String>> records = parseCsv(file, text);
        if (records.isEmpty()) {
            throw new InvalidInputException("The table " + file + " is empty; it needs a header row naming the columns.");
        }
        boolean headerless = headerOptional && records.get(0).stream().allMatch(Table::isNumber);
        List<String> header = new ArrayList<>();
        if (headerless) {
            for (int c = 1; c <= records.get(0).size(); c++) {
                header.add(Integer.toString(c));
            }
        } else {
            header.addAll(records.get(0));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = headerless ? 0 : 1; r < records.size(); r++) {
            List<String> row = new ArrayList<>(records.get(r));
            if (row.size() > header.size()) {
                throw new InvalidInputException("Row " + (r + 1) + " of " + file + " has " + row.size()
                        + " cells but the header names " + header.size() + " columns.");
            }
            while (row.size() < header.size()) {
                row.add("");
            }
            rows.add(row);
        }
        return new Table(file, header, rows);
    }

    private static Table fromJson(Path file, List<JsonNode> objects) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            if (!object.isObject()) {
                throw new InvalidInputException("The table " + file + " has an entry that is not an object: "
                        + abbreviate(object.toString()) + ".");
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                index.putIfAbsent(names.next(), index.size());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode object : objects) {
            List<String> row = new ArrayList<>();
            for (String column : index.keySet()) {
                JsonNode value = object.get(column);
                row.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
            }
            rows.add(row);
        }
        return new Table(file, new ArrayList<>(index.keySet()), rows);
    }

    /** The index of column {@code name}; an error naming the columns there are when it is missing. */
    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException("The table " + file + " has no column '" + name + "'.",
                    "Maybe one of: " + String.join(", ", columns) + ".");
        }
        return index;
    }

    /** The numbers in column {@code name}, skipping empty cells; an error for any other non-number. */
    public double[] numbers(String name) {
        int c = column(name);
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(c).trim();
            if (!cell.isEmpty()) {
                values.add(number(r, name, cell));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The cell of row {@code r} (0-based, after the header) in column {@code name}, parsed as a number. */
    public double number(int r, String name, String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Row " + (r + 1) + " of " + file + " has '" + abbreviate(cell)
                    + "' in column '" + name + "', which is not a number.");
        }
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<List<String>> parseCsv(Path file, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
                continue;
            }
            if (ch == '"' && cell.length() == 0) {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new InvalidInputException("The table " + file + " ends inside a quoted cell.",
                    "Maybe a '\"' is missing.");
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        for (List<String> r : records) {
            r.replaceAll(String::trim);
        }
        return records;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
