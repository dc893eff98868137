package course.kernel;

import com.google.gson.annotations.SerializedName;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.JupyterIO;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The course's Jupyter kernel: Java cells evaluated by JShell inside this JVM, on the wire protocol
 * of {@code jupyter-jvm-basekernel}. The execute and kernel-info handlers are the kernel's own so
 * replies carry what the protocol asks for ({@code status}, pager payloads) and errors point at the
 * learner's cell lines.
 */
public final class CourseKernel extends BaseKernel implements Frontend {
    private static volatile CourseKernel current;

    private final CellIO io;
    private final CellHistory history = new CellHistory();
    private final AtomicInteger displayIds = new AtomicInteger();
    private final PrintStream kernelOut = System.out;
    private final PrintStream kernelErr = System.err;
    private volatile CompletableFuture<JShellEvaluator> evaluator;
    /** %maven's resolver, made on first use; its own lock, never the kernel's (shutdown must not wait for a cell). */
    private volatile MavenMagic maven;
    private final Object mavenLock = new Object();
    private volatile ShellReplyEnvironment executing;
    /** An interrupt for the cell being handled, possibly before its JShell was ready to be stopped. */
    private volatile boolean interruptRequested;
    private final List<Map<String, Object>> payloads = new ArrayList<>();
    /** The id objects display(...) returned during the running cell: a cell ending in display(x) shows no Out[n]. */
    private final Set<String> idsShownThisCell = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    /** When the last cell failed with stop_on_error (epoch ms), 0 if none. */
    private volatile long failedAt;
    private static final long QUEUE_ABORT_WINDOW_MS = 1000;

    public CourseKernel() {
        this(CellIO.limitBytesFrom(System.getenv(CellIO.LIMIT_VARIABLE)));
    }

    /** @param outputLimitBytes the most one cell keeps of each of its streams */
    CourseKernel(long outputLimitBytes) {
        io = new CellIO(outputLimitBytes);
        current = this;
        Notebook.attach(this);
    }

    /** The kernel running in this JVM, or null in plain Java. */
    static CourseKernel current() {
        return current;
    }

    void startEvaluatorInBackground() {
        evaluator();
    }

    private synchronized CompletableFuture<JShellEvaluator> evaluator() {
        if (evaluator == null) {
            evaluator = CompletableFuture.supplyAsync(() -> {
                JShellEvaluator shell = new JShellEvaluator(kernelOut, kernelErr);
                try {
                    // Compiling the first snippet loads javac: do it now, not in the learner's first cell.
                    shell.eval("int course$warmUp = 1;", 0);
                } catch (CellError e) {
                    kernelErr.println("course kernel: warm-up failed: " + e.getMessage());
                }
                return shell;
            });
        }
        return evaluator;
    }

    private JShellEvaluator shell() throws CellError {
        try {
            return evaluator().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellError.interrupted();
        } catch (ExecutionException e) {
            String message = "JShell could not start: " + e.getCause();
            throw new CellError("KernelStartError", message, List.of(message));
        }
    }

