package course.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON types leave the kernel as JSON values: nbconvert drops JSON sent as a string. */
class WireBundlesTest {
    private static Map<String, Object> bundle(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void jsonStringsBecomeJsonElements() {
        Map<String, Object> wire = WireBundles.forWire(bundle(
                "application/json", "{\"a\": [1, 2], \"b\": \"text\"}",
                "application/vnd.course+json", "[true, null]",
                "text/html", "{\"not\": \"parsed\"}"));
        JsonObject json = assertInstanceOf(JsonObject.class, wire.get("application/json"));
        assertEquals(2, json.getAsJsonArray("a").get(1).getAsInt());
        assertEquals("text", json.get("b").getAsString());
        JsonElement vendor = assertInstanceOf(JsonElement.class, wire.get("application/vnd.course+json"));
        assertEquals(2, vendor.getAsJsonArray().size());
        assertEquals("{\"not\": \"parsed\"}", wire.get("text/html"), "only JSON types are parsed");
    }

    @Test
    void jsonThatIsNotAStringIsKept() {
        Map<String, Object> data = Map.of("k", 1);
        assertSame(data, WireBundles.forWire(bundle("application/json", data)).get("application/json"));
    }

    @Test
    void invalidJsonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireBundles.forWire(bundle("application/json", "{\"a\": [1, 2")));
        assertTrue(e.getMessage().contains("application/json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WireBundles.forWire(bundle("application/json", "{\"a\": 1} trailing")));
    }

    @Test
    void aStringShownAsJsonIsParsedToo() {
        Map<String, Object> wire = WireBundles.forWire(Rendering.bundle("{\"x\": 3}", "application/json"));
        assertEquals(3, assertInstanceOf(JsonObject.class, wire.get("application/json")).get("x").getAsInt());
        assertEquals("{\"x\": 3}", wire.get("text/plain"));
    }
}
