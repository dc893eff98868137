package course.optim;

import course.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How much memory an optimizer keeps per parameter, measured from its state arrays: a copy of the
 * optimizer takes a few steps on a seeded quadratic with {@code n} parameters, then every state array
 * is counted at 8 bytes (one double) per entry. "Used" arrays are those the update wrote: an array
 * still holding its initial value everywhere after the steps (such as Adam's {@code v_max} without
 * AMSGrad, or RMSProp's {@code grad_avg} when it is not centered) is allocated by {@code lib} but not
 * needed by the algorithm as configured; PyTorch allocates those only when the option is on.
 *
 * <p>{@link Clipped} is measured as the optimizer it wraps (its clipped-gradient copy is scratch).
 * Not counted: scalars (the step count, NAdam's product of momentum factors), the JVM's array
 * headers (16 bytes per array, whatever its length), the gradient buffer every training loop needs,
 * and the look-ahead point the textbook's Nesterov forms fill before each gradient (one more array,
 * scratch rather than state).
 */
public record StateMemory(String optimizer, int parameters, List<String> arrays, List<String> usedArrays,
                          long allocatedBytes, long usedBytes) {

    /** Steps taken before counting: enough for every array that the update writes to have been written. */
    public static final int STEPS = 3;

    public StateMemory {
        arrays = List.copyOf(arrays);
        usedArrays = List.copyOf(usedArrays);
    }

    /** Measures a copy of {@code optimizer} (the original is left as it was) on {@code n} parameters. */
    public static StateMemory measure(Optimizer optimizer, int n) {
        Validate.notNull("optimizer", optimizer);
        Validate.positive("n", n);
        Optimizer measured = optimizer instanceof Clipped clipped ? clipped.wrapped() : optimizer;
        Optimizer copy = measured.copy();
        copy.reset();
        Random random = new Random(n);
        double[] params = new double[n], curvature = new double[n];
        for (int i = 0; i < n; i++) {
            params[i] = random.nextGaussian();
            curvature[i] = 0.5 + random.nextDouble();
        }
        Differentiable quadratic = (x, grad) -> {
            double value = 0;
            for (int i = 0; i < x.length; i++) {
                grad[i] = curvature[i] * x[i];
                value += 0.5 * curvature[i] * x[i] * x[i];
            }
            return value;
        };
        for (int k = 0; k < STEPS; k++) {
            copy.step(params, quadratic);
        }
        List<String> arrays = new ArrayList<>(), used = new ArrayList<>();
        long allocated = 0, usedBytes = 0;
        int index = 0;
        for (Map.Entry<String, double[]> e : copy.state().entrySet()) {
            double[] values = e.getValue();
            double initial = copy.initialState(index++);
            long bytes = (long) Double.BYTES * values.length;
            arrays.add(e.getKey());
            allocated += bytes;
            boolean written = false;
            for (double value : values) {
                if (Double.compare(value, initial) != 0) {
                    written = true;
                    break;
                }
            }
            if (written) {
                used.add(e.getKey());
                usedBytes += bytes;
            }
        }
        return new StateMemory(measured.toString(), n, arrays, used, allocated, usedBytes);
    }

    /** Bytes of allocated state per parameter. */
    public double allocatedPerParameter() {
        return (double) allocatedBytes / parameters;
    }

    /** Bytes of state per parameter that the algorithm, as configured, needs. */
    public double usedPerParameter() {
        return (double) usedBytes / parameters;
    }
}
