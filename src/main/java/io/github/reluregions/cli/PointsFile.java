package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.local.LocalPoint;
import io.github.reluregions.plot.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Points read from a table (CSV with an optional header row, JSON, JSON lines): which columns hold the
 * coordinates and which the label.
 *
 * <p>Coordinates: the columns {@code columns} names (names or 1-based numbers, and FIRST:LAST runs), else
 * the first {@code d}; then the table must have {@code d} columns, or {@code d + 1} with a label last.
 * Label: the column {@code label} names, else a column named {@code label} that is not a coordinate, else
 * the one column left over when exactly one is.
 *
 * @param file the table
 * @param points the points, one per row
 * @param columns the coordinate columns, as a short description (first:last for a run)
 * @param labelColumn the label column's name, or null
 */
record PointsFile(Path file, List<LocalPoint> points, String columns, String labelColumn) {

    static PointsFile read(Path file, int dimension, String columns, String label) {
        Table table = Table.read(file, true);
        if (table.rows().isEmpty()) {
            throw new InvalidInputException("The points file " + file + " has no points.");
        }
        List<Integer> coordinates = columns == null ? firstColumns(table, dimension) : parseColumns(table, columns);
        if (coordinates.size() != dimension) {
            throw new InvalidInputException("--columns=" + columns + " names " + coordinates.size()
                    + " columns of " + file + " but the network has " + dimension + " inputs.",
                    "Maybe --columns=" + table.columns().get(0) + ":" + table.columns().get(
                            Math.min(dimension, table.columns().size()) - 1) + ".");
        }
        int labelIndex = labelColumn(table, coordinates, label);
        List<LocalPoint> points = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            double[] x = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                int c = coordinates.get(j);
                String cell = row.get(c).trim();
                if (cell.isEmpty()) {
                    throw new InvalidInputException("Row " + (r + 1) + " of " + file + " has no value in column '"
                            + table.columns().get(c) + "'.");
                }
                x[j] = table.number(r, table.columns().get(c), cell);
                if (!Double.isFinite(x[j])) {
                    throw new InvalidInputException("Row " + (r + 1) + " of " + file + " has " + x[j] + " in column '"
                            + table.columns().get(c) + "'; a point needs finite coordinates.");
                }
            }
            String labelText = labelIndex < 0 ? null : row.get(labelIndex).trim();
            points.add(LocalPoint.of(r, x, labelText == null || labelText.isEmpty() ? null : labelText));
        }
        String described = table.columns().get(coordinates.get(0))
                + (dimension == 1 ? "" : ":" + table.columns().get(coordinates.get(dimension - 1)));
        return new PointsFile(file, points, isRun(coordinates) ? described : String.join(",",
                coordinates.stream().map(table.columns()::get).toList()),
                labelIndex < 0 ? null : table.columns().get(labelIndex));
    }

    private static List<Integer> firstColumns(Table table, int dimension) {
        int n = table.columns().size();
        if (n != dimension && n != dimension + 1) {
            throw new InvalidInputException("The points file " + table.file() + " has " + n + " columns but the network has "
                    + dimension + " inputs; it needs " + dimension + " coordinate columns (and may have a label column).",
                    n > dimension ? "Maybe --columns=FIRST:LAST names the coordinate columns."
                            : "Maybe the points are for another network.");
        }
        List<Integer> first = new ArrayList<>();
        for (int j = 0; j < dimension; j++) {
            first.add(j);
        }
        return first;
    }

    /** Column names or 1-based numbers, comma-separated, with FIRST:LAST runs. */
    private static List<Integer> parseColumns(Table table, String text) {
        List<Integer> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            int colon = item.indexOf(':');
            if (colon >= 0 && table.columns().indexOf(item) < 0) {
                int from = column(table, item.substring(0, colon).trim());
                int to = column(table, item.substring(colon + 1).trim());
                if (to < from) {
                    throw new InvalidInputException("--columns run '" + item + "' goes backwards.",
                            "Maybe --columns=" + table.columns().get(to) + ":" + table.columns().get(from) + ".");
                }
                for (int c = from; c <= to; c++) {
                    result.add(c);
                }
            } else {
                result.add(column(table, item));
            }
        }
        if (result.stream().distinct().count() != result.size()) {
            throw new InvalidInputException("--columns=" + text + " names a column twice.");
        }
        return result;
    }

    /** A column by name, else by 1-based number. */
    private static int column(Table table, String name) {
        int index = table.columns().indexOf(name);
        if (index >= 0) {
            return index;
        }
        try {
            int number = Integer.parseInt(name);
            if (number >= 1 && number <= table.columns().size()) {
                return number - 1;
            }
        } catch (NumberFormatException e) {
            // not a number either: the error below names the columns
        }
        return table.column(name);
    }

    private static int labelColumn(Table table, List<Integer> coordinates, String label) {
        if (label != null) {
            int index = column(table, label);
            if (coordinates.contains(index)) {
                throw new InvalidInputException("--label=" + label + " is one of the coordinate columns.");
            }
            return index;
        }
        int named = table.columns().indexOf("label");
        if (named >= 0 && !coordinates.contains(named)) {
            return named;
        }
        if (table.columns().size() == coordinates.size() + 1) {
            for (int c = 0; c < table.columns().size(); c++) {
                if (!coordinates.contains(c)) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static boolean isRun(List<Integer> columns) {
        for (int j = 1; j < columns.size(); j++) {
            if (columns.get(j) != columns.get(j - 1) + 1) {
                return false;
            }
        }
        return true;
    }
}
