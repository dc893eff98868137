package course.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;

/**
 * JShell's in-process execution engine, extended so the kernel can read the object a variable
 * holds (JShell itself only hands back its {@code toString}). That object is what gets rendered as
 * HTML, PNG or a figure. On JDKs whose JShell cannot stop a loop that catches {@code Throwable}
 * (before 22), it also instruments cell classes with {@link StopCheck}.
 *
 * <p>It also redefines classes in place, which JShell's own local engine cannot: when a cell
 * redeclares a method or class, JShell recompiles it and what depends on it under the same class
 * names and asks the engine to redefine them. The local engine refuses, so JShell loads them again
 * under new names, and every variable of those classes starts again at 0 or null ({@code var v = f()}
 * reads 0 after {@code f} is redeclared). Redefined through {@link ClassRedefinition}, the classes keep
 * their static fields and objects, as in plain {@code jshell}. The JVM redefines only classes whose
 * shape is unchanged (same fields, same methods and signatures; bodies may change): for any other
 * change the redefinition fails and JShell re-creates them as before.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    static final Object NO_VALUE = new Object();

    private Object lastValue = NO_VALUE;

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            lastValue = NO_VALUE;
            throw new InternalException("cannot read variable " + varName + ": " + e);
        }
        // The kernel renders the object itself; JShell's own string form is not needed.
        return "";
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (!StopInstrumentation.needed()) {
            super.load(classes);
            return;
        }
        super.load(Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), StopInstrumentation.instrument(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        Instrumentation inst = ClassRedefinition.instrumentation();
        if (inst == null) {
            throw new NotImplementedException("redefine: the kernel JVM runs without its agent (-javaagent:course-kernel.jar)");
        }
        ClassDefinition[] definitions = new ClassDefinition[classes.length];
        try {
            for (int i = 0; i < classes.length; i++) {
                byte[] bytes = StopInstrumentation.needed()
                        ? StopInstrumentation.instrument(classes[i].bytecodes()) : classes[i].bytecodes();
                definitions[i] = new ClassDefinition(findClass(classes[i].name()), bytes);
            }
            // All or nothing: the JVM installs none of them when one cannot be redefined.
            inst.redefineClasses(definitions);
        } catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException | LinkageError e) {
            throw new ClassInstallException("cannot redefine in place: " + e.getMessage(), new boolean[classes.length]);
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        StopCheck.request();
        super.stop();
    }

    /** The object read by the latest {@link #varValue} call, then forgotten. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = NO_VALUE;
        return value;
    }

    /** Hands JShell this engine and keeps a reference to it for the kernel. */
    static final class Provider implements ExecutionControlProvider {
        private CapturingExecutionControl control;

        @Override
        public String name() {
            return "course-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new CapturingExecutionControl();
            return control;
        }

        CapturingExecutionControl control() {
            return control;
        }
    }
}
