package course.plot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void numbersAreShortAndRoundedToTheGivenDigits() {
        assertEquals("0", Json.number(0.0, 6));
        assertEquals("3", Json.number(3.0, 6));
        assertEquals("-12", Json.number(-12.0, 6));
        assertEquals("0.1", Json.number(0.1, 6));
        assertEquals("0.333333", Json.number(1.0 / 3, 6));
        assertEquals("1234570", Json.number(1234567.0 + 0.4, 6));
        assertEquals("1.23457E-7", Json.number(1.234567e-7, 6));
        assertEquals("2.5E+20", Json.number(2.5e20, 6));
        assertEquals("null", Json.number(Double.NaN, 6));
        assertEquals("null", Json.number(Double.POSITIVE_INFINITY, 6));
        // Every digit kept: the number reads back exactly.
        double third = 1.0 / 3;
        assertEquals(third, Double.parseDouble(Json.number(third, Json.ALL_DIGITS)));
        assertEquals(1e-300, Double.parseDouble(Json.number(1e-300, Json.ALL_DIGITS)));
        assertEquals("1000000", Json.number(1e6, 3));
    }

    @Test
    void writesNestedStructuresThatParseBack() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", Map.of("text", "loss"));
        map.put("x", new double[]{1, 2.5, Double.NaN});
        map.put("n", new int[]{3, 4});
        map.put("list", List.of("a", true, 7));
        map.put("nothing", null);
        map.put("args", Arrays.asList(null, Map.of("k", 1)));
        JsonObject parsed = new JsonParser().parse(Json.write(map, 6)).getAsJsonObject();
        assertEquals("loss", parsed.getAsJsonObject("title").get("text").getAsString());
        assertEquals(2.5, parsed.getAsJsonArray("x").get(1).getAsDouble());
        assertTrue(parsed.getAsJsonArray("x").get(2).isJsonNull());
        assertEquals(4, parsed.getAsJsonArray("n").get(1).getAsInt());
        assertTrue(parsed.getAsJsonArray("list").get(1).getAsBoolean());
        assertTrue(parsed.get("nothing").isJsonNull());
        assertTrue(parsed.getAsJsonArray("args").get(0).isJsonNull());
    }

    @Test
    void stringsCannotCloseTheScriptElementTheyAreIn() {
        String json = Json.write(Map.of("name", "</script><b>\"x\" & \\ \n\u2028"), 6);
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains(">"), json);
        assertFalse(json.contains("&"), json);
        assertFalse(json.contains("\u2028"), json);
        assertEquals("</script><b>\"x\" & \\ \n\u2028",
                new JsonParser().parse(json).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void unknownTypesAndBadDigitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object(), 6));
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.0, 18));
    }

    /** Map.of's iteration order changes between JVMs: unordered maps are written by key, ordered ones as given. */
    @Test
    void unorderedMapsAreWrittenByKeySoThatReRunsAreByteForByteTheSame() {
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", Json.write(Map.of("c", 3, "a", 1, "b", 2), 6));
        java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("z", 1);
        given.put("a", 2);
        assertEquals("{\"z\":1,\"a\":2}", Json.write(given, 6));
    }
}
