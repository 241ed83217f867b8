package io.github.reluregions.io;

import io.github.reluregions.InvalidInputException;
import io.github.reluregions.model.Network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNetworkReaderTest {

    @Test
    void readsLayersInOrder() {
        Network net = JsonNetworkReader.parse("{\"layers\": [{\"weights\": [[1, 2], [3, 4]], \"biases\": [0.5, -1]},"
                + " {\"weights\": [[1, -1]], \"biases\": [2]}]}", "inline");
        assertEquals(2, net.inputDimension());
        assertEquals(1, net.hiddenLayerCount());
        assertEquals(4.0, net.hiddenLayer(0).weight(1, 1));
        assertEquals(-1.0, net.hiddenLayer(0).bias(1));
    }

    @Test
    void malformedJsonSaysWhereInPlainWords() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonNetworkReader.parse("{\"layers\": [ {\"weights\": [[1, 2]], \"biases\": [0] ", "bad.json"));
        assertTrue(e.getMessage().startsWith("The network file bad.json is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("(line 1, column"), e.getMessage());
        assertFalse(e.getMessage().contains("start marker"), e.getMessage());
        assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());
    }
}
