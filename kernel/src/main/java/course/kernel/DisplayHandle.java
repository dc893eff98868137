package course.kernel;

/**
 * What {@link Notebook#display} returns: the id of the output it created, to be passed to
 * {@link Notebook#updateDisplay}. The kernel never shows a handle as a cell's result, so a cell
 * ending in {@code display(x)} shows {@code x} once and no stray {@code Out[n]}.
 */
public record DisplayHandle(String id) {
    @Override
    public String toString() {
        return id;
    }
}
