package course.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout's JSON has one key order, the written one, so two runs' HTML differ only in what changed. */
class ChartsLayoutOrderTest {
    @SuppressWarnings("unchecked")
    private static List<String> keys(Object map) {
        return List.copyOf(((Map<String, Object>) map).keySet());
    }

    @Test
    void nestedLayoutMapsKeepTheirWrittenOrder() {
        Map<String, Object> layout = Charts.layout("Loss", 640, 400);
        assertEquals(List.of("text", "x", "xanchor", "y", "yanchor", "font"), keys(layout.get("title")));
        assertEquals(List.of("family", "size"), keys(layout.get("font")));
        assertEquals(List.of("l", "r", "t", "b"), keys(layout.get("margin")));
    }

    @Test
    void theLayoutJsonIsTheSameTextEveryTime() {
        String json = Json.write(Charts.layout("Loss", 640, 400), 6);
        assertTrue(json.indexOf("\"l\"") < json.indexOf("\"r\"") && json.indexOf("\"r\"") < json.indexOf("\"b\""), json);
        assertTrue(json.indexOf("\"text\"") < json.indexOf("\"xanchor\"") && json.indexOf("\"xanchor\"") < json.indexOf("\"yanchor\""), json);
        assertEquals(json, Json.write(Charts.layout("Loss", 640, 400), 6));
    }

    @Test
    void orderedRefusesUnpairedArgumentsAndRepeatedKeys() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> Charts.ordered("a", 1, "b"));
        assertTrue(odd.getMessage().contains("pairs"), odd.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Charts.ordered("a", 1, "a", 2));
        assertTrue(twice.getMessage().contains("'a' is given twice"), twice.getMessage());
    }
}
