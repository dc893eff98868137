package course.kernel;

import java.util.List;

/**
 * A cell that did not run to the end, in the three parts Jupyter shows: the error's name, its
 * message and the traceback lines (already phrased for a learner: they point at cell lines).
 */
final class CellError extends Exception {
    private final String name;
    private final List<String> traceback;

    CellError(String name, String message, List<String> traceback) {
        super(message, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    String name() {
        return name;
    }

    List<String> traceback() {
        return traceback;
    }

    /** The same error with a sentence added to its message and traceback; none when note is null. */
    CellError withNote(String note) {
        if (note == null) {
            return this;
        }
        List<String> lines = new java.util.ArrayList<>(traceback);
        lines.add("note: " + note);
        return new CellError(name, getMessage() + " (" + note + ")", lines);
    }

    static CellError incomplete(String detail) {
        return new CellError("IncompleteCell", detail,
                List.of("IncompleteCell: " + detail));
    }

    static CellError interrupted() {
        String message = "the cell was stopped by an interrupt; variables from earlier cells are kept";
        return new CellError("Interrupted", message, List.of("Interrupted: " + message));
    }
}
