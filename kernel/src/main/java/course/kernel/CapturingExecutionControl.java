package course.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;

/**
 * JShell's in-process execution engine, extended so the kernel can read the object a variable
 * holds (JShell itself only hands back its {@code toString}). That object is what gets rendered as
 * HTML, PNG or a figure. On JDKs whose JShell cannot stop a loop that catches {@code Throwable}
 * (before 22), it also instruments cell classes with {@link StopCheck}.
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
