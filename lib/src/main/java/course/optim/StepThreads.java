package course.optim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits one optimizer step over the cores. Every update rule of the course changes each parameter
 * from that parameter's own gradient and state only, so the fused loop can be cut into contiguous
 * chunks that threads run side by side, with results identical to one thread's to the last bit. A
 * step on a large vector is limited by memory bandwidth, and on most machines one core cannot use
 * all of it: the extra threads pay there (see lib/BENCHMARK.md), and nowhere else.
 *
 * <p>How a step runs: the caller's thread posts the step to parked helper threads (daemons, created
 * on first need and kept), takes the first chunk itself and waits for the others; first every chunk
 * checks that its gradient is finite, then (if all are) every chunk updates. Nothing is allocated
 * per step. A vector with fewer than {@link #MIN_PARAMETERS_PER_THREAD} parameters per thread stays
 * on the caller's thread (waking a helper costs tens of microseconds), as does a step taken while
 * another thread's step holds the helpers.
 *
 * <p>The number of threads is {@link #threads()}: the system property {@code course.optim.threads}
 * if set, else the number of available processors; {@link #setThreads(int)} changes it.
 */
public final class StepThreads {
    /** A thread gets at least this many parameters, or the step is not split. */
    public static final int MIN_PARAMETERS_PER_THREAD = 1 << 16;

    /** How long a thread spins for new work (or for its helpers) before parking: a training loop steps back to back. */
    private static final long SPIN_NANOS = 50_000;
    private static final int MAX_THREADS = 256;
    private static final int CHECK = 0;
    private static final int UPDATE = 1;

    private static final ReentrantLock BUSY = new ReentrantLock();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static volatile int threads = initialThreads();
    private static Helper[] helpers = new Helper[0];
    private static volatile Thread waiter;
    private static long splitSteps;

    // The step being run, written by the caller before it posts and read by the helpers after.
    private static Optimizer optimizer;
    private static double[] params;
    private static double[] grad;
    private static long step;
    private static int phase;
    private static int chunks;
    private static final int[] FIRST_BAD = new int[MAX_THREADS];
    private static final Throwable[] FAILURE = new Throwable[MAX_THREADS];

    private StepThreads() {
    }

    /** Threads an optimizer step may use (1 = the caller's thread only). */
    public static int threads() {
        return threads;
    }

    /** Sets the threads an optimizer step may use, from 1 (no splitting) to 256. */
    public static void setThreads(int count) {
        if (count < 1 || count > MAX_THREADS) {
            throw new IllegalArgumentException("an optimizer step uses 1 to " + MAX_THREADS + " threads, got " + count
                    + " (1 keeps every step on the caller's thread)");
        }
        threads = count;
    }

    private static int initialThreads() {
        String property = System.getProperty("course.optim.threads");
        int processors = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (property == null) {
            return processors;
        }
        try {
            int count = Integer.parseInt(property.trim());
            if (count >= 1 && count <= MAX_THREADS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the system property course.optim.threads is '" + property
                + "'; it must be a whole number from 1 to " + MAX_THREADS);
    }

    /** Steps split so far (for the tests: a step that should split, did). */
    static long splitSteps() {
        BUSY.lock();
        try {
            return splitSteps;
        } finally {
            BUSY.unlock();
        }
    }

    /** The threads a step on {@code size} parameters would use now. */
    public static int threadsFor(int size) {
        return Math.max(1, Math.min(threads, size / MIN_PARAMETERS_PER_THREAD));
    }

    /**
     * Runs one step split over the helper threads: the finiteness check of {@code grad}, then
     * {@code beginStep} on the caller's thread, then {@code updateRange} on every chunk. Returns
     * false, having done nothing, where the step should run on the caller's thread alone.
     */
    static boolean split(Optimizer target, double[] targetParams, double[] targetGrad, long t) {
        int count = threadsFor(targetParams.length);
        if (count < 2 || !BUSY.tryLock()) {
            return false;
        }
        try {
            ensureHelpers(count - 1);
            optimizer = target;
            params = targetParams;
            grad = targetGrad;
            step = t;
            chunks = count;
            waiter = Thread.currentThread();
            run(CHECK);
            for (int k = 0; k < count; k++) {
                if (FIRST_BAD[k] >= 0) {
                    Divergence.requireFinite("grad", targetGrad);  // throws, with the message of an unsplit step
                }
            }
            target.beginSplitStep(t);
            run(UPDATE);
            splitSteps++;
            return true;
        } finally {
            optimizer = null;
            params = null;
            grad = null;
            waiter = null;
            BUSY.unlock();
        }
    }

    private static void run(int which) {
        phase = which;
        int helperCount = chunks - 1;
        PENDING.set(helperCount);
        for (int h = 0; h < helperCount; h++) {
            helpers[h].post();
        }
        runChunk(0);
        long start = System.nanoTime();
        while (PENDING.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(StepThreads.class);
            }
        }
        Throwable failure = null;
        for (int k = 0; k < chunks; k++) {
            if (failure == null) {
                failure = FAILURE[k];
            }
            FAILURE[k] = null;  // every chunk's, so that none is reported again by a later step
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("an optimizer step failed on a helper thread", failure);
        }
    }

    /**
     * Chunk k of n parameters, its bounds rounded down to a multiple of 8 doubles (64 bytes), so that
     * every chunk is aligned alike and two threads share at most the one cache line at a boundary.
     */
    private static void runChunk(int k) {
        int n = params.length;
        int from = k == 0 ? 0 : (int) ((long) n * k / chunks) & ~7;
        int to = k == chunks - 1 ? n : (int) ((long) n * (k + 1) / chunks) & ~7;
        try {
            if (phase == CHECK) {
                FIRST_BAD[k] = firstNonFinite(grad, from, to);
            } else {
                optimizer.updateSplitRange(params, grad, step, from, to);
            }
        } catch (Throwable failure) {
            FAILURE[k] = failure;
            FIRST_BAD[k] = phase == CHECK ? from : -1;
        }
    }

    private static int firstNonFinite(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static void ensureHelpers(int count) {
        if (helpers.length >= count) {
            return;
        }
        Helper[] grown = java.util.Arrays.copyOf(helpers, count);
        for (int h = helpers.length; h < count; h++) {
            grown[h] = new Helper(h + 1);
            grown[h].start();
        }
        helpers = grown;
    }

    private static final class Helper extends Thread {
        private final int chunk;
        private volatile long posted;

        Helper(int chunk) {
            super("course-optimizer-step-" + chunk);
            this.chunk = chunk;
            setDaemon(true);
        }

        void post() {
            posted++;  // only the caller holding BUSY writes it
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long start = System.nanoTime();
                long now;
                while ((now = posted) == seen) {
                    if (System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = now;
                runChunk(chunk);
                if (PENDING.decrementAndGet() == 0) {
                    LockSupport.unpark(waiter);
                }
            }
        }
    }
}
