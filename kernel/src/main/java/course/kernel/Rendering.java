package course.kernel;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import course.display.TableView;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns any object into a Jupyter display bundle: always {@code text/plain}, plus what the object
 * offers. An object offers richer types by having a public {@code Map<String, ?> mimeBundle()}
 * method (the Java counterpart of IPython's {@code _repr_mimebundle_}); {@code lib} needs no
 * dependency on the kernel for that. Images become {@code image/png}; tablesaw tables are shown by
 * {@link TableView}.
 */
final class Rendering {
    private Rendering() {
    }

    static Map<String, Object> bundle(Object value) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (value == null) {
            bundle.put("text/plain", "null");
            return bundle;
        }
        Map<?, ?> offered = offeredBundle(value);
        if (offered == null) {
            // Types the course library knows how to show without a mimeBundle() of their own (tablesaw tables).
            offered = TableView.bundleFor(value);
        }
        if (offered != null) {
            offered.forEach((mime, data) -> bundle.put(String.valueOf(mime), jsonAware(String.valueOf(mime), data)));
        } else if (value instanceof RenderedImage image) {
            bundle.put("image/png", png(image));
            bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        }
        bundle.putIfAbsent("text/plain", plainText(value));
        return bundle;
    }

    /** The bundle restricted to the given MIME types (text/plain is kept as the fallback). */
    static Map<String, Object> bundle(Object value, String... mimeTypes) {
        Map<String, Object> full = bundle(value);
        if (mimeTypes == null || mimeTypes.length == 0) {
            return full;
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(mimeTypes));
        Map<String, Object> chosen = new LinkedHashMap<>();
        full.forEach((mime, data) -> {
            if (wanted.contains(mime)) {
                chosen.put(mime, data);
            }
        });
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("the object offers " + full.keySet() + ", none of " + wanted);
        }
        chosen.putIfAbsent("text/plain", full.get("text/plain"));
        return chosen;
    }

    static String plainText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            return Arrays.deepToString(new Object[]{value}).replaceAll("^\\[|]$", "");
        }
        return String.valueOf(value);
    }

    private static Map<?, ?> offeredBundle(Object value) {
        Method method;
        try {
            method = value.getClass().getMethod("mimeBundle");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Map.class.isAssignableFrom(method.getReturnType())) {
            return null;
        }
        try {
            method.setAccessible(true);
            return (Map<?, ?>) method.invoke(value);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("rendering " + value.getClass().getName() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** JSON types must travel as JSON objects, not as strings holding JSON (nbconvert drops those). */
    private static Object jsonAware(String mime, Object data) {
        if (data instanceof String text && (mime.endsWith("json") || mime.endsWith("+json"))) {
            try {
                return new JsonParser().parse(text);
            } catch (JsonSyntaxException e) {
                throw new IllegalArgumentException("the " + mime + " output is not valid JSON: " + e.getMessage(), e);
            }
        }
        if (data instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return data;
    }

    static String png(RenderedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
