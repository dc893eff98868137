package course.kernel;

/**
 * The check the kernel puts before every jump (loop back-edge, branch) of cell code on JDKs whose
 * JShell does not: once an interrupt is requested, every check throws, so a loop that catches
 * {@code Throwable} is stopped at its next iteration instead of swallowing the interrupt for ever.
 * JDK 22 and later instrument cell code the same way themselves. Public because cell classes,
 * loaded by JShell's own class loader, call it.
 */
public final class StopCheck {
    private static volatile boolean requested;

    private StopCheck() {
    }

    /** Called by instrumented cell code; throws while a stop is requested. */
    @SuppressWarnings("removal")
    public static void check() {
        if (requested) {
            // ThreadDeath is what JShell's local engine reads as "stopped", as for Thread.stop.
            throw new ThreadDeath();
        }
    }

    static void request() {
        requested = true;
    }

    /** Called when a cell starts: an interrupt stops the cell it came in, not the next one. */
    static void clear() {
        requested = false;
    }

    static boolean isRequested() {
        return requested;
    }
}
