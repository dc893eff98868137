package course.kernel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a cell can call to show things, imported statically into every cell:
 * {@code display(x)}, {@code display(x, "text/html")}, {@code updateDisplay(handle, y)},
 * {@code render(x, "image/png")}, {@code clearOutput()}, {@code page(x)}.
 *
 * <p>Outside a running kernel (plain Java, unit tests) every call falls back to printing the
 * object's text form, so code that uses it still runs.
 */
public final class Notebook {
    private static final AtomicInteger FALLBACK_IDS = new AtomicInteger();

    private Notebook() {
    }

    /** True while a cell is running in the course kernel (so outputs go to the notebook, not to stdout). */
    public static boolean isLive() {
        CourseKernel kernel = CourseKernel.current();
        return kernel != null && kernel.isExecuting();
    }

    /** Shows {@code value} as a new output below the cell; returns the handle to update it later. */
    public static DisplayHandle display(Object value) {
        return display(value, new String[0]);
    }

    /** Shows {@code value} with only the given MIME types (text/plain is always kept). */
    public static DisplayHandle display(Object value, String... mimeTypes) {
        Map<String, Object> bundle = Rendering.bundle(value, mimeTypes);
        CourseKernel kernel = CourseKernel.current();
        if (kernel == null || !kernel.isExecuting()) {
            System.out.println(bundle.get("text/plain"));
            return new DisplayHandle("display-fallback-" + FALLBACK_IDS.incrementAndGet());
        }
        return kernel.publishDisplay(bundle);
    }

    /** Replaces the output created by {@link #display} in place (progress bars, live figures). */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        if (handle == null) {
            throw new IllegalArgumentException("updateDisplay needs the handle that display(...) returned, got null");
        }
        updateDisplay(handle.id(), value);
    }

    /** Replaces the output with this display id in place. */
    public static void updateDisplay(String displayId, Object value) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs a display id, as returned by display(...)");
        }
        Map<String, Object> bundle = Rendering.bundle(value);
        CourseKernel kernel = CourseKernel.current();
        if (kernel == null || !kernel.isExecuting()) {
            System.out.println(bundle.get("text/plain"));
            return;
        }
        kernel.publishUpdate(displayId, bundle);
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
        return new MimeBundle(java.util.Map.of("text/html", html, "text/plain", html.replaceAll("<[^>]*>", "")));
    }

    /** Markdown (with LaTeX) to show as formatted text. */
    public static MimeBundle markdown(String markdown) {
        if (markdown == null) {
            throw new IllegalArgumentException("markdown(...) needs a string, got null");
        }
        return new MimeBundle(java.util.Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output, now or (wait = true) just before the next output arrives. */
    public static void clearOutput(boolean wait) {
        CourseKernel kernel = CourseKernel.current();
        if (kernel != null && kernel.isExecuting()) {
            kernel.publishClearOutput(wait);
        }
    }

    /** Sends {@code value} to the notebook's pager (the panel for long help texts). */
    public static void page(Object value) {
        Map<String, Object> bundle = Rendering.bundle(value);
        CourseKernel kernel = CourseKernel.current();
        if (kernel == null || !kernel.isExecuting()) {
            System.out.println(bundle.get("text/plain"));
            return;
        }
        kernel.addPagePayload(bundle);
    }
}
