package course.display;

import course.kernel.Notebook;

/**
 * The notebook's {@code display}/{@code updateDisplay} for lib's live outputs (progress bars): in a
 * course-kernel cell they create and replace an output; anywhere else (plain Java, tests, a
 * terminal) {@link #inNotebook()} is false. Through the kernel's small API, not the kernel itself.
 */
final class Live {
    private Live() {
    }

    /** True while a notebook cell is running in the course kernel. */
    static boolean inNotebook() {
        return Notebook.isLive();
    }

    /** Shows the value as a new output; returns the display id. */
    static String display(Object value) {
        return Notebook.display(value);
    }

    /** Replaces the output with this display id. */
    static void update(String displayId, Object value) {
        Notebook.updateDisplay(displayId, value);
    }
}
