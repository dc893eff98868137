package course.kernel;

import java.util.Map;

/**
 * How values of one type are shown in a notebook: the display bundle (MIME type to data) of a value,
 * e.g. {@code p -> Map.of("text/html", "<b>" + p.x() + "</b>")}. Register it with
 * {@link Renderers#register}. The bundle may leave out {@code text/plain}: the value's
 * {@code toString()} is added. Data is a {@code String} (JSON types may be JSON text), a
 * {@code byte[]} (sent base64-encoded, e.g. PNG bytes under {@code image/png}) or, for JSON types,
 * a {@code Map} or {@code List}.
 *
 * @param <T> the type of the values it renders
 */
@FunctionalInterface
public interface Renderer<T> {
    Map<String, ?> render(T value);
}
