package course.schedule;

import course.Validate;

/**
 * A fixed learning rate, ε_k = ε for every step: what all three conventions do when no schedule is
 * given (PyTorch without a scheduler, Keras with a float {@code learning_rate}, the textbook's
 * Algorithm 8.1 with a fixed ε). The baseline the Robbins–Monro conditions rule out for SGD:
 * Σε_k diverges, as it should, but so does Σε_k².
 */
public final class ConstantSchedule implements LearningRateSchedule {
    private final double learningRate;

    public ConstantSchedule(double learningRate) {
        this.learningRate = Validate.positive("learning rate", learningRate);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        return learningRate;
    }

    @Override
    public String toString() {
        return "ConstantSchedule(lr=" + learningRate + ")";
    }
}
