package course.kernel;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a redeclaration did to the rest of the session, said in the cell's output. A redeclaration
 * that keeps the shape of a class (only bodies change) redefines it in place and loses nothing
 * ({@link CapturingExecutionControl}). Otherwise JShell re-creates a variable whose type was
 * replaced (its value becomes 0 or null), or drops it when the new type no longer fits. Values
 * computed with a method that has since been redefined keep the old result. JShell reports the
 * first two as update events; the kernel turns them into notes instead of silence.
 *
 * <p>One collector serves one cell. Notes are given at the cell's end, and only for snippets still
 * in the state noted: re-running a cell that redefines a class and then its variables says nothing.
 */
final class SnippetUpdates {
    private record Pending(Snippet snippet, Snippet.Status status, String note) {
    }

    private final JShell shell;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<VarSnippet, MethodSnippet> staleValues = new LinkedHashMap<>();

    SnippetUpdates(JShell shell) {
        this.shell = shell;
    }

    /** Looks at one event of an evaluation (all of whose events are {@code events}). */
    void record(SnippetEvent event, List<SnippetEvent> events) {
        if (event.causeSnippet() != null) {
            noteDependentUpdate(shell, event).ifPresent(note -> pending.add(new Pending(event.snippet(), event.status(), note)));
        } else if (event.snippet() instanceof MethodSnippet method && replacedSomething(event, events)) {
            staleValuesOf(method).forEach(var -> staleValues.put(var, method));
        }
    }

    /** The notes still true now, at the end of the cell. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Pending p : pending) {
            if (shell.status(p.snippet()) == p.status()) {
                notes.add(p.note());
            }
        }
        Map<MethodSnippet, List<String>> byMethod = new LinkedHashMap<>();
        staleValues.forEach((var, method) -> {
            if (shell.status(var) == Snippet.Status.VALID) {
                byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(var.name());
            }
        });
        byMethod.forEach((method, names) -> notes.add(staleNote(method, names)));
        return notes;
    }

    /** A note for an update JShell made to an older snippet because of the one just evaluated. */
    static Optional<String> noteDependentUpdate(JShell shell, SnippetEvent update) {
        if (!(update.snippet() instanceof VarSnippet var) || update.previousStatus() != Snippet.Status.VALID) {
            return Optional.empty();
        }
        String because = describeCause(update.causeSnippet());
        return switch (update.status()) {
            case VALID -> Optional.of("note: " + var.name() + " was reset to " + defaultValueOf(var.typeName())
                    + " because " + because + " was redefined " + (update.causeSnippet() instanceof TypeDeclSnippet
                    ? "with other fields or methods, which replaces the class (a change of bodies only keeps values)"
                    : "in a way that replaces what depends on it (its type or signature changed)")
                    + "; run its declaration again to set it: " + firstLine(var.source()));
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED, REJECTED -> Optional.of("note: " + var.name()
                    + " is no longer defined because " + because + " was redefined and its declaration no longer fits;"
                    + " run its declaration again (changed as needed): " + firstLine(var.source()));
            default -> Optional.empty();
        };
    }

    /** Variables whose value was computed with the method just redefined: they keep the old result. */
    private List<VarSnippet> staleValuesOf(MethodSnippet method) {
        Pattern call = Pattern.compile("(?<![\\w$.])" + Pattern.quote(method.name()) + "\\s*\\(");
        return shell.variables()
                .filter(v -> shell.status(v) == Snippet.Status.VALID)
                .filter(v -> call.matcher(initializerOf(v)).find())
                .collect(Collectors.toList());
    }

    private static String staleNote(MethodSnippet method, List<String> names) {
        boolean one = names.size() == 1;
        return "note: " + String.join(", ", names) + (one ? " was" : " were") + " computed with the earlier "
                + method.name() + "(" + method.parameterTypes() + ") and " + (one ? "keeps its value" : "keep their values")
                + "; run " + (one ? "its declaration" : "their declarations") + " again to recompute";
    }

    private static boolean replacedSomething(SnippetEvent event, List<SnippetEvent> events) {
        return events.stream().anyMatch(e -> e.causeSnippet() == event.snippet()
                && e.status() == Snippet.Status.OVERWRITTEN && e.snippet() instanceof MethodSnippet);
    }

    /** The text after the variable's '=' (its initializer), or "" for a declaration without one. */
    private static String initializerOf(VarSnippet var) {
        String source = var.source();
        int equals = source.indexOf('=');
        return equals < 0 ? "" : source.substring(equals + 1);
    }

    private static String describeCause(Snippet cause) {
        if (cause instanceof TypeDeclSnippet type) {
            return "its type " + type.name();
        }
        if (cause instanceof MethodSnippet method) {
            return "method " + method.name();
        }
        if (cause instanceof VarSnippet var) {
            return "variable " + var.name();
        }
        return "a declaration it depends on";
    }

    static String defaultValueOf(String typeName) {
        return switch (typeName) {
            case "int", "long", "short", "byte" -> "0";
            case "double", "float" -> "0.0";
            case "boolean" -> "false";
            case "char" -> "'\\0'";
            default -> "null";
        };
    }

    private static String firstLine(String source) {
        String line = source.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline) + " ...";
    }
}
