package course.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ready display bundle (MIME type to data), as {@link Notebook#render} builds it. */
public final class MimeBundle {
    private final Map<String, Object> data;

    MimeBundle(Map<String, Object> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The duck-typed method the kernel looks for on any object: MIME type to data. */
    public Map<String, Object> mimeBundle() {
        return data;
    }

    @Override
    public String toString() {
        Object text = data.get("text/plain");
        return text == null ? "MimeBundle" + data.keySet() : text.toString();
    }
}
