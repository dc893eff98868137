package course.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The course kernel's {@code display}/{@code updateDisplay}, reached by reflection so that lib has
 * no dependency on the kernel: in a notebook cell they create and replace an output; anywhere else
 * (plain Java, tests, a terminal) {@link #inNotebook()} is false.
 */
final class Live {
    private static final String NOTEBOOK = "course.kernel.Notebook";
    private static volatile Method isLive;
    private static volatile Method display;
    private static volatile Method update;
    private static volatile boolean looked;

    private Live() {
    }

    private static void lookUp() {
        if (looked) {
            return;
        }
        try {
            Class<?> notebook = Class.forName(NOTEBOOK, false, Live.class.getClassLoader());
            isLive = notebook.getMethod("isLive");
            display = notebook.getMethod("display", Object.class);
            update = notebook.getMethod("updateDisplay", String.class, Object.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            isLive = null;
        }
        looked = true;
    }

    /** True while a notebook cell is running in the course kernel. */
    static boolean inNotebook() {
        lookUp();
        return isLive != null && (Boolean) call(isLive);
    }

    /** Shows the value as a new output; returns the display id. */
    static String display(Object value) {
        lookUp();
        return String.valueOf(call(display, value));
    }

    /** Replaces the output with this display id. */
    static void update(String displayId, Object value) {
        lookUp();
        call(update, displayId, value);
    }

    private static Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
