package course.kernel;

import java.util.Map;

/**
 * What {@link Notebook} needs from a running kernel: the kernel attaches itself with
 * {@link Notebook#attach}. Package-private: cells and libraries only see {@link Notebook}.
 */
interface Frontend {
    /** True while a cell runs, so outputs go to the notebook. */
    boolean isExecuting();

    /** Publishes a new output; returns its display id (a new String object for every call). */
    String publishDisplay(Map<String, Object> bundle);

    void publishUpdate(String displayId, Map<String, Object> bundle);

    void publishClearOutput(boolean wait);

    void addPagePayload(Map<String, Object> bundle);
}
