package course.kernel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a cell can call to show things, imported statically into every cell:
 * {@code String id = display(x)}, {@code display("<b>bold</b>", "text/html")},
 * {@code updateDisplay(id, y)}, {@code render(x, "image/png")}, {@code html(...)},
 * {@code markdown(...)}, {@code clearOutput()}, {@code page(x)}. How a type is shown can be
 * registered with {@link Renderers}.
 *
 * <p>Outside a running kernel (plain Java, unit tests) every call falls back to printing the
 * object's text form, so code that uses it still runs.
 */
public final class Notebook {
    private static final AtomicInteger FALLBACK_IDS = new AtomicInteger();
    private static volatile Frontend frontend;

    private Notebook() {
    }

    /** The kernel's hook; null detaches (tests). */
    static void attach(Frontend kernel) {
        frontend = kernel;
    }

    private static Frontend live() {
        Frontend kernel = frontend;
        return kernel != null && kernel.isExecuting() ? kernel : null;
    }

    /** True while a cell is running in the course kernel (so outputs go to the notebook, not to stdout). */
    public static boolean isLive() {
        return live() != null;
    }

    /**
     * Shows {@code value} as a new output below the cell; returns its display id for
     * {@link #updateDisplay(String, Object)}. A cell ending in {@code display(x)} shows {@code x}
     * once, with no {@code Out[n]} for the id.
     */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /**
     * Shows {@code value} as the given MIME types (text/plain is always kept), as IJava does:
     * the types the value offers, and for a string any text type, the string being its data:
     * {@code display("<b>bold</b>", "text/html")}.
     */
    public static String display(Object value, String... mimeTypes) {
        Map<String, Object> bundle = Rendering.bundle(value, mimeTypes);
        Frontend kernel = live();
        if (kernel == null) {
            System.out.println(bundle.get("text/plain"));
            return "display-fallback-" + FALLBACK_IDS.incrementAndGet();
        }
        return kernel.publishDisplay(bundle);
    }

    /** Replaces the output created by {@link #display} in place (progress bars, live figures). */
    public static void updateDisplay(String displayId, Object value) {
        updateDisplay(displayId, value, new String[0]);
    }

    /** Replaces the output with this display id, showing {@code value} as the given MIME types. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs a display id, as returned by display(...); got "
                    + (displayId == null ? "null" : "a blank string"));
        }
        Map<String, Object> bundle = Rendering.bundle(value, mimeTypes);
        Frontend kernel = live();
        if (kernel == null) {
            System.out.println(bundle.get("text/plain"));
            return;
        }
        kernel.publishUpdate(displayId, bundle);
    }

    /** The same for a {@link DisplayHandle} (the handle type earlier versions returned). */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        if (handle == null) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned, got null");
        }
        updateDisplay(handle.id(), value);
    }

    /** A bundle with only the chosen MIME types; as a cell's last expression it is shown that way. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return new MimeBundle(Rendering.bundle(value, mimeTypes));
    }

    /** HTML to show as it is: {@code display(html("<b>done</b>"))}, or as a cell's last expression. */
    public static MimeBundle html(String html) {
        if (html == null) {
            throw new IllegalArgumentException("html(...) needs a string, got null");
        }
        return new MimeBundle(Map.of("text/html", html, "text/plain", html.replaceAll("<[^>]*>", "")));
    }

    /** Markdown (with LaTeX) to show as formatted text. */
    public static MimeBundle markdown(String markdown) {
        if (markdown == null) {
            throw new IllegalArgumentException("markdown(...) needs a string, got null");
        }
        return new MimeBundle(Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output, now or (wait = true) just before the next output arrives. */
    public static void clearOutput(boolean wait) {
        Frontend kernel = live();
        if (kernel != null) {
            kernel.publishClearOutput(wait);
        }
    }

    /** Sends {@code value} to the notebook's pager (the panel for long help texts). */
    public static void page(Object value) {
        Map<String, Object> bundle = Rendering.bundle(value);
        Frontend kernel = live();
        if (kernel == null) {
            System.out.println(bundle.get("text/plain"));
            return;
        }
        kernel.addPagePayload(bundle);
    }
}
