package course.optim;

import java.util.List;

/**
 * How much memory an optimizer's state costs per parameter, in the units a framework user thinks in
 * (bytes per parameter at 2, 4 or 8 bytes a number; bytes for a model of any size), from
 * {@link StateMemory}'s measurement: a copy of the optimizer takes a few steps on a small probe
 * problem, and every per-parameter state array that has moved away from its initial value counts as
 * used. Plain gradient descent uses none, momentum one (the velocity), RMSProp one
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

    private OptimizerMemory() {
    }

    /** The names of the state arrays the update uses, in the optimizer's order (e.g. [m, v] for Adam). */
    public static List<String> usedState(Optimizer optimizer) {
        return StateMemory.measure(optimizer, PROBE_SIZE).usedArrays();
    }

    /** The number of per-parameter state arrays the update uses. */
    public static int stateArrays(Optimizer optimizer) {
        return usedState(optimizer).size();
    }

    /** The number of per-parameter state arrays this library allocates for it (at least {@link #stateArrays}). */
    public static int allocatedArrays(Optimizer optimizer) {
        return StateMemory.measure(optimizer, PROBE_SIZE).arrays().size();
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
