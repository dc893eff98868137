package course.schedule;

import course.Validate;

/**
 * The textbook's linear decay (Goodfellow, Bengio and Courville, Deep Learning, §8.3.1): the
 * learning rate falls linearly from ε₀ to ε_τ over τ steps and then stays at ε_τ,
 *
 * <pre>
 *   ε_k = (1 − α) ε₀ + α ε_τ,   α = k / τ,   for k &lt; τ
 *   ε_k = ε_τ                                for k ≥ τ
 * </pre>
 *
 * The book's advice: τ a few hundred passes through the training set, ε_τ roughly 1% of ε₀ (what
 * {@link #textbook(double, long)} uses). The frameworks have it as PyTorch's {@code LinearLR} with
 * {@code end_factor = ε_τ/ε₀} and Keras's {@code PolynomialDecay} with {@code power = 1}.
 */
public final class LinearDecay implements LearningRateSchedule {
    private final double initial;
    private final double last;
    private final long tau;

    /** ε₀ → ε_τ over τ steps. */
    public LinearDecay(double initialLearningRate, double finalLearningRate, long tau) {
        this.initial = Validate.positive("initial learning rate ε₀", initialLearningRate);
        this.last = Validate.positive("final learning rate ε_τ", finalLearningRate);
        this.tau = Steps.positive("τ (the step where the decay ends)", tau);
    }

    /** The book's suggestion: ε_τ = ε₀ / 100. */
    public static LinearDecay textbook(double initialLearningRate, long tau) {
        Validate.positive("initial learning rate ε₀", initialLearningRate);
        return new LinearDecay(initialLearningRate, initialLearningRate / 100, tau);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        if (step >= tau) {
            return last;
        }
        double alpha = (double) step / tau;
        return (1 - alpha) * initial + alpha * last;
    }

    @Override
    public String toString() {
        return "LinearDecay[textbook](ε₀=" + initial + ", ε_τ=" + last + ", τ=" + tau + ")";
    }
}
