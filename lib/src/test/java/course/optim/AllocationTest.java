package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import course.optim.Cases.Case;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A step allocates nothing: after a warm-up (which sizes the state, the closure buffers and the
 * clipping buffer), 1000 steps on 10 000 parameters must allocate 0 bytes on this thread. Counted
 * by HotSpot's per-thread allocation counter; not a timing test.
 *
 * <p>The measurement itself: {@code getCurrentThreadAllocatedBytes()} returns a primitive read from
 * the thread's TLAB counters and allocates nothing once the bean exists, which the test checks
 * first (two back-to-back readings must differ by 0), so no slack is allowed: a window must count
 * exactly 0 bytes. The gradient is written into a preallocated array, and the closure for the
 * look-ahead optimizers is built before the measurement.
 *
 * <p>One thing besides the optimizer can allocate on this thread: HotSpot's C2 compiler, when it
 * deoptimizes or replaces a compiled frame of the loop (a few hundred bytes, once; never with
 * {@code -Xint} or C1 alone, where every window counts 0). So the test measures up to
 * {@value #WINDOWS} consecutive windows of {@value #STEPS} steps and needs one that counts 0. An
 * optimizer that allocated in its step would allocate at least 16 bytes per step, 16 000 bytes in
 * every window, and fail.
 */
class AllocationTest {
    private static final int SIZE = 10_000;
    private static final int STEPS = 1000;
    private static final int WINDOWS = 5;

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void thousandStepsAllocateNothing(Case c) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        if (!bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        Optimizer optimizer = c.make().get();
        double[] params = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            params[i] = Math.sin(i) * 2;
        }
        double[] grad = new double[SIZE];
        Differentiable closure = (x, g) -> {
            Cases.quadraticGradient(x, g);
            return Double.NaN;
        };
        boolean lookAhead = c.lookAhead();

        run(optimizer, params, grad, closure, lookAhead, STEPS); // warm-up: sizes every buffer, lets the JIT compile

        long overhead = bean.getCurrentThreadAllocatedBytes();
        overhead = bean.getCurrentThreadAllocatedBytes() - overhead;
        assertEquals(0, overhead, "reading the counter allocated");

        long[] allocated = new long[WINDOWS];
        int windows = 0;
        do {
            long before = bean.getCurrentThreadAllocatedBytes();
            run(optimizer, params, grad, closure, lookAhead, STEPS);
            allocated[windows++] = bean.getCurrentThreadAllocatedBytes() - before;
        } while (allocated[windows - 1] != 0 && windows < WINDOWS);
        if (windows > 1) {
            System.out.println("AllocationTest: " + c.name() + " needed " + windows + " windows: "
                    + java.util.Arrays.toString(allocated) + " bytes");
        }
        assertEquals(0, allocated[windows - 1], c.name() + " allocated in every window of " + STEPS + " steps: "
                + java.util.Arrays.toString(allocated) + " bytes");
        assertEquals((1L + windows) * STEPS, optimizer.stepCount());
        for (double p : params) {
            if (!Double.isFinite(p)) {
                throw new AssertionError(c.name() + " diverged on the test quadratic");
            }
        }
    }

    private static void run(Optimizer optimizer, double[] params, double[] grad, Differentiable closure,
            boolean lookAhead, int steps) {
        for (int k = 0; k < steps; k++) {
            if (lookAhead) {
                optimizer.step(params, closure);
            } else {
                Cases.quadraticGradient(params, grad);
                optimizer.step(params, grad);
            }
        }
    }
}
