package course;

import java.lang.management.ManagementFactory;
import java.util.function.ToDoubleFunction;

/** Test helpers: central finite differences and the bytes a thread allocates. */
public final class NumericChecks {
    private NumericChecks() {
    }

    /** (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ for every i, with hᵢ = h·max(1, |xᵢ|). */
    public static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] grad = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            double step = h * Math.max(1, Math.abs(x[i]));
            probe[i] = x[i] + step;
            double up = f.applyAsDouble(probe);
            probe[i] = x[i] - step;
            double down = f.applyAsDouble(probe);
            probe[i] = x[i];
            grad[i] = (up - down) / (2 * step);
        }
        return grad;
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖), 0 when both are zero. */
    public static double relativeError(double[] a, double[] b) {
        double diff = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        double scale = Math.sqrt(Math.max(normA, normB));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }

    public static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Bytes allocated so far by the current thread, or −1 where the JVM cannot tell. */
    public static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
