package course.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A loop that catches Throwable, instrumented, ends once a stop is requested. */
class StopInstrumentationTest {
    /** Loaded from instrumented bytes: the loop swallows every Throwable its body throws. */
    public static final class Spinner {
        public static volatile long spins;

        public static void spin() {
            while (true) {
                try {
                    spins++;
                    Thread.sleep(1);
                } catch (Throwable swallowed) {
                    // what a learner's "catch everything" does
                }
            }
        }
    }

    @AfterEach
    void clear() {
        StopCheck.clear();
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theInstrumentedLoopStopsOnRequest() throws Exception {
        byte[] instrumented = StopInstrumentation.instrument(bytesOf(Spinner.class));
        Class<?> spinner = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Spinner.class.getName(), instrumented, 0, instrumented.length);
            }
        }.define();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                spinner.getMethod("spin").invoke(null);
            } catch (ReflectiveOperationException e) {
                ended.set(e.getCause());
            }
        });
        thread.setDaemon(true);
        thread.start();
        Thread.sleep(200);
        StopCheck.request();
        thread.join(10_000);
        assertFalse(thread.isAlive(), "the loop kept running after the stop request");
        assertInstanceOf(ThreadDeath.class, ended.get(), "JShell reads ThreadDeath as 'stopped'");
    }

    @Test
    void aClassFileAsmCannotReadIsLeftAsItIs() {
        byte[] notAClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0x7F, 0x7F};
        assertArrayEquals(notAClass, StopInstrumentation.instrument(notAClass));
    }
}
