package course.kernel;

import java.lang.instrument.Instrumentation;

/**
 * The kernel JVM's {@link Instrumentation}, from its own jar given as a Java agent
 * ({@code -javaagent:course-kernel.jar} in the kernelspec; {@code Premain-Class} in its manifest).
 * With it, a redeclared method or class is redefined in place, as plain {@code jshell} does through
 * its debugger connection, so classes keep their identity and variables their values. Without it
 * (a JVM started without the agent), JShell re-creates what depends on a redeclaration.
 */
public final class ClassRedefinition {
    private static volatile Instrumentation instrumentation;

    private ClassRedefinition() {
    }

    /** The agent's entry point: the JVM calls it before {@code main}. */
    public static void premain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /** The instrumentation, or null when the JVM runs without the agent or cannot redefine classes. */
    static Instrumentation instrumentation() {
        Instrumentation inst = instrumentation;
        return inst != null && inst.isRedefineClassesSupported() ? inst : null;
    }
}
