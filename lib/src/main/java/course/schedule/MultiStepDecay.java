package course.schedule;

import course.Validate;
import java.util.Arrays;

/**
 * PyTorch's {@code MultiStepLR}: the learning rate is multiplied by γ at each milestone,
 *
 * <pre>
 *   ε_k = ε₀ · γ^(number of milestones m with m ≤ k)
 * </pre>
 *
 * Defaults as PyTorch: γ = 0.1; the milestones have none. PyTorch also accepts a repeated
 * milestone (it then multiplies by γ² there); here the milestones must be strictly increasing, so a
 * typo such as {@code [30, 30]} is caught: pass a smaller γ instead.
 */
public final class MultiStepDecay implements LearningRateSchedule {
    private final double initial;
    private final long[] milestones;
    private final double gamma;

    /** γ = 0.1, PyTorch's default. */
    public MultiStepDecay(double learningRate, long... milestones) {
        this(learningRate, milestones, 0.1);
    }

    public MultiStepDecay(double learningRate, long[] milestones, double gamma) {
        this.initial = Validate.positive("learning rate", learningRate);
        this.milestones = checkMilestones(milestones);
        this.gamma = Steps.decayFactor("gamma", gamma);
    }

    private static long[] checkMilestones(long[] milestones) {
        if (milestones == null || milestones.length == 0) {
            throw new IllegalArgumentException("milestones must list at least one step at which to decay, got "
                    + (milestones == null ? "null" : "none"));
        }
        for (int i = 0; i < milestones.length; i++) {
            Steps.nonNegative("milestones[" + i + "]", milestones[i]);
            if (i > 0 && milestones[i] <= milestones[i - 1]) {
                throw new IllegalArgumentException("milestones must be strictly increasing, got "
                        + Arrays.toString(milestones) + " (milestones[" + i + "] = " + milestones[i]
                        + " is not above milestones[" + (i - 1) + "] = " + milestones[i - 1] + ")");
            }
        }
        return milestones.clone();
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        int passed = 0;
        while (passed < milestones.length && milestones[passed] <= step) {
            passed++;
        }
        return initial * Math.pow(gamma, passed);
    }

    @Override
    public String toString() {
        return "MultiStepDecay[PyTorch MultiStepLR](lr=" + initial + ", milestones=" + Arrays.toString(milestones)
                + ", gamma=" + gamma + ")";
    }
}
