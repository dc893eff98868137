package course.kernel;

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
 * Turns any object into a Jupyter display bundle: always {@code text/plain}, plus what is known of
 * it, in this order: a renderer registered for its type ({@link Renderers}); else its own public
 * {@code Map<String, ?> mimeBundle()} method (the Java counterpart of IPython's
 * {@code _repr_mimebundle_}, for classes that need no dependency on the kernel); else
 * {@code image/png} for an image. JSON types travel as given here; the kernel parses JSON text
 * when it sends the bundle.
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
        Map<?, ?> offered = value instanceof MimeBundle ready ? ready.mimeBundle() : Renderers.render(value);
        if (offered == null) {
            offered = offeredBundle(value);
        }
        if (offered != null) {
            offered.forEach((mime, data) -> bundle.put(String.valueOf(mime), encoded(data)));
        } else if (value instanceof RenderedImage image) {
            bundle.put("image/png", png(image));
            bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        }
        bundle.putIfAbsent("text/plain", plainText(value));
        return bundle;
    }

    /**
     * The bundle restricted to the given MIME types, in IJava's sense of "render as": the types the
     * value offers, and for a string any text type asked for, the string itself being the data
     * ({@code display("<b>bold</b>", "text/html")}). text/plain is always kept as the fallback.
     */
    static Map<String, Object> bundle(Object value, String... mimeTypes) {
        Map<String, Object> full = bundle(value);
        if (mimeTypes == null || mimeTypes.length == 0) {
            return full;
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(mimeTypes));
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String mime : wanted) {
            if (mime == null || mime.isBlank()) {
                throw new IllegalArgumentException("a MIME type is " + (mime == null ? "null" : "blank")
                        + ": name types such as \"text/html\" or \"image/png\"");
            }
            if (full.containsKey(mime)) {
                chosen.put(mime, full.get(mime));
            } else if (value instanceof CharSequence text && isTextual(mime)) {
                chosen.put(mime, text.toString());
            }
        }
        if (chosen.isEmpty()) {
            String kind = value == null ? "null" : "a " + value.getClass().getSimpleName();
            throw new IllegalArgumentException(kind + " offers " + full.keySet() + ", none of " + wanted
                    + (value instanceof CharSequence ? " (a string can also be shown as any text type, e.g. text/html,"
                    + " text/markdown, text/latex, image/svg+xml, application/javascript, application/json)" : "")
                    + ": ask for one of those");
        }
        chosen.putIfAbsent("text/plain", full.get("text/plain"));
        return chosen;
    }

    /** Types whose data is text, so a string can be their data as it is. */
    static boolean isTextual(String mime) {
        return mime.startsWith("text/") || mime.endsWith("+json") || mime.endsWith("+xml")
                || mime.equals("application/json") || mime.equals("application/javascript");
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

    /** Bytes travel base64-encoded, as Jupyter expects binary data (PNG, ...). */
    private static Object encoded(Object data) {
        return data instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : data;
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
