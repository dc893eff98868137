package course.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the course kernel: {@code java ... course.kernel.Main CONNECTION_FILE}.
 *
 * <p>Before anything else it checks that every entry of its own class path exists, because the JVM
 * silently ignores missing class-path entries and the user would otherwise meet an obscure
 * {@code NoClassDefFoundError} cells later.
 */
public final class Main {
    static final String REBUILD_HINT = "build the course first: bin/course build (or: mvn -q package -DskipTests)";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> missing = missingClassPathEntries(System.getProperty("java.class.path", ""));
        if (!missing.isEmpty()) {
            System.err.println("course kernel: missing class-path entr" + (missing.size() == 1 ? "y " : "ies ")
                    + String.join(", ", missing) + ": " + REBUILD_HINT);
            System.exit(2);
        }
        if (args.length != 1) {
            System.err.println("course kernel: usage: java -cp ... course.kernel.Main CONNECTION_FILE"
                    + " (Jupyter starts the kernel this way through its kernel.json)");
            System.exit(2);
        }
        quietLibraryLogging();

        Path connectionFile = Path.of(args[0]);
        if (!Files.isReadable(connectionFile)) {
            System.err.println("course kernel: cannot read the connection file " + connectionFile);
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(
                Files.readString(connectionFile, StandardCharsets.UTF_8));

        long outputLimit;
        try {
            outputLimit = CellIO.limitBytesFrom(System.getenv(CellIO.LIMIT_VARIABLE));
        } catch (IllegalArgumentException e) {
            System.err.println("course kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        CourseKernel kernel = new CourseKernel(outputLimit);
        JupyterConnection connection = new JupyterConnection(props);
        // ZeroMQ drops published messages silently past its queue limit (1000 by default); output is
        // batched and capped per cell, so an unbounded queue cannot grow without bound.
        connection.getIOPub().setSndHWM(0);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        ParentWatch.start(kernel);
        // JShell compiles its first snippet in about a second: warm it up while the client connects.
        kernel.startEvaluatorInBackground();
        connection.waitUntilClose();
        kernel.onShutdown(false);
        // Threads started by user code must not keep a dead kernel's JVM alive.
        System.exit(0);
    }

    static List<String> missingClassPathEntries(String classPath) {
        List<String> missing = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        return missing;
    }

    /** The base library logs every channel start at INFO on stderr, which fills the kernel log. */
    private static void quietLibraryLogging() {
        for (Logger logger : QUIETED) {
            logger.setLevel(Level.WARNING);
        }
    }

    /** Held strongly: java.util.logging forgets the level of a logger that was garbage collected. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("Jupyter"), Logger.getLogger("io.github.spencerpark"), Logger.getLogger(""));
}
