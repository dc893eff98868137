package course.optim;

import course.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much memory an optimizer's state costs per parameter, measured rather than looked up: a copy
 * of the optimizer (fresh, its hyperparameters unchanged) takes {@value #PROBE_STEPS} steps on a
 * small probe problem, and every per-parameter state array that has moved away from its initial
 * value counts as used. Plain gradient descent uses none, momentum one (the velocity), RMSProp one
 * (the average of g²; two when centered, three with momentum too), Adam two (m and v; three with
 * AMSGrad's running maximum).
 *
 * <pre>
 * OptimizerMemory.stateArrays(Adam.keras());                 // 2
 * OptimizerMemory.bytesPerParameter(Adam.keras(), 4);        // 8 bytes in float32
 * OptimizerMemory.allocatedArrays(Adam.keras());             // 3: this library also allocates v_max
 * </pre>
 *
 * <p>The course's classes allocate every state array their algorithm can need (Adam's {@code v_max}
 * even without AMSGrad, RMSProp's centered and momentum buffers even when off): simpler code, more
 * memory than a framework would take. {@link #allocatedArrays} counts those, {@link #stateArrays} the
 * ones the update actually uses, which is what a framework stores. Scalars (the step count) are not
 * counted: they do not grow with the model.
 */
public final class OptimizerMemory {
    /** Parameters of the probe problem. */
    public static final int PROBE_SIZE = 8;

    /** Steps taken on the probe problem. */
    public static final int PROBE_STEPS = 3;

    private OptimizerMemory() {
    }

    /** The names of the state arrays the update uses, in the optimizer's order (e.g. [m, v] for Adam). */
    public static List<String> usedState(Optimizer optimizer) {
        Validate.notNull("optimizer", optimizer);
        Optimizer probe = optimizer.copy();
        probe.reset();
        double[] params = new double[PROBE_SIZE];
        for (int i = 0; i < PROBE_SIZE; i++) {
            params[i] = 1.0 + 0.37 * i; // away from the minimum at 0: every gradient entry is non-zero
        }
        // f = Σ ½·cᵢ·θᵢ² with different curvatures cᵢ: the gradients differ in size and change every step
        Differentiable bowl = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double c = 0.5 + i;
                g[i] = c * x[i];
                f += 0.5 * c * x[i] * x[i];
            }
            return f;
        };
        for (int k = 0; k < PROBE_STEPS; k++) {
            probe.step(params, bowl);
        }
        List<String> used = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, double[]> entry : probe.state().entrySet()) {
            double initial = probe.initialState(index++);
            for (double value : entry.getValue()) {
                if (Double.compare(value, initial) != 0) {
                    used.add(entry.getKey());
                    break;
                }
            }
        }
        return used;
    }

    /** The number of per-parameter state arrays the update uses. */
    public static int stateArrays(Optimizer optimizer) {
        return usedState(optimizer).size();
    }

    /** The number of per-parameter state arrays this library allocates for it (at least {@link #stateArrays}). */
    public static int allocatedArrays(Optimizer optimizer) {
        Validate.notNull("optimizer", optimizer);
        return optimizer.state().size();
    }

    /**
     * Bytes of state per parameter with numbers of {@code bytesPerNumber} bytes: 8 for the doubles of
     * this course, 4 for the float32 of PyTorch, Keras and DL4J, 2 for half precision.
     */
    public static int bytesPerParameter(Optimizer optimizer, int bytesPerNumber) {
        if (bytesPerNumber != 2 && bytesPerNumber != 4 && bytesPerNumber != 8) {
            throw new IllegalArgumentException("bytes per number must be 2 (half), 4 (float32) or 8 (float64), got "
                    + bytesPerNumber);
        }
        return stateArrays(optimizer) * bytesPerNumber;
    }

    /** Bytes of state for a model of {@code parameters} parameters (a long: large models pass 2³¹). */
    public static long stateBytes(Optimizer optimizer, long parameters, int bytesPerNumber) {
        if (parameters < 0) {
            throw new IllegalArgumentException("a model has a non-negative number of parameters, got " + parameters);
        }
        return parameters * bytesPerParameter(optimizer, bytesPerNumber);
    }
}
