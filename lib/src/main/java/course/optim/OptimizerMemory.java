package course.optim;

import java.util.List;

/**
 * How much memory an optimizer's state costs, read from the state it starts from
 * ({@link Optimizer#initialState(int)}), in the units a framework user thinks in: bytes per parameter
 * at 2, 4 or 8 bytes a number, bytes for a model of any size. An optimizer allocates only the arrays
 * its options use, as PyTorch does: plain gradient descent none, momentum one (the velocity), RMSProp
 * one (the average of g²; two when centered, three with momentum too), Adam two (m and v; three with
 * AMSGrad's running maximum).
 *
 * <pre>
 * OptimizerMemory.arrays(Adam.keras());                      // [m, v]
 * OptimizerMemory.bytesPerParameter(Adam.keras(), 4);        // 8 bytes in float32
 * OptimizerMemory.stateBytes(Adam.keras(), 7_000_000_000L, 4) // 56 GB for a 7-billion-parameter model
 * </pre>
 *
 * Scalars (the step count, NAdam's product of momentum factors) are not counted per parameter: they
 * do not grow with the model. Nor are the look-ahead point of the textbook's Nesterov forms and the
 * gradient buffer, which are scratch rather than state.
 */
public final class OptimizerMemory {

    private OptimizerMemory() {
    }

    /** The names of the per-parameter state arrays, in the optimizer's order (e.g. [m, v] for Adam). */
    public static List<String> arrays(Optimizer optimizer) {
        course.Validate.notNull("optimizer", optimizer);
        return List.copyOf(optimizer.initialState(1).arrayNames());
    }

    /** The number of per-parameter state arrays. */
    public static int stateArrays(Optimizer optimizer) {
        return arrays(optimizer).size();
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
