package io.github.reluregions.benchmark;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.reluregions.InvalidInputException;
import io.github.reluregions.bounds.RegionBound;
import io.github.reluregions.plot.Charts;
import io.github.reluregions.plot.Picture;
import io.github.reluregions.plot.Table;
import io.github.reluregions.plot.Tightness;
import io.github.reluregions.report.ExactCountReport;
import io.github.reluregions.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Writes the tightness benchmark's results: {@code tightness.csv} (one row per network and bound, the
 * columns of {@code plot tightness} and more), {@code tightness.json}, {@code tightness.md} (the table and
 * which bound is tightest where) and PNG plots: bound / count per bound and network, and, for the random
 * families named {@code depth}, {@code width} and {@code inputs}, the count and the bounds against that
 * parameter.
 */
public final class TightnessOutputs {
    /** The CSV columns; the first six are those {@code plot tightness} reads. */
    public static final List<String> CSV_COLUMNS = List.of("network", "bound", "value_log10", "count", "count_log10",
            "complete", "group", "inputs", "hidden_widths", "domain", "value", "ratio_log10", "tightest",
            "count_method", "count_seconds", "count_confidence", "count_estimate");

    /** The families drawn against a parameter: name, axis label, the parameter of a network. */
    private record Family(String group, String axis, String file, ToIntFunction<TightnessResult> parameter) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("depth", "number of hidden layers", "tightness-depth.png",
                    r -> r.network().hiddenWidths().size()),
            new Family("width", "width of each hidden layer", "tightness-width.png",
                    r -> r.network().hiddenWidths().get(0)),
            new Family("inputs", "input dimension n0", "tightness-inputs.png", r -> r.network().inputDimension()));

    /** The JSON report. */
    @JsonPropertyOrder({"schemaVersion", "command", "suite", "secondsPerNetwork", "networks"})
    public record Report(int schemaVersion, String command, String suite, double secondsPerNetwork,
            List<TightnessResult> networks) {
    }

    private TightnessOutputs() {
    }

    /** Writes every output into {@code folder}; returns the files written. */
    public static List<Path> write(Path folder, String suite, double secondsPerNetwork, List<TightnessResult> results) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            Path csv = folder.resolve("tightness.csv");
            Files.writeString(csv, csv(results));
            written.add(csv);
            Path json = folder.resolve("tightness.json");
            Files.writeString(json, ReportWriter.toJson(new Report(ExactCountReport.SCHEMA_VERSION,
                    "benchmark tightness", suite, secondsPerNetwork, results)) + System.lineSeparator());
            written.add(json);
            Path markdown = folder.resolve("tightness.md");
            Files.writeString(markdown, markdown(results));
            written.add(markdown);
            written.addAll(plots(folder, Table.read(csv), results));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the results into " + folder + ": " + e.getMessage(),
                    "Maybe the folder is not writable.");
        }
        return written;
    }

    /** " (probability P; estimate E)" for a probabilistic lower bound, else nothing. */
    static String probabilisticNote(RegionCount.Outcome count) {
        if (count.confidence() == null) {
            return "";
        }
        return " (probability " + String.format(Locale.ROOT, "%.2f", count.confidence())
                + (count.estimate() == null ? "" : "; estimate " + count.estimate()) + ")";
    }

    static String csv(List<TightnessResult> results) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (TightnessResult r : results) {
            for (RegionBound bound : r.bounds()) {
                List<String> cells = List.of(r.name(), bound.name(), bound.log10() == null ? "" : number(bound.log10()),
                        Long.toString(r.count().regions()), number(r.countLog10()), Boolean.toString(r.count().complete()),
                        r.group(), Integer.toString(r.network().inputDimension()), r.network().hiddenWidths().toString(),
                        r.domain().description(), bound.value() == null ? "" : bound.value().toString(),
                        bound.log10() == null ? "" : number(bound.log10() - r.countLog10()),
                        Boolean.toString(r.tightest().contains(bound.name())), r.count().method(),
                        number(r.count().seconds()),
                        r.count().confidence() == null ? "" : number(r.count().confidence()),
                        r.count().estimate() == null ? "" : Long.toString(r.count().estimate()));
                List<String> quoted = new ArrayList<>();
                for (String cell : cells) {
                    quoted.add(quote(cell));
                }
                out.append(String.join(",", quoted)).append('\n');
            }
        }
        return out.toString();
    }

    /** The table of log10(bound / count) per network and bound, and which bound is tightest in each group. */
    static String markdown(List<TightnessResult> results) {
        if (results.isEmpty()) {
            return "No networks.\n";
        }
        List<String> names = results.get(0).bounds().stream().map(RegionBound::name).toList();
        StringBuilder out = new StringBuilder();
        out.append("Each bound column is log10(bound / count): 0 means the bound equals the count, 1 a factor of 10. ")
                .append("A count marked >= is a lower bound (the exact count did not finish); one with a probability is ")
                .append("count probabilistic's lower bound, which holds with that probability, with its estimate. ")
                .append("'n/a': the bound does not apply or has no value.\n\n");
        out.append("| network | group | n0 | hidden | domain | count |");
        for (String name : names) {
            out.append(' ').append(name).append(" |");
        }
        out.append(" tightest |\n|");
        out.append(" --- |".repeat(6 + names.size() + 1)).append('\n');
        for (TightnessResult r : results) {
            out.append("| ").append(r.name()).append(" | ").append(r.group()).append(" | ")
                    .append(r.network().inputDimension()).append(" | ").append(r.network().hiddenWidths()).append(" | ")
                    .append(shortDomain(r)).append(" | ").append(r.count().complete() ? "" : ">= ")
                    .append(r.count().regions()).append(probabilisticNote(r.count()))
                    .append(r.agreesWithKnownCount() ? "" : " (reference says " + r.knownRegions() + "!)").append(" |");
            for (RegionBound bound : r.bounds()) {
                out.append(' ').append(bound.log10() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", bound.log10() - r.countLog10())).append(" |");
            }
            out.append(' ').append(String.join(", ", r.tightest())).append(" |\n");
        }
        out.append("\nTightest bound by group: on how many networks each bound is tightest (ties counted for each), ")
                .append("on how many it is strictly below every other bound, and the median log10(bound / count) of ")
                .append("the tightest:\n\n| group | networks | tightest | strictly tightest | median |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        Map<String, List<TightnessResult>> groups = new LinkedHashMap<>();
        for (TightnessResult r : results) {
            groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<TightnessResult>> group : groups.entrySet()) {
            Map<String, Integer> wins = new LinkedHashMap<>();
            Map<String, Integer> alone = new LinkedHashMap<>();
            List<Double> gaps = new ArrayList<>();
            for (TightnessResult r : group.getValue()) {
                for (String name : r.tightest()) {
                    wins.merge(name, 1, Integer::sum);
                }
                if (r.tightest().size() == 1) {
                    alone.merge(r.tightest().get(0), 1, Integer::sum);
                }
                RegionBound best = r.bounds().stream().filter(b -> r.tightest().contains(b.name())).findFirst().orElseThrow();
                gaps.add(best.log10() - r.countLog10());
            }

            gaps.sort(Double::compare);
            double median = gaps.size() % 2 == 1 ? gaps.get(gaps.size() / 2)
                    : (gaps.get(gaps.size() / 2 - 1) + gaps.get(gaps.size() / 2)) / 2;
            out.append("| ").append(group.getKey()).append(" | ").append(group.getValue().size()).append(" | ")
                    .append(tally(wins)).append(" | ").append(alone.isEmpty() ? "none" : tally(alone)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", median)).append(" |\n");
        }
        return out.toString();
    }

    /** "a 3, b 1": the counts, largest first. */
    private static String tally(Map<String, Integer> counts) {
        List<String> entries = new ArrayList<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> entries.add(e.getKey() + " " + e.getValue()));
        return String.join(", ", entries);
    }

    private static List<Path> plots(Path folder, Table table, List<TightnessResult> results) {
        List<Path> written = new ArrayList<>();
        List<String> familyGroups = FAMILIES.stream().map(Family::group).toList();
        Table files = filter(table, results, r -> !familyGroups.contains(r.group()));
        Table families = filter(table, results, r -> familyGroups.contains(r.group()));
        if (!files.rows().isEmpty()) {
            written.add(ratioChart(folder.resolve("tightness-networks.png"), files,
                    "Bound / count: shipped, trained and reference networks"));
        }
        if (!families.rows().isEmpty()) {
            written.add(ratioChart(folder.resolve("tightness-families.png"), families,
                    "Bound / count: random networks (R^n0)"));
        }
        for (Family family : FAMILIES) {
            List<TightnessResult> members = results.stream().filter(r -> r.group().equals(family.group())).toList();
            if (members.size() >= 2) {
                Path file = folder.resolve(family.file());
                againstParameter(family, members).write(file, 1000, 700);
                written.add(file);
            }
        }
        return written;
    }

    private static Path ratioChart(Path file, Table table, String title) {
        Picture picture = Tightness.chart(table, true).withTitle(title)
                .withSubtitle("no bar: the bound equals the count, or has no value");
        int networks = (int) table.rows().stream().map(row -> row.get(0)).distinct().count();
        picture.write(file, Math.max(1000, 90 * networks), 700);
        return file;
    }

    private static Table filter(Table table, List<TightnessResult> results, java.util.function.Predicate<TightnessResult> keep) {
        List<String> names = results.stream().filter(keep).map(TightnessResult::name).toList();
        int network = table.column("network");
        return new Table(table.file(), table.columns(),
                table.rows().stream().filter(row -> names.contains(row.get(network))).toList());
    }

    /**
     * The count and the bounds of one family against its parameter, on a log scale; bounds with the same
     * values on every member share one line ("serra2018 = hinz2019").
     */
    static Picture againstParameter(Family family, List<TightnessResult> members) {
        double[] xs = new double[members.size()];
        double[] counts = new double[members.size()];
        boolean complete = true;
        for (int i = 0; i < members.size(); i++) {
            xs[i] = family.parameter().applyAsInt(members.get(i));
            counts[i] = Math.max(1, members.get(i).count().regions());
            complete &= members.get(i).count().complete();
        }
        List<Charts.Line> lines = new ArrayList<>();
        lines.add(new Charts.Line(complete ? "region count" : "region count (some lower bounds)", xs, counts));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int b = 0; b < members.get(0).bounds().size(); b++) {
            double[] ys = new double[members.size()];
            boolean defined = true;
            for (int i = 0; i < members.size(); i++) {
                Double log10 = members.get(i).bounds().get(b).log10();
                defined &= log10 != null && log10 < 300;
                ys[i] = defined ? Math.pow(10, log10) : 0;
            }
            if (!defined) {
                continue;
            }
            String name = members.get(0).bounds().get(b).name();
            String same = series.entrySet().stream().filter(e -> java.util.Arrays.equals(e.getValue(), ys))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (same != null) {
                series.put(same + " = " + name, series.remove(same));
            } else {
                series.put(name, ys);
            }
        }
        series.forEach((name, ys) -> lines.add(new Charts.Line(name, xs, ys)));
        TightnessResult first = members.get(0);
        String fixed = switch (family.group()) {
            case "depth" -> first.network().hiddenNeurons() + " hidden neurons, n0 = " + first.network().inputDimension();
            case "width" -> first.network().hiddenWidths().size() + " hidden layers, n0 = " + first.network().inputDimension();
            default -> "hidden widths " + first.network().hiddenWidths();
        };
        String where = first.domain().type().equals("whole-space") ? "in R^n0" : "in " + first.domain().type();
        return Charts.lines("Regions and bounds against " + family.axis(), family.axis(), "number of regions", lines,
                true).withSubtitle(fixed + ", " + where + "; bounds with equal values share a line");
    }

    private static String shortDomain(TightnessResult r) {
        return r.domain().type().equals("whole-space") ? "R^" + r.domain().dimension() : r.domain().description();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
