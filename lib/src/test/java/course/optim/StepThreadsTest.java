package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import course.optim.Cases.Case;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A step split over threads ({@link StepThreads}) is the same step: bit for bit the parameters and
 * state of one thread, for every optimizer and convention; a NaN in a helper's chunk is reported as
 * an unsplit step reports it, with nothing changed; a helper's failure reaches the caller; a class
 * that overrides the whole update is never split; and a split step allocates nothing on any thread.
 */
class StepThreadsTest {
    /** Three chunks of 2¹⁶ and an uneven tail, so the last chunk's bounds are not multiples of 8. */
    private static final int SIZE = 3 * StepThreads.MIN_PARAMETERS_PER_THREAD + 1001;

    private int savedThreads;

    @BeforeEach
    void save() {
        savedThreads = StepThreads.threads();
    }

    @AfterEach
    void restore() {
        StepThreads.setThreads(savedThreads);
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void splitStepsEqualOneThreadsBitForBit(Case c) {
        Optimizer alone = c.make().get();
        Optimizer split = c.make().get();
        double[] paramsAlone = start(SIZE);
        double[] paramsSplit = paramsAlone.clone();
        double[] grad = new double[SIZE];
        long splitBefore = StepThreads.splitSteps();
        for (int k = 0; k < 5; k++) {
            StepThreads.setThreads(1);
            Cases.quadraticStep(c, alone, paramsAlone, grad);
            StepThreads.setThreads(3);
            Cases.quadraticStep(c, split, paramsSplit, grad);
        }
        assertArrayEquals(paramsAlone, paramsSplit, c.name() + ": parameters after 5 steps");
        OptimizerState stateAlone = alone.state();
        OptimizerState stateSplit = split.state();
        assertEquals(stateAlone.arrayNames(), stateSplit.arrayNames());
        for (String name : stateAlone.arrayNames()) {
            assertArrayEquals(stateAlone.array(name), stateSplit.array(name), c.name() + ": state '" + name + "'");
        }
        for (String name : stateAlone.scalarNames()) {
            assertEquals(stateAlone.scalar(name), stateSplit.scalar(name), c.name() + ": scalar '" + name + "'");
        }
        assertEquals(5, StepThreads.splitSteps() - splitBefore, c.name() + ": every step split over 3 threads, the first too");
    }

    @Test
    void aNanInAHelpersChunkIsReportedAsUnsplitAndChangesNothing() {
        StepThreads.setThreads(2);
        Adam adam = Adam.pytorch();
        double[] params = start(SIZE);
        double[] grad = new double[SIZE];
        Arrays.fill(grad, 0.5);
        adam.step(params, grad);
        adam.step(params, grad);
        double[] paramsBefore = params.clone();
        OptimizerState stateBefore = adam.state();
        int bad = SIZE - 5;
        grad[bad] = Double.NaN;
        Divergence e = assertThrows(Divergence.class, () -> adam.step(params, grad));
        assertTrue(e.getMessage().startsWith("grad[" + bad + "] is NaN"), e.getMessage());
        assertArrayEquals(paramsBefore, params, "parameters after a refused step");
        assertArrayEquals(stateBefore.array("m"), adam.state().array("m"), "m after a refused step");
        assertEquals(2, adam.stepCount());
        grad[bad] = 0.5;
        adam.step(params, grad);
        assertEquals(3, adam.stepCount(), "the optimizer steps again once the gradient is finite");
    }

    /** Throws from every chunk but the caller's, which starts at 0. */
    static final class FailsOnHelpers extends Optimizer {
        FailsOnHelpers() {
            super("FailsOnHelpers", Convention.PYTORCH, 0.1);
        }

        @Override
        protected void initState(OptimizerState state) {
        }

        @Override
        protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
            if (from > 0) {
                throw new IllegalStateException("chunk from " + from + " failed");
            }
        }

        @Override
        protected String hyperparameters() {
            return "";
        }
    }

    @Test
    void aHelpersFailureReachesTheCaller() {
        StepThreads.setThreads(2);
        Optimizer failing = new FailsOnHelpers();
        double[] params = new double[SIZE];
        double[] grad = new double[SIZE];
        StepThreads.setThreads(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.step(params, grad));
        assertTrue(e.getMessage().startsWith("chunk from "), e.getMessage());  // two helpers failed; one is reported
        Adam adam = Adam.pytorch();
        adam.step(params, grad);
        long before = StepThreads.splitSteps();
        adam.step(params, grad);
        assertEquals(1, StepThreads.splitSteps() - before, "the helpers still run steps after a failure");
    }

    @Test
    void smallVectorsAndOneThreadAreNotSplit() {
        StepThreads.setThreads(2);
        assertEquals(1, StepThreads.threadsFor(2 * StepThreads.MIN_PARAMETERS_PER_THREAD - 1));
        assertEquals(2, StepThreads.threadsFor(2 * StepThreads.MIN_PARAMETERS_PER_THREAD));
        assertEquals(2, StepThreads.threadsFor(100 * StepThreads.MIN_PARAMETERS_PER_THREAD));
        StepThreads.setThreads(1);
        assertEquals(1, StepThreads.threadsFor(100 * StepThreads.MIN_PARAMETERS_PER_THREAD));
    }

    @Test
    void threadCountsOutsideOneTo256AreRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> StepThreads.setThreads(0));
        assertTrue(zero.getMessage().contains("1 to 256 threads, got 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StepThreads.setThreads(257));
    }

    @Test
    void aSplitStepAllocatesNothingOnAnyThread() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations per thread");
        StepThreads.setThreads(2);
        Adam adam = Adam.pytorch();
        double[] params = start(2 * StepThreads.MIN_PARAMETERS_PER_THREAD);
        double[] grad = new double[params.length];
        Arrays.fill(grad, 0.01);
        for (int k = 0; k < 300; k++) {
            adam.step(params, grad);
        }
        long helper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("course-optimizer-step-1")).findFirst().orElseThrow().getId();
        long[] allocated = new long[5];
        for (int window = 0; window < allocated.length; window++) {
            long callerBefore = bean.getCurrentThreadAllocatedBytes();
            long helperBefore = bean.getThreadAllocatedBytes(helper);
            for (int k = 0; k < 100; k++) {
                adam.step(params, grad);
            }
            allocated[window] = bean.getCurrentThreadAllocatedBytes() - callerBefore
                    + bean.getThreadAllocatedBytes(helper) - helperBefore;
            if (allocated[window] == 0) {
                return;
            }
        }
        throw new AssertionError("split Adam steps allocated in every window of 100 steps: "
                + Arrays.toString(allocated) + " bytes");
    }

    private static double[] start(int size) {
        double[] params = new double[size];
        for (int i = 0; i < size; i++) {
            params[i] = Math.sin(i) * 2;
        }
        return params;
    }
}
