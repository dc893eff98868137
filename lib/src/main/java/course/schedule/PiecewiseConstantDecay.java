package course.schedule;

import course.Validate;
import java.util.Arrays;

/**
 * Keras 3's {@code PiecewiseConstantDecay(boundaries, values)}: a fixed rate on each interval
 * between boundaries b₀ &lt; b₁ &lt; … &lt; b_{n−1},
 *
 * <pre>
 *   ε_k = values[0]   for k ≤ b₀
 *   ε_k = values[i]   for b_{i−1} &lt; k ≤ b_i
 *   ε_k = values[n]   for k &gt; b_{n−1}
 * </pre>
 *
 * so there is one more value than boundaries, and neither has a default. A boundary is the
 * <em>last</em> step of the rate before it: the new rate starts at step b + 1. PyTorch's
 * {@link MultiStepDecay} changes the rate at the milestone itself, so {@code MultiStepLR} with
 * milestones [30, 80] and γ is {@code new PiecewiseConstantDecay(new long[] {29, 79},
 * η₀, η₀γ, η₀γ²)}, and the values need not decrease (a rising piece is a warm-up).
 *
 * <p>Keras does not check its arguments beyond the counts: boundaries out of order make it add up
 * the values of overlapping intervals, and float boundaries are truncated to the step's integer
 * type. Here the boundaries must be whole steps ≥ 0, strictly increasing, and the values finite
 * and ≥ 0.
 */
public final class PiecewiseConstantDecay implements LearningRateSchedule {
    private final long[] boundaries;
    private final double[] values;

    public PiecewiseConstantDecay(long[] boundaries, double... values) {
        if (boundaries == null || boundaries.length == 0) {
            throw new IllegalArgumentException("boundaries must list at least one step (the last step of the first "
                    + "rate), got " + (boundaries == null ? "null" : "none") + "; a single rate is a ConstantSchedule");
        }
        if (values == null || values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("values must have one entry more than boundaries (a rate before the "
                    + "first boundary, between each pair and after the last): " + boundaries.length
                    + " boundaries need " + (boundaries.length + 1) + " values, got "
                    + (values == null ? "null" : String.valueOf(values.length)));
        }
        for (int i = 0; i < boundaries.length; i++) {
            Steps.nonNegative("boundaries[" + i + "]", boundaries[i]);
            if (i > 0 && boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("boundaries must be strictly increasing, got "
                        + Arrays.toString(boundaries) + " (boundaries[" + i + "] = " + boundaries[i]
                        + " is not above boundaries[" + (i - 1) + "] = " + boundaries[i - 1] + ")");
            }
        }
        for (int i = 0; i < values.length; i++) {
            Validate.nonNegative("values[" + i + "] (a learning rate)", values[i]);
        }
        this.boundaries = boundaries.clone();
        this.values = values.clone();
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        int piece = 0;
        while (piece < boundaries.length && step > boundaries[piece]) {
            piece++;
        }
        return values[piece];
    }

    @Override
    public String toString() {
        return "PiecewiseConstantDecay[Keras](boundaries=" + Arrays.toString(boundaries) + ", values="
                + Arrays.toString(values) + ")";
    }
}
