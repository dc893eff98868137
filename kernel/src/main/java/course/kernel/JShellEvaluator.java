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
            "import static course.kernel.Notebook.*;");

    private static final Pattern TRAILING_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*$");

    /** Where a snippet's source came from, so stack frames and diagnostics can name a cell line. */
    private record Origin(int cell, int firstLine) {
    }

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;

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

    /** A value to show as the cell's result, or none (declarations, statements, void calls). */
    record Result(boolean hasValue, Object value) {
        static final Result NONE = new Result(false, null);
    }

    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Runs every snippet of the cell; returns the value of the last one if it is an expression. */
    Result eval(String code, int cell) throws CellError {
        stopRequested = false;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code;
        int consumed = 0;
        Result result = Result.NONE;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                int line = lineOf(code, consumed + leadingWhitespace(rest));
                throw CellError.incomplete("the code from cell line " + line
                        + " is not finished: a closing brace, parenthesis or the end of a statement is missing");
            }
            String chunk = rest.substring(0, rest.length() - info.remaining().length());
            int firstLine = lineOf(code, consumed + leadingWhitespace(chunk));
            consumed += chunk.length();
            rest = info.remaining();
            // Without its leading blank lines, JShell numbers the snippet's lines from firstLine.
            result = evalSnippet(info.source().stripLeading(), cell, firstLine);
            if (stopRequested) {
                throw CellError.interrupted();
            }
        }
        return result;
    }

    private Result evalSnippet(String source, int cell, int firstLine) throws CellError {
        List<SnippetEvent> events = shell.eval(source);
        Result result = Result.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(cell, firstLine));
            if (stopRequested) {
                throw CellError.interrupted();
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, cell, firstLine);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                warnUnresolved(snippet);
            }
            result = valueOf(snippet);
        }
        return result;
    }

    private Result valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet var && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return read(var);
        }
        if (snippet instanceof ExpressionSnippet expression) {
            // `x` or `x = 5`: show the variable's value.
            return shell.variables()
                    .filter(v -> v.name().equals(expression.name()))
                    .reduce((first, second) -> second)
                    .map(this::read)
                    .orElse(Result.NONE);
        }
        return Result.NONE;
    }

    private Result read(VarSnippet var) {
        shell.varValue(var);
        Object value = control.takeLastValue();
        return value == CapturingExecutionControl.NO_VALUE ? Result.NONE : new Result(true, value);
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

    private CellError compileError(Snippet snippet, int cell, int firstLine) {
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
                firstMessage = firstLineOf(message) + " (cell line " + lineInCell + ")";
            }
            lines.add("cell line " + lineInCell + ": " + message);
            int sourceLine = lineOf(source, (int) Math.min(position, source.length()));
            String text = lineText(source, sourceLine);
            int column = (int) Math.min(position, source.length()) - lineStart(source, sourceLine);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, column)) + "^");
        }
        if (firstMessage == null) {
            firstMessage = "the snippet starting at cell line " + firstLine + " was rejected";
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
        for (StackTraceElement frame : throwable.getStackTrace()) {
            String file = frame.getFileName();
            if (file != null && file.startsWith("#")) {
                Origin origin = origins.get(file.substring(1));
                String where = origin != null
                        ? "cell [" + origin.cell() + "], line " + (origin.firstLine() + frame.getLineNumber() - 1)
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
            Result value = read(v);
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

    /** Stops the running snippet (Jupyter's interrupt); the kernel and its variables survive. */
    void stop() {
        stopRequested = true;
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    // ---- text helpers --------------------------------------------------------------------------

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
