package course.kernel;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A display bundle as the kernel sends it: JSON types as JSON values, not as strings holding JSON. */
final class WireBundles {
    private WireBundles() {
    }

    /** The bundle with the JSON text of JSON types parsed (nbconvert drops JSON sent as a string). */
    static Map<String, Object> forWire(Map<String, Object> bundle) {
        Map<String, Object> wire = new LinkedHashMap<>();
        bundle.forEach((mime, data) -> wire.put(mime, jsonAware(mime, data)));
        return wire;
    }

    private static Object jsonAware(String mime, Object data) {
        if (data instanceof String text && (mime.endsWith("/json") || mime.endsWith("+json"))) {
            try {
                return new JsonParser().parse(text);
            } catch (JsonSyntaxException e) {
                throw new IllegalArgumentException("the " + mime + " output is not valid JSON: " + e.getMessage(), e);
            }
        }
        return data;
    }
}
