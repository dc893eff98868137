package course.schedule;

import course.Validate;

/**
 * Exponential decay, in PyTorch's and in Keras 3's definition, which are one formula:
 *
 * <pre>
 *   ε_k = ε₀ · r^(k / s)                  (Keras ExponentialDecay, staircase = False)
 *   ε_k = ε₀ · r^⌊k / s⌋                  (Keras ExponentialDecay, staircase = True)
 *   ε_k = ε₀ · γ^k                        (PyTorch ExponentialLR: s = 1, r = γ)
 * </pre>
 *
 * with decay rate r, {@code decay_steps} s. Neither framework has a default for γ, r or s; Keras's
 * {@code staircase} defaults to False. Keras evaluates the formula in the dtype of the initial
 * learning rate (float32 unless given a float64 tensor); this class computes in double.
 *
 * <p>Σε_k = ε₀ / (1 − γ) is finite: an exponential schedule does not satisfy the Robbins–Monro
 * condition Σε_k = ∞, so SGD with it can stop short of a minimum.
 */
public final class ExponentialDecay implements LearningRateSchedule {
    private final String framework;
    private final double initial;
    private final long decaySteps;
    private final double decayRate;
    private final boolean staircase;

    private ExponentialDecay(String framework, double initial, long decaySteps, double decayRate, boolean staircase) {
        this.framework = framework;
        this.initial = Validate.positive("learning rate", initial);
        this.decaySteps = Steps.positive("decay_steps", decaySteps);
        this.decayRate = Steps.decayFactor(framework.startsWith("PyTorch") ? "gamma" : "decay_rate", decayRate);
        this.staircase = staircase;
    }

    /** PyTorch's {@code ExponentialLR(optimizer, gamma)}: ε₀ γ^k. */
    public static ExponentialDecay pytorch(double learningRate, double gamma) {
        return new ExponentialDecay("PyTorch ExponentialLR", learningRate, 1, gamma, false);
    }

    /** Keras's {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate)}, staircase False. */
    public static ExponentialDecay keras(double initialLearningRate, long decaySteps, double decayRate) {
        return keras(initialLearningRate, decaySteps, decayRate, false);
    }

    /** Keras's {@code ExponentialDecay} with its {@code staircase} option. */
    public static ExponentialDecay keras(double initialLearningRate, long decaySteps, double decayRate,
            boolean staircase) {
        return new ExponentialDecay("Keras ExponentialDecay", initialLearningRate, decaySteps, decayRate, staircase);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        double p = (double) step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return initial * Math.pow(decayRate, p);
    }

    @Override
    public String toString() {
        return framework.startsWith("PyTorch")
                ? "ExponentialDecay[" + framework + "](lr=" + initial + ", gamma=" + decayRate + ")"
                : "ExponentialDecay[" + framework + "](initial_learning_rate=" + initial + ", decay_steps="
                        + decaySteps + ", decay_rate=" + decayRate + ", staircase=" + staircase + ")";
    }
}
