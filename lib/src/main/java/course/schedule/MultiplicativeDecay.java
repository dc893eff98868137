package course.schedule;

import java.util.function.LongToDoubleFunction;

/**
 * PyTorch's {@code MultiplicativeLR}: each step multiplies the previous learning rate by a factor
 * that a function of the step gives,
 *
 * <pre>
 *   ε_0 = ε₀,   ε_k = ε_{k−1} · f(k) = ε₀ · f(1) · f(2) ⋯ f(k)
 * </pre>
 *
 * ({@code lr_lambda(epoch)}, called with k = 1, 2, …, never with 0). A constant f = γ is
 * {@link ExponentialDecay#pytorch}; f lets the factor change with the step, e.g. {@code k -> k % 10 == 0 ? 0.5
 * : 1.0} halves the rate every ten steps. The product is kept for the last step asked, so walking
 * the steps in order costs one multiplication each; asking for an earlier step multiplies again from
 * step 1. Every factor must be finite and ≥ 0 (the message names the step where one is not).
 */
public final class MultiplicativeDecay implements LearningRateSchedule {
    private final double initial;
    private final LongToDoubleFunction factor;
    private volatile Product last;

    /** ε₀ · f(1) ⋯ f(step): one immutable pair, so that threads sharing the schedule never see half of it. */
    private record Product(long step, double value) {
    }

    public MultiplicativeDecay(double learningRate, LongToDoubleFunction factor) {
        this.initial = course.Validate.positive("learning rate", learningRate);
        this.factor = Steps.notNull("factor (a function from the step k ≥ 1 to the multiplier of step k)", factor);
        this.last = new Product(0, initial);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        Product from = last;
        if (from.step() > step) {
            from = new Product(0, initial);
        }
        double value = from.value();
        for (long k = from.step() + 1; k <= step; k++) {
            double f = factor.applyAsDouble(k);
            if (!(f >= 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("the factor function gives " + f + " at step " + k
                        + ": a multiplier must be a finite number ≥ 0");
            }
            value *= f;
        }
        last = new Product(step, value);
        return value;
    }

    @Override
    public String toString() {
        return "MultiplicativeDecay[PyTorch MultiplicativeLR](lr=" + initial + ", lr_lambda=" + factor + ")";
    }
}