    // ---- protocol handlers ---------------------------------------------------------------------

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistory);
    }

    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        replyRaw(env, MessageType.HISTORY_REPLY, new HistoryOk(entries));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyRaw(ShellReplyEnvironment env, MessageType type, Object content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    private void handleKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private synchronized void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        if (queuedBehindFailure(message)) {
            // "Run all" sent this cell before an earlier one failed with stop_on_error: skip it, as IPython does.
            env.setBusyDeferIdle();
            replyRaw(env, MessageType.EXECUTE_REPLY, Map.of("status", "aborted", "execution_count", executionCount.get()));
            return;
        }
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();

        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        System.setOut(io.stdout);
        System.setErr(io.stderr);
        System.setIn(io.stdin);
        io.attach(env, request.isStdinEnabled());
        synchronized (payloads) {
            payloads.clear();
        }
        idsShownThisCell.clear();
        interruptRequested = false;
        executing = env;
        try {
            Object shown = run(request.getCode(), count, env, silent);
            io.endCell();
            if (store) {
                history.record(count, request.getCode(), shown == null ? null : shown.toString());
            }
            List<Map<String, Object>> pages;
            synchronized (payloads) {
                pages = List.copyOf(payloads);
            }
            env.defer().reply(new ExecuteOk(count, pages));
        } catch (CellError error) {
            io.endCell();
            if (store) {
                history.record(count, request.getCode(), null);
            }
            if (request.shouldStopOnError()) {
                failedAt = System.currentTimeMillis();
            }
            env.publish(new PublishError(error.name(), error.getMessage(), styled(error.traceback())));
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            executing = null;
            io.detach(env);
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    /**
     * True for an execute request sent before the latest failure and handled right after it: a queued
     * cell of "run all" that must not run once an earlier cell failed. A request the user sends later
     * is never caught, because both conditions are needed.
     */
    private boolean queuedBehindFailure(Message<ExecuteRequest> message) {
        long failure = failedAt;
        if (failure == 0 || System.currentTimeMillis() - failure > QUEUE_ABORT_WINDOW_MS) {
            return false;
        }
        KernelTimestamp sent = message.getHeader().getTimestamp();
        OptionalLong sentAt = MessageTime.epochMillis(sent == null ? null : sent.getDateString());
        if (sentAt.isEmpty() || sentAt.getAsLong() > failure) {
            return false;
        }
        failedAt = System.currentTimeMillis();  // the rest of the queue follows within the window
        return true;
    }

    /** Runs the cell and publishes its result; returns the result's text form, or null. */
    private Object run(String code, int count, ShellReplyEnvironment env, boolean silent) throws CellError {
        JShellEvaluator shell = shell();
        JShellEvaluator.Result result;
        boolean timed = false;
        long start = 0;
        // Begun before the magics, so an interrupt also stops the snippets of a %load.
        shell.beginCell();
        try {
            if (interruptRequested) {
                shell.stop();  // it came while JShell was still starting: the cell stops before it runs
            }
            Magics.Parsed parsed = Magics.apply(code, magicHost(shell));
            timed = parsed.timed();
            start = System.nanoTime();
            result = shell.run(parsed.code(), count);
        } finally {
            shell.endCell();
            if (timed) {
                io.stdout.printf("Wall time: %.1f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
        if (!result.hasValue() || silent || isDisplayId(result)) {
            return null;
        }
        Map<String, Object> bundle;
        DisplayData data;
        try {
            bundle = Rendering.bundle(result.value());
            data = displayData(bundle);
        } catch (RuntimeException e) {
            String message = "the result could not be rendered: " + e.getMessage();
            throw new CellError("RenderError", message, List.of("RenderError: " + message));
        }
        env.publish(new PublishExecuteResult(count, data));
        return bundle.get("text/plain");
    }

    /** What the magics act on: this kernel's JShell, and the Maven resolver made on first use. */
    private Magics.Host magicHost(JShellEvaluator shell) {
        return new Magics.Host() {
            @Override
            public void addToClasspath(String path) {
                shell.addToClasspath(path);
            }

            @Override
            public void load(java.nio.file.Path file, String source) throws CellError {
                shell.runFile(file.getFileName().toString(), source);
            }

            @Override
            public void maven(List<String> coordinates) throws CellError {
                mavenMagic().resolveAndAdd(coordinates, shell::addToClasspath, io.stdout, io.stderr);
            }
        };
    }

    private MavenMagic mavenMagic() {
        synchronized (mavenLock) {
            if (maven == null) {
                maven = MavenMagic.central();
            }
            return maven;
        }
    }

    /** The id that display(...) just returned, as the cell's last expression: shown already, not as Out[n]. */
    private boolean isDisplayId(JShellEvaluator.Result result) {
        Object value = result.value();
        return value instanceof DisplayHandle
                || (result.computed() && value instanceof String id && idsShownThisCell.contains(id));
    }

    private static List<String> styled(List<String> traceback) {
        List<String> lines = new ArrayList<>(traceback);
        if (!lines.isEmpty()) {
            // The headline in red, as Jupyter frontends colour Python's.
            lines.set(0, "\u001b[1;31m" + lines.get(0) + "\u001b[0m");
        }
        return lines;
    }

    // ---- what Notebook calls -------------------------------------------------------------------

    @Override
    public boolean isExecuting() {
        return executing != null;
    }

    @Override
    public String publishDisplay(Map<String, Object> bundle) {
        // Deterministic ids: the same notebook gets the same ids on every run.
        String id = "display-" + displayIds.incrementAndGet();
        DisplayData data = displayData(bundle);
        data.setDisplayId(id);
        ShellReplyEnvironment env = executing;
        if (env != null) {
            io.publishNow();
            env.publish(new PublishDisplayData(data));
        }
        idsShownThisCell.add(id);
        return id;
    }

    @Override
    public void publishUpdate(String id, Map<String, Object> bundle) {
        DisplayData data = displayData(bundle);
        data.setDisplayId(id);
        ShellReplyEnvironment env = executing;
        if (env != null) {
            env.publish(new PublishUpdateDisplayData(data));
        }
    }

    @Override
    public void publishClearOutput(boolean wait) {
        ShellReplyEnvironment env = executing;
        if (env != null) {
            io.publishNow();
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    @Override
    public void addPagePayload(Map<String, Object> bundle) {
        synchronized (payloads) {
            payloads.add(Map.of("source", "page", "data", WireBundles.forWire(bundle), "start", 0));
        }
    }

    private static DisplayData displayData(Map<String, Object> bundle) {
        DisplayData data = new DisplayData();
        WireBundles.forWire(bundle).forEach(data::putData);
        return data;
    }

    // ---- BaseKernel ----------------------------------------------------------------------------

    @Override
    public JupyterIO getIO() {
        return io;
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        JShellEvaluator.Result result = shell().eval(code, executionCount.get());
        return result.hasValue() ? displayData(Rendering.bundle(result.value())) : null;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) - optimizers course kernel. "
                + "Cells see lib; String id = display(x), updateDisplay(id, x), display(s, \"text/html\"),"
                + " render(x, mime...), Renderers.register(type, renderer), %lsmagic.";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) throws Exception {
        Optional<String> doc = shell().inspect(code, CodePoints.toUtf16(code, cursor));
        return doc.map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) throws Exception {
        int at = CodePoints.toUtf16(code, cursor);
        JShellEvaluator.Completions completions = shell().complete(code, at);
        return new ReplacementOptions(completions.matches(), CodePoints.toCodePoint(code, completions.start()),
                CodePoints.toCodePoint(code, at));
    }

    @Override
    public String isComplete(String code) {
        String withoutMagics = code.strip().startsWith("%") ? "" : code;
        try {
            return switch (shell().completeness(withoutMagics)) {
                case COMPLETE -> IS_COMPLETE_YES;
                case INVALID -> IS_COMPLETE_BAD;
                case INCOMPLETE -> "    ";
            };
        } catch (CellError e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public void interrupt() {
        if (executing != null) {
            interruptRequested = true;
        }
        CompletableFuture<JShellEvaluator> started = evaluator;
        if (started != null && started.isDone() && !started.isCompletedExceptionally()) {
            started.join().stop();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        MavenMagic resolver = maven;
        if (resolver != null) {
            resolver.close();
        }
        CompletableFuture<JShellEvaluator> started = evaluator;
        if (started != null && started.isDone() && !started.isCompletedExceptionally()) {
            started.join().close();
        }
    }

    // ---- replies the base library lacks --------------------------------------------------------

    /** kernel_info_reply with the {@code status} the protocol requires (the base reply omits it). */
    static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfoOk(LanguageInfo language, String banner, List<LanguageInfo.Help> help) {
            super(Header.PROTOCOL_VERISON, "optimizers-course-kernel", KernelVersion.VERSION, language, banner, help);
        }
    }

    /**
     * history_reply with the {@code status} the protocol requires, and entries as the
     * {@code [session, line, input]} tuples of the protocol (the base reply serialises them as objects).
     */
    static final class HistoryOk {
        @SuppressWarnings("unused")
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history = new ArrayList<>();

        HistoryOk(List<HistoryEntry> entries) {
            for (HistoryEntry entry : entries) {
                Object cell = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
                history.add(List.of(entry.getSession(), entry.getCellNumber(), cell));
            }
        }
    }

    /** execute_reply with pager payloads (the base reply has no payload field). */
    static final class ExecuteOk extends ExecuteReply {
        @SerializedName("payload")
        private final List<Map<String, Object>> payload;

        ExecuteOk(int count, List<Map<String, Object>> payload) {
            super(count, Map.of());
            this.payload = payload;
        }
    }
}
