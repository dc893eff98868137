package course.train;

import course.Validate;

/**
 * A small timing harness for code that runs in microseconds: run it {@code reps} times in a row, a
 * few times over, and keep the fastest mean. The fastest, not the mean, because on a shared machine
 * the noise (other processes, the JIT, the garbage collector) only ever adds time.
 */
public final class Timing {

    private Timing() {
    }

    /** The fastest, over {@code tries} tries, of the mean nanoseconds one run of {@code work} takes in {@code reps} runs. */
    public static double bestNanosPer(int reps, int tries, Runnable work) {
        Validate.positive("reps", reps);
        Validate.positive("tries", tries);
        Validate.notNull("work", work);
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < tries; t++) {
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                work.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) reps);
        }
        return best;
    }
}
