package course.kernel;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.JupyterIO;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cell's stdout, stderr and stdin, attached to the request being executed. Output goes through
 * {@link StreamBatcher}s, published by size, by the kernel and every {@value #PUBLISH_EVERY_MS} ms.
 */
final class CellIO extends JupyterIO {
    static final long PUBLISH_EVERY_MS = 50;
    /** Environment variable: the most one cell keeps of each stream, in MB (first and last halves). */
    static final String LIMIT_VARIABLE = "COURSE_OUTPUT_LIMIT_MB";
    static final double DEFAULT_LIMIT_MB = 20;

    private final StreamBatcher stdoutBatcher;
    private final StreamBatcher stderrBatcher;
    final PrintStream stdout;
    final PrintStream stderr;
    /** stdin that first sends what is waiting, so a prompt printed without a newline shows before the input box. */
    final InputStream stdin = new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
            publishNow();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            publishNow();
            return super.read(buffer, offset, length);
        }
    };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "course-output-publisher");
        thread.setDaemon(true);
        return thread;
    });

    CellIO(long limitBytes) {
        stdoutBatcher = new StreamBatcher("stdout", limitBytes);
        stderrBatcher = new StreamBatcher("stderr", limitBytes);
        stdout = new PrintStream(stdoutBatcher, false, StandardCharsets.UTF_8);
        stderr = new PrintStream(stderrBatcher, false, StandardCharsets.UTF_8);
        timer.scheduleWithFixedDelay(this::publishNow, PUBLISH_EVERY_MS, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The limit from {@value #LIMIT_VARIABLE}, or the default; a value that is no positive number is refused. */
    static long limitBytesFrom(String value) {
        if (value == null || value.isBlank()) {
            return (long) (DEFAULT_LIMIT_MB * 1e6);
        }
        double megabytes;
        try {
            megabytes = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            megabytes = Double.NaN;
        }
        if (!(megabytes >= 0.001) || megabytes > 1e6) {
            throw new IllegalArgumentException(LIMIT_VARIABLE + "=" + value + " is not a size in MB between 0.001 and 1000000:"
                    + " set it to the most output one cell may keep per stream (e.g. 20), or unset it for the default "
                    + DEFAULT_LIMIT_MB);
        }
        return Math.round(megabytes * 1e6);
    }

    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
        stdoutBatcher.attach(env::writeToStdOut);
        stderrBatcher.attach(env::writeToStdErr);
    }

    /** Sends what the cell wrote so far: before a display, a clear or the reply, so order is kept. */
    void publishNow() {
        stdout.flush();
        stderr.flush();
        stdoutBatcher.publishNow();
        stderrBatcher.publishNow();
    }

    /** The cell's code is done: the rest of its output, and the kept end of a cut stream, go out now. */
    void endCell() {
        stdout.flush();
        stderr.flush();
        stdoutBatcher.detach();
        stderrBatcher.detach();
    }

    void detach(ShellReplyEnvironment env) {
        endCell();
        retractEnv(env);
    }
}
