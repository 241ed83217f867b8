package io.github.reluregions.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.reluregions.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void csvCellsMayBeQuotedWithCommasQuotesAndLineBreaks() throws IOException {
        Table table = Table.read(write("t.csv", "name,value\r\n\"a, \"\"quoted\"\"\nname\",1.5\nplain,\n"));
        assertEquals(List.of("name", "value"), table.columns());
        assertEquals("a, \"quoted\"\nname", table.rows().get(0).get(0));
        assertArrayEquals(new double[] {1.5}, table.numbers("value"), "empty cells are left out");
    }

    @Test
    void jsonArraysAndJsonLinesGiveTheUnionOfTheirFields() throws IOException {
        Table array = Table.read(write("t.json", "[{\"a\": 1, \"b\": true}, {\"b\": false, \"c\": [1, 2]}]"));
        assertEquals(List.of("a", "b", "c"), array.columns());
        assertEquals(List.of("", "false", "[1,2]"), array.rows().get(1));
        Table lines = Table.read(write("w.jsonl", "{\"region\":0,\"radius\":0.25}\n\n{\"region\":1,\"radius\":1e-6}\n"));
        assertArrayEquals(new double[] {0.25, 1e-6}, lines.numbers("radius"));
    }

    @Test
    void aHeaderIsOptionalOnlyWhereAllowed() throws IOException {
        Path file = write("p.csv", "0.5,1\n-1,2\n");
        Table points = Table.read(file, true);
        assertEquals(List.of("1", "2"), points.columns());
        assertEquals(2, points.rows().size());
        assertEquals(1, Table.read(file).rows().size(), "without the option the first row is the header");
    }

    @Test
    void problemsAreInputErrorsThatSayWhere() throws IOException {
        Path csv = write("t.csv", "a,b\n1,x\n");
        InvalidInputException notNumber = assertThrows(InvalidInputException.class, () -> Table.read(csv).numbers("b"));
        assertTrue(notNumber.getMessage().contains("Row 1") && notNumber.getMessage().contains("'x'"),
                notNumber.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> Table.read(csv).column("c"));
        assertTrue(missing.hint().contains("a, b"), missing.hint());
        assertThrows(InvalidInputException.class, () -> Table.read(write("long.csv", "a\n1,2\n")));
        assertThrows(InvalidInputException.class, () -> Table.read(write("q.csv", "a\n\"open\n")));
        assertThrows(InvalidInputException.class, () -> Table.read(write("o.json", "{\"a\": 1}")));
        assertThrows(InvalidInputException.class, () -> Table.read(write("bad.json", "[{\"a\": ")));
        assertThrows(InvalidInputException.class, () -> Table.read(tmp.resolve("missing.csv")));
    }
}
