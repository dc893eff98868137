package course.schedule;

import course.Validate;

/**
 * PyTorch's {@code StepLR}: the learning rate is multiplied by γ every {@code step_size} steps,
 *
 * <pre>
 *   ε_k = ε₀ · γ^⌊k / step_size⌋
 * </pre>
 *
 * Defaults as PyTorch: γ = 0.1; {@code step_size} has none. (PyTorch computes it in a chainable
 * form, multiplying the current learning rate by γ at each multiple of {@code step_size}; the closed
 * form here agrees while nothing else changes the learning rate.)
 */
public final class StepDecay implements LearningRateSchedule {
    private final double initial;
    private final long stepSize;
    private final double gamma;

    /** γ = 0.1, PyTorch's default. */
    public StepDecay(double learningRate, long stepSize) {
        this(learningRate, stepSize, 0.1);
    }

    public StepDecay(double learningRate, long stepSize, double gamma) {
        this.initial = Validate.positive("learning rate", learningRate);
        this.stepSize = Steps.positive("step_size", stepSize);
        this.gamma = Steps.decayFactor("gamma", gamma);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        return initial * Math.pow(gamma, step / stepSize);
    }

    @Override
    public String toString() {
        return "StepDecay[PyTorch StepLR](lr=" + initial + ", step_size=" + stepSize + ", gamma=" + gamma + ")";
    }
}
