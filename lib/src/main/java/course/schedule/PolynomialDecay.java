package course.schedule;

import course.Validate;

/**
 * Polynomial decay from ε₀ towards an end value over a fixed number of steps, in PyTorch's and in
 * Keras 3's definition:
 *
 * <pre>
 *   PyTorch PolynomialLR:  ε_k = ε₀ · (1 − min(k, T) / T)^p
 *   Keras PolynomialDecay: ε_k = (ε₀ − ε_end) · (1 − min(k, S) / S)^p + ε_end
 *     with cycle = True:   S is replaced by S · ⌈k / S⌉ (S itself at k = 0), and k is not capped
 * </pre>
 *
 * How they differ:
 * <ul>
 * <li>PyTorch decays to 0: the learning rate is exactly 0 from step T on (an optimizer refuses
 *     that, so stop at step T − 1); Keras decays to {@code end_learning_rate} and stays there.</li>
 * <li>Defaults: PyTorch {@code total_iters = 5}, {@code power = 1.0}; Keras has no default for
 *     {@code decay_steps}, and {@code end_learning_rate = 0.0001}, {@code power = 1.0},
 *     {@code cycle = False}.</li>
 * <li>Only Keras can cycle: past S the horizon stretches to the next multiple of S, so the rate
 *     jumps back up (not to ε₀: at step S + 1 it is near the value of step S/2) and decays again
 *     over a longer horizon.</li>
 * <li>PyTorch computes it in a chainable form (the current rate times a ratio of consecutive
 *     factors); the closed form here agrees with it.</li>
 * </ul>
 * With p = 1 both are a linear decay (the textbook's {@link LinearDecay}, for Keras).
 */
public final class PolynomialDecay implements LearningRateSchedule {
    private final String framework;
    private final double initial;
    private final double end;
    private final long decaySteps;
    private final double power;
    private final boolean cycle;

    private PolynomialDecay(String framework, double initial, double end, long decaySteps, double power,
            boolean cycle) {
        this.framework = framework;
        this.initial = Validate.positive("learning rate", initial);
        this.end = Validate.nonNegative("end_learning_rate", end);
        this.decaySteps = Steps.positive(framework.startsWith("PyTorch") ? "total_iters" : "decay_steps", decaySteps);
        this.power = Validate.positive("power", power);
        this.cycle = cycle;
    }

    /** PyTorch's {@code PolynomialLR} with its defaults: {@code total_iters = 5}, {@code power = 1.0}. */
    public static PolynomialDecay pytorch(double learningRate) {
        return pytorch(learningRate, 5, 1.0);
    }

    /** PyTorch's {@code PolynomialLR(optimizer, total_iters, power)}: decays to 0 at step {@code totalIters}. */
    public static PolynomialDecay pytorch(double learningRate, long totalIters, double power) {
        return new PolynomialDecay("PyTorch PolynomialLR", learningRate, 0, totalIters, power, false);
    }

    /** Keras's {@code PolynomialDecay} with its defaults: end 0.0001, power 1.0, no cycling. */
    public static PolynomialDecay keras(double initialLearningRate, long decaySteps) {
        return keras(initialLearningRate, decaySteps, 0.0001, 1.0, false);
    }

    /** Keras's {@code PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate, power, cycle)}. */
    public static PolynomialDecay keras(double initialLearningRate, long decaySteps, double endLearningRate,
            double power, boolean cycle) {
        return new PolynomialDecay("Keras PolynomialDecay", initialLearningRate, endLearningRate, decaySteps, power,
                cycle);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        double k = step;
        double horizon = decaySteps;
        if (cycle) {
            horizon *= step == 0 ? 1.0 : Math.ceil(k / decaySteps);
        } else {
            k = Math.min(k, horizon);
        }
        double p = k / horizon;
        return (initial - end) * Math.pow(1 - p, power) + end;
    }

    @Override
    public String toString() {
        return framework.startsWith("PyTorch")
                ? "PolynomialDecay[" + framework + "](lr=" + initial + ", total_iters=" + decaySteps + ", power="
                        + power + ")"
                : "PolynomialDecay[" + framework + "](initial_learning_rate=" + initial + ", decay_steps="
                        + decaySteps + ", end_learning_rate=" + end + ", power=" + power + ", cycle=" + cycle + ")";
    }
}
