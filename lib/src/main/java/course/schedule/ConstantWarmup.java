package course.schedule;

import course.Validate;

/**
 * PyTorch's {@code ConstantLR}: the base rate scaled by a constant factor for the first
 * {@code total_iters} steps, then the base rate itself,
 *
 * <pre>
 *   ε_k = ε₀ · factor   for k &lt; total_iters
 *   ε_k = ε₀            for k ≥ total_iters
 * </pre>
 *
 * a warm-up in one step instead of {@link LinearWarmup}'s ramp. Defaults as PyTorch:
 * factor = 1/3, total_iters = 5. PyTorch accepts factor 0 and then divides by it at total_iters
 * (its chainable form multiplies by 1/factor there): here factor must lie in (0, 1].
 */
public final class ConstantWarmup implements LearningRateSchedule {
    /** PyTorch's default {@code factor}. */
    public static final double DEFAULT_FACTOR = 1.0 / 3;
    /** PyTorch's default {@code total_iters}. */
    public static final long DEFAULT_TOTAL_ITERS = 5;

    private final double initial;
    private final double factor;
    private final long totalIters;

    /** factor 1/3 for 5 steps: PyTorch's defaults. */
    public ConstantWarmup(double learningRate) {
        this(learningRate, DEFAULT_FACTOR, DEFAULT_TOTAL_ITERS);
    }

    public ConstantWarmup(double learningRate, double factor, long totalIters) {
        this.initial = Validate.positive("learning rate", learningRate);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must lie in (0, 1] (the share of the learning rate used during "
                    + "the first total_iters steps), got " + factor);
        }
        this.factor = factor;
        this.totalIters = Steps.nonNegative("total_iters", totalIters);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        return step < totalIters ? initial * factor : initial;
    }

    @Override
    public String toString() {
        return "ConstantWarmup[PyTorch ConstantLR](lr=" + initial + ", factor=" + factor + ", total_iters=" + totalIters
                + ")";
    }
}
