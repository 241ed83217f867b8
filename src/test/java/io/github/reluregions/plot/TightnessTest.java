package io.github.reluregions.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.reluregions.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TightnessTest {
    /** A tightness table in the documented schema (also used by the CLI tests). */
    public static final String CSV = String.join("\n",
            "network,bound,value_log10,count,count_log10,complete",
            "small,trivial,4.816,97,1.987,true",
            "small,raghu2017,,97,1.987,true",
            "small,serra2018,2.5,97,1.987,true",
            "big,trivial,28.9,1234,3.091,false",
            "big,serra2018,12.0,1234,3.091,false", "");

    @TempDir
    Path tmp;

    private Table table(String text) throws IOException {
        return Table.read(Files.writeString(tmp.resolve("t.csv"), text));
    }

    @Test
    void boundsThenTheCountPerNetworkWithIncompleteCountsMarked() throws IOException {
        CategoryDataset data = Tightness.chart(table(CSV), false).chart().getCategoryPlot().getDataset();
        assertEquals(List.of("trivial", "serra2018", "count"), data.getRowKeys(), "a bound that does not apply has no bar");
        assertEquals(List.of("small", "big (count incomplete)"), data.getColumnKeys());
        assertEquals(1.987, data.getValue("count", "small").doubleValue());
        assertEquals(12.0, data.getValue("serra2018", "big (count incomplete)").doubleValue());
    }

    @Test
    void ratiosAreBoundsOverTheCount() throws IOException {
        CategoryDataset data = Tightness.chart(table(CSV), true).chart().getCategoryPlot().getDataset();
        assertEquals(List.of("trivial", "serra2018"), data.getRowKeys());
        assertEquals(4.816 - 1.987, data.getValue("trivial", "small").doubleValue(), 1e-12);
    }

    @Test
    void theSchemaIsChecked() throws IOException {
        assertThrows(InvalidInputException.class,
                () -> Tightness.chart(table("network,bound,value_log10,count,count_log10\nn,b,1,2,0.3\n"), false));
        assertThrows(InvalidInputException.class, () -> Tightness.chart(
                table("network,bound,value_log10,count,count_log10,complete\nn,b,1,2,0.3,maybe\n"), false));
        assertThrows(InvalidInputException.class, () -> Tightness.chart(
                table("network,bound,value_log10,count,count_log10,complete\nn,b,,2,0.3,true\n"), true));
    }
}
