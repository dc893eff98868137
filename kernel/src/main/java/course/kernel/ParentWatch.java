package course.kernel;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel does: a Jupyter server
 * killed with SIGKILL cannot shut its kernels down, and their JVMs would otherwise live on as
 * children of PID 1. The parent is the one jupyter_client names in {@code JPY_PARENT_PID}, else the
 * kernel's parent at start.
 */
final class ParentWatch {
    static final String PARENT_VARIABLE = "JPY_PARENT_PID";
    static final long POLL_MS = 500;

    private ParentWatch() {
    }

    static void start(CourseKernel kernel) {
        String named = System.getenv(PARENT_VARIABLE);
        Optional<ProcessHandle> parent = parentToWatch(named);
        if (parent.isEmpty() && !parentIsGone(named)) {
            return;  // started by PID 1, or by hand without a parent worth watching
        }
        // A parent already gone (killed while this JVM started) ends the kernel at once.
        long pid = parent.map(ProcessHandle::pid).orElse(parsePid(named).orElse(-1));
        Thread watcher = new Thread(() -> watch(pid, () -> parent.map(ProcessHandle::isAlive).orElse(false), kernel),
                "course-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The live parent to watch: the one named in {@code JPY_PARENT_PID}, else the actual parent; never PID 1. */
    static Optional<ProcessHandle> parentToWatch(String parentPidVariable) {
        OptionalLong named = parsePid(parentPidVariable);
        Optional<ProcessHandle> parent = named.isPresent()
                ? ProcessHandle.of(named.getAsLong())
                : ProcessHandle.current().parent();
        return parent.filter(p -> p.pid() > 1 && p.isAlive());
    }

    /** True when {@code JPY_PARENT_PID} names a process that no longer runs: the kernel was orphaned at birth. */
    static boolean parentIsGone(String parentPidVariable) {
        OptionalLong named = parsePid(parentPidVariable);
        return named.isPresent() && named.getAsLong() > 1
                && ProcessHandle.of(named.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }

    static OptionalLong parsePid(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.strip()));
    }

    private static void watch(long pid, java.util.function.BooleanSupplier parentAlive, CourseKernel kernel) {
        // ProcessHandle compares start times, so a recycled PID does not count as the parent alive.
        while (parentAlive.getAsBoolean()) {
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("course kernel: its parent process " + pid + " is gone; exiting");
        Thread halt = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(3);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(1);  // a cell that blocks the shutdown must not keep the JVM alive
        }, "course-parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
        kernel.onShutdown(false);
        System.exit(1);
    }
}
