package course.kernel;

/**
 * A display id held as a value: {@code updateDisplay(handle, x)} accepts it, as it accepts the
 * {@code String} id that {@link Notebook#display} returns. The kernel never shows a handle as a
 * cell's result.
 */
public record DisplayHandle(String id) {
    @Override
    public String toString() {
        return id;
    }
}
