package course.schedule;

import course.Validate;

/**
 * Keras 3's {@code InverseTimeDecay}: the learning rate falls like 1/k,
 *
 * <pre>
 *   ε_k = ε₀ / (1 + r · k / s)            (staircase = False, the default)
 *   ε_k = ε₀ / (1 + r · ⌊k / s⌋)          (staircase = True)
 * </pre>
 *
 * with decay rate r and {@code decay_steps} s (no defaults). With s = r = 1 it is ε₀ / (k + 1), the
 * textbook example of a schedule that meets both Robbins–Monro conditions: Σε_k diverges (like
 * ln k) while Σε_k² converges. PyTorch has no class for it (one writes a {@code LambdaLR}).
 */
public final class InverseTimeDecay implements LearningRateSchedule {
    private final double initial;
    private final long decaySteps;
    private final double decayRate;
    private final boolean staircase;

    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
        this.initial = Validate.positive("learning rate", initialLearningRate);
        this.decaySteps = Steps.positive("decay_steps", decaySteps);
        this.decayRate = Validate.nonNegative("decay_rate", decayRate);
        this.staircase = staircase;
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        double p = (double) step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return initial / (1 + decayRate * p);
    }

    @Override
    public String toString() {
        return "InverseTimeDecay[Keras](initial_learning_rate=" + initial + ", decay_steps=" + decaySteps
                + ", decay_rate=" + decayRate + ", staircase=" + staircase + ")";
    }
}
