package course.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates cells with JShell in this JVM: splits a cell into snippets, runs them in order, stops at
 * the first failure and phrases that failure with the cell's own line numbers.
 */
final class JShellEvaluator implements AutoCloseable {
    /** Imports every cell sees: JShell's usual ones and the notebook helpers (display, ...). */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.math.*;", "import java.nio.file.*;",
            // On demand, not single-type: a learner's own class named like one of them still wins.
            "import static course.kernel.Notebook.*;", "import course.kernel.*;");

    private static final Pattern TRAILING_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*$");

    /**
     * What code came from, as errors name it: a cell ("cell [3], line 2", "cell line 2") or a file
     * run by %load ("helpers.jsh, line 2", "helpers.jsh line 2").
     */
    record Place(String frame, String line, String subject, String inside) {
        static Place cell(int cell) {
            return new Place("cell [" + cell + "]", "cell line", "the cell", "this cell");
        }

        static Place file(String name) {
            return new Place(name, name + " line", name, name);
        }
    }

    /** Where a snippet's source came from, so stack frames and diagnostics can name a cell line. */
    private record Origin(Place place, int firstLine) {
    }

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    /** True while a cell runs: an interrupt is repeated until it ends (see {@link #stop()}). */
    private volatile boolean evaluating;
    static final long STOP_RETRY_MS = 100;

    JShellEvaluator(PrintStream out, PrintStream err) {
        CapturingExecutionControl.Provider provider = new CapturingExecutionControl.Provider();
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(out)
                .err(err)
                .compilerOptions("-Xlint:-deprecation,-removal")
                .build();
        control = provider.control();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String imp : DEFAULT_IMPORTS) {
            shell.eval(imp);
        }
    }

    /**
     * A value to show as the cell's result, or none (declarations, statements, void calls).
     * {@code computed}: the value of an expression such as a call, not of a variable named on its own.
     */
    record Result(boolean hasValue, Object value, boolean computed) {
        static final Result NONE = new Result(false, null, false);
    }

    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** A piece of the cell that JShell evaluates as one snippet, with the cell lines it spans. */
    record Chunk(String source, int firstLine, int lastLine) {
    }

    /**
     * Runs every snippet of the cell; returns the value of the last one if it is an expression. When
     * a snippet fails, the error says which of the cell's lines ran and which did not.
     */
    Result eval(String code, int cell) throws CellError {
        beginCell();
        try {
            return run(code, cell);
        } finally {
            endCell();
        }
    }

    /**
     * Starts a cell: an earlier interrupt is spent, one from now on stops this cell. The kernel calls
     * it before it looks for an interrupt that came while the cell waited, so none falls in between.
     */
    void beginCell() {
        stopRequested = false;
        StopCheck.clear();
        evaluating = true;
    }

    /** Runs the cell begun with {@link #beginCell()}. */
    Result run(String code, int cell) throws CellError {
        if (stopRequested) {
            throw CellError.interrupted();
        }
        return evalChunks(code, Place.cell(cell));
    }

    /** Runs a file's snippets (%load) inside the cell begun with {@link #beginCell()}; errors name the file's lines. */
    void runFile(String name, String source) throws CellError {
        if (stopRequested) {
            throw CellError.interrupted();
        }
        try {
            evalChunks(source, Place.file(name));
        } catch (CellError e) {
            throw e.withNote("%load " + name + " stopped there; the rest of the cell did not run");
        }
    }

    /** Ends the cell begun with {@link #beginCell()}: a late interrupt is no longer repeated. */
    void endCell() {
        evaluating = false;
    }

    private Result evalChunks(String code, Place place) throws CellError {
        List<Chunk> chunks = split(code, place);
        Result result = Result.NONE;
        SnippetUpdates updates = new SnippetUpdates(shell);
        try {
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                try {
                    result = evalSnippet(chunk.source(), place, chunk.firstLine(), updates);
                } catch (CellError error) {
                    throw error.withNote(progressNote(chunks, i, place));
                }
                if (stopRequested) {
                    throw CellError.interrupted();
                }
            }
        } finally {
            updates.notes().forEach(System.err::println);
        }
        return result;
    }

    /**
     * The cell cut into snippets, before any of it runs. JShell cannot split text it does not
     * understand ("int # = 2;"), and given several snippets at once it runs the first and ignores
     * the rest without a word: such text is cut at line ends instead, so each piece runs or fails
     * on its own.
     */
    List<Chunk> split(String code) throws CellError {
        return split(code, Place.cell(0));
    }

    private List<Chunk> split(String code, Place place) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<Chunk> chunks = new ArrayList<>();
        int consumed = 0;
        while (!code.substring(consumed).isBlank()) {
            String rest = code.substring(consumed);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                int line = lineOf(code, consumed + leadingWhitespace(rest));
                throw CellError.incomplete("the code from " + place.line() + " " + line
                        + " is not finished: a closing brace, parenthesis or the end of a statement is missing;"
                        + " nothing in " + place.inside() + " ran");
            }
            int length = rest.length() - info.remaining().length();
            String source = info.source();
            if (completeness == Completeness.UNKNOWN) {
                length = firstPieceByLines(rest);
                source = rest.substring(0, length);
            }
            if (source != null && !source.isBlank()) {
                int first = lineOf(code, consumed + leadingWhitespace(rest));
                int last = lineOf(code, consumed + length - trailingWhitespace(rest.substring(0, length)));
                // Without its leading blank lines, JShell numbers the snippet's lines from firstLine.
                chunks.add(new Chunk(source.stripLeading(), first, Math.max(first, last)));
            }
            consumed += Math.max(length, 1);
        }
        return chunks;
    }

    /**
     * Length of the first piece of text JShell could not classify: the shortest run of whole lines
     * that is either a complete snippet (then only that snippet) or not valid Java at all.
     */
    private int firstPieceByLines(String text) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int end = 0;
        while (end < text.length()) {
            int newline = text.indexOf('\n', end);
            end = newline < 0 ? text.length() : newline + 1;
            String prefix = text.substring(0, end);
            if (prefix.isBlank()) {
                continue;
            }
            CompletionInfo info = analysis.analyzeCompletion(prefix);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    // the snippet goes on in the next line
                }
                case UNKNOWN -> {
                    return end;
                }
                default -> {
                    return prefix.length() - info.remaining().length();
                }
            }
        }
        return text.length();
    }

    /**
     * Which snippets of the cell ran and which did not, for a cell stopped at chunk {@code failed}:
     * "the cell stopped at snippet 2 of 3 (line 2); snippet 1 (line 1) ran; snippet 3 (line 3) did not run".
     */
    private static String progressNote(List<Chunk> chunks, int failed, Place place) {
        if (chunks.size() == 1) {
            return null;  // the error's own cell line says it all
        }
        Chunk failing = chunks.get(failed);
        String note = place.subject() + " stopped at snippet " + (failed + 1) + " of " + chunks.size()
                + " (" + lines(failing.firstLine(), failing.lastLine()) + ")";
        if (failed > 0) {
            note += "; " + snippets(chunks, 0, failed - 1) + " ran";
        }
        if (failed < chunks.size() - 1) {
            note += "; " + snippets(chunks, failed + 1, chunks.size() - 1) + " did not run";
        }
        return note;
    }

    private static String snippets(List<Chunk> chunks, int first, int last) {
        String which = first == last ? "snippet " + (first + 1) : "snippets " + (first + 1) + "-" + (last + 1);
        return which + " (" + lines(chunks.get(first).firstLine(), chunks.get(last).lastLine()) + ")";
    }

    private static String lines(int first, int last) {
        return first == last ? "line " + first : "lines " + first + "-" + last;
    }

    private Result evalSnippet(String source, Place place, int firstLine, SnippetUpdates updates) throws CellError {
        List<SnippetEvent> events = shell.eval(source);
        Result result = Result.NONE;
        for (SnippetEvent event : events) {
            updates.record(event, events);
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(place, firstLine));
            if (stopRequested) {
                throw CellError.interrupted();
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, place, firstLine);
            }
            if (event.exception() != null) {
                CellError error = runtimeError(event.exception());
                boolean declared = snippet instanceof VarSnippet && snippet.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                throw declared ? error.withNote(dropFailedVariable((VarSnippet) snippet, events)) : error;
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                warnUnresolved(snippet);
            }
            result = valueOf(snippet);
        }
        return result;
    }

    /**
     * A declaration whose initializer threw leaves no variable behind, as in Python: JShell would
     * keep it with its default value (0, null), which reads like a result.
     */
    private String dropFailedVariable(VarSnippet var, List<SnippetEvent> events) {
        shell.drop(var);
        boolean replaced = events.stream().anyMatch(e -> e.causeSnippet() == var && e.status() == Snippet.Status.OVERWRITTEN
                && e.snippet() instanceof VarSnippet old && old.name().equals(var.name()));
        return var.name() + " is not defined: its initializer failed"
                + (replaced ? " (the earlier " + var.name() + " was already replaced by this declaration)" : "");
    }

    private Result valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet var && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return read(var, true);
        }
        if (snippet instanceof ExpressionSnippet expression) {
            // `x` or `x = 5`: show the variable's value.
            return shell.variables()
                    .filter(v -> v.name().equals(expression.name()))
                    .reduce((first, second) -> second)
                    .map(v -> read(v, false))
                    .orElse(Result.NONE);
        }
        return Result.NONE;
    }

    private Result read(VarSnippet var, boolean computed) {
        shell.varValue(var);
        Object value = control.takeLastValue();
        return value == CapturingExecutionControl.NO_VALUE ? Result.NONE : new Result(true, value, computed);
    }

    private void warnUnresolved(Snippet snippet) {
        List<String> missing = switch (snippet.kind()) {
            case METHOD -> shell.unresolvedDependencies((MethodSnippet) snippet).toList();
            case TYPE_DECL -> shell.unresolvedDependencies((TypeDeclSnippet) snippet).toList();
            case VAR -> shell.unresolvedDependencies((VarSnippet) snippet).toList();
            default -> List.of();
        };
        if (!missing.isEmpty()) {
            System.err.println("note: " + describe(snippet) + " was declared, but cannot be used until "
                    + String.join(", ", missing) + " is declared");
        }
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (snippet instanceof TypeDeclSnippet t) {
            return "type " + t.name();
        }
        if (snippet instanceof VarSnippet v) {
            return "variable " + v.name();
        }
        return "snippet";
    }

    private CellError compileError(Snippet snippet, Place place, int firstLine) {
        String source = snippet.source();
        List<String> lines = new ArrayList<>();
        String firstMessage = null;
        for (Diag diag : shell.diagnostics(snippet).toList()) {
            if (!diag.isError()) {
                continue;
            }
            // JShell wraps snippets in a synthetic class; "location: class" names nothing useful.
            String message = diag.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*$", "");
            long position = Math.max(0, diag.getStartPosition());
            // The snippet's source may keep the blank lines before it: they belong to firstLine already.
            int lineInSnippet = lineOf(source, (int) Math.min(position, source.length()))
                    - (lineOf(source, leadingWhitespace(source)) - 1);
            int lineInCell = firstLine + lineInSnippet - 1;
            if (firstMessage == null) {
                firstMessage = firstLineOf(message) + " (" + place.line() + " " + lineInCell + ")";
            }
            lines.add(place.line() + " " + lineInCell + ": " + message);
            int sourceLine = lineOf(source, (int) Math.min(position, source.length()));
            String text = lineText(source, sourceLine);
            int column = (int) Math.min(position, source.length()) - lineStart(source, sourceLine);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, column)) + "^");
        }
        if (firstMessage == null) {
            firstMessage = "the snippet starting at " + place.line() + " " + firstLine + " was rejected";
            lines.add(firstMessage);
        }
        return new CellError("CompilationError", firstMessage, lines);
    }

    private CellError runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet snippet = unresolved.getSnippet();
            String message = describe(snippet) + " cannot run yet: it uses "
                    + String.join(", ", unresolvedOf(snippet)) + ", which is not declared";
            return new CellError("UnresolvedReference", message, List.of("UnresolvedReference: " + message));
        }
        String name = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> traceback = new ArrayList<>();
        traceback.add(name + (message.isEmpty() ? "" : ": " + message));
        appendFrames(exception, traceback);
        Throwable cause = exception.getCause();
        Set<Throwable> seen = new LinkedHashSet<>();
        while (cause != null && seen.add(cause)) {
            String causeName = cause instanceof EvalException eval ? eval.getExceptionClassName() : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause, traceback);
            cause = cause.getCause();
        }
        return new CellError(simpleName(name), message, traceback);
    }

    private List<String> unresolvedOf(Snippet snippet) {
        return switch (snippet.kind()) {
            case METHOD -> shell.unresolvedDependencies((MethodSnippet) snippet).toList();
            case TYPE_DECL -> shell.unresolvedDependencies((TypeDeclSnippet) snippet).toList();
            case VAR -> shell.unresolvedDependencies((VarSnippet) snippet).toList();
            default -> List.of("an undeclared name");
        };
    }

    /** Frames of the user's code become "cell N, line L"; the kernel's own frames are dropped. */
    private void appendFrames(Throwable throwable, List<String> traceback) {
        List<String> frames = new ArrayList<>();
        collectFrames(throwable, frames);
        traceback.addAll(FrameRuns.collapse(frames));
    }

    private void collectFrames(Throwable throwable, List<String> traceback) {
        for (StackTraceElement frame : throwable.getStackTrace()) {
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                Origin origin = origins.get(file.substring(1));
                String where = origin != null
                        ? origin.place().frame() + ", line " + (origin.firstLine() + frame.getLineNumber() - 1)
                        : "snippet " + file + ", line " + frame.getLineNumber();
                boolean topLevel = frame.getMethodName().isEmpty() || frame.getMethodName().startsWith("do_it$");
                traceback.add("    at " + (topLevel ? where : frame.getMethodName() + " (" + where + ")"));
                continue;
            }
            String className = frame.getClassName();
            if (className.startsWith("jdk.jshell.") || className.startsWith("jdk.internal.reflect.")
                    || className.startsWith("java.lang.reflect.") || className.startsWith("REPL.")) {
                // Once the stack reaches the evaluator, the rest is the kernel, not the learner's code.
                if (className.startsWith("jdk.jshell.")) {
                    break;
                }
                continue;
            }
            traceback.add("    at " + frame);
        }
    }

    // ---- completion, inspection, completeness -------------------------------------------------

    /** Completions at the cursor: the replacement start and the candidate texts. */
    record Completions(int start, List<String> matches) {
    }

    Completions complete(String code, int cursor) {
        int snippetStart = snippetStart(code, cursor);
        String snippet = code.substring(snippetStart, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.sourceCodeAnalysis().completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(snippetStart + anchor[0], new ArrayList<>(matches));
    }

    /** Documentation for the name at (or just before) the cursor, or empty when there is none. */
    Optional<String> inspect(String code, int cursor) {
        int snippetStart = snippetStart(code, cursor);
        String snippet = code.substring(snippetStart, Math.min(code.length(), Math.max(cursor, snippetStart)));
        int at = cursor - snippetStart;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        // A variable of the session: its type and current value say more than JShell's "name:type".
        Matcher name = TRAILING_NAME.matcher(snippet.substring(0, at));
        String expression = name.find() ? name.group().replaceAll("\\s+", "") : "";
        Optional<VarSnippet> variable = shell.variables()
                .filter(v -> v.name().equals(expression)).reduce((a, b) -> b);
        if (variable.isPresent()) {
            VarSnippet v = variable.get();
            Result value = read(v, false);
            return Optional.of(v.typeName() + " " + v.name()
                    + (value.hasValue() ? " = " + Rendering.plainText(value.value()) : ""));
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, at, true);
        if (docs.isEmpty()) {
            // The cursor sits at the end of a method name: ask as if the call had been opened.
            docs = analysis.documentation(snippet.substring(0, at) + "(", at + 1, true);
        }
        if (!docs.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (SourceCodeAnalysis.Documentation doc : docs) {
                text.append(doc.signature()).append('\n');
                if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                    text.append(doc.javadoc().strip()).append("\n\n");
                }
            }
            return Optional.of(text.toString().strip());
        }
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        String type = analysis.analyzeType(expression, expression.length());
        if (type != null && !type.isBlank()) {
            return Optional.of(expression + " : " + type);
        }
        return Optional.empty();
    }

    enum Status { COMPLETE, INCOMPLETE, INVALID }

    Status completeness(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Status.INCOMPLETE;
                }
                case UNKNOWN -> {
                    return Status.INVALID;
                }
                default -> rest = info.remaining();
            }
        }
        return Status.COMPLETE;
    }

    /** Start of the snippet the cursor is in: completion and documentation work on one snippet. */
    private int snippetStart(String code, int cursor) {
        String prefix = code.substring(0, Math.max(0, Math.min(cursor, code.length())));
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int start = 0;
        String rest = prefix;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() != Completeness.COMPLETE || info.remaining().isBlank()) {
                break;
            }
            start += rest.length() - info.remaining().length();
            rest = info.remaining();
        }
        return start + leadingWhitespace(rest);
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /**
     * Stops the running snippet (Jupyter's interrupt); the kernel and its variables survive. JShell
     * ignores a stop that comes while it still compiles the snippet, so the stop is repeated until
     * the cell has ended.
     */
    void stop() {
        stopRequested = true;
        shell.stop();
        Thread retry = new Thread(() -> {
            while (stopRequested && evaluating) {
                try {
                    Thread.sleep(STOP_RETRY_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (stopRequested && evaluating) {
                    shell.stop();
                }
            }
        }, "course-stop-retry");
        retry.setDaemon(true);
        retry.start();
    }

    @Override
    public void close() {
        shell.close();
    }

    // ---- text helpers --------------------------------------------------------------------------

    private static int trailingWhitespace(String s) {
        int i = s.length();
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return s.length() - i;
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line number of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return start;
            }
            start = next + 1;
        }
        return start;
    }

    private static String lineText(String text, int line) {
        int start = lineStart(text, line);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String firstLineOf(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
