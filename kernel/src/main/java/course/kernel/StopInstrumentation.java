package course.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Puts a {@link StopCheck#check()} call before every jump of a cell's class. */
final class StopInstrumentation {
    private static final String CHECK_OWNER = StopCheck.class.getName().replace('.', '/');
    /** JShell's own instrumentation (JDK 22+) keeps its stop flag in this field. */
    private static final boolean JSHELL_INSTRUMENTS = hasField(LocalExecutionControl.class, "allStop");

    private StopInstrumentation() {
    }

    /** False where JShell already stops loops itself: adding checks twice would only cost time. */
    static boolean needed() {
        return !JSHELL_INSTRUMENTS;
    }

    /** The class with its checks; a class file newer than ASM reads is returned as it is, still runnable. */
    static byte[] instrument(byte[] classFile) {
        try {
            return addChecks(classFile);
        } catch (IllegalArgumentException newerThanAsm) {
            return classFile;
        }
    }

    private static byte[] addChecks(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // The call takes and leaves nothing on the stack, so frames and max stack stay valid as read.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK_OWNER, "check", "()V", false);
                        super.visitJumpInsn(opcode, label);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static boolean hasField(Class<?> type, String name) {
        try {
            type.getDeclaredField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
