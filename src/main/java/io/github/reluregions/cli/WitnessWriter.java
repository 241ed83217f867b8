package io.github.reluregions.cli;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.count.RegionListener;
import io.github.reluregions.report.ReportWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams one JSON line per region to a file: {@code {"region":i,"radius":r,"point":[...],"pattern":"0110"}}
 * (the pattern one character per hidden neuron, layers separated by '|').
 */
final class WitnessWriter implements RegionListener, AutoCloseable {
    private final BufferedWriter out;
    private final int[] widths;

    WitnessWriter(Path file, java.util.List<Integer> widths) {
        try {
            this.out = Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the witness file " + file + ": " + e.getMessage());
        }
        this.widths = widths.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void onRegion(long index, double[] witness, double radius, boolean[] pattern) {
        StringBuilder bits = new StringBuilder(pattern.length + widths.length);
        int k = 0;
        for (int l = 0; l < widths.length; l++) {
            if (l > 0) {
                bits.append('|');
            }
            for (int i = 0; i < widths[l]; i++) {
                bits.append(pattern[k++] ? '1' : '0');
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("region", index);
        line.put("radius", radius);
        line.put("point", witness);
        line.put("pattern", bits.toString());
        try {
            out.write(ReportWriter.toJsonLine(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
