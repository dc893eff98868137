package course.schedule;

import course.optim.Optimizer;

/**
 * A linear ramp of the learning rate, PyTorch's {@code LinearLR}: a factor that moves linearly
 * from {@code start_factor} to {@code end_factor} over {@code total_iters} steps and then stays,
 *
 * <pre>
 *   f(k) = start + (end − start) · min(k, total_iters) / total_iters
 * </pre>
 *
 * Defaults as PyTorch: {@code start_factor = 1/3}, {@code end_factor = 1}, {@code total_iters = 5}.
 * Three ways to use it:
 * <ul>
 * <li>{@link #linearLR}: alone on a base rate, ε_k = ε₀ · f(k) (PyTorch's {@code LinearLR};
 *     with end_factor &lt; start_factor it is a decay, not a warm-up);</li>
 * <li>{@link #scaling}: multiplying any schedule, ε_k = f(k) · inner(k), which is what PyTorch's
 *     {@code ChainedScheduler([LinearLR(...), inner])} computes when the inner scheduler is
 *     multiplicative ({@code ExponentialLR}, {@code StepLR}, a cosine with η_min = 0 whose minimum
 *     comes after the warm-up);</li>
 * <li>{@link #before}: a warm-up of W steps from start_factor·inner(0) up to inner(0), then the
 *     inner schedule from its own step 0, ε_k = inner(k − W) for k ≥ W, which is what PyTorch's
 *     {@code SequentialLR([LinearLR(total_iters=W), inner], milestones=[W])} computes.</li>
 * </ul>
 * The momentum, if the inner schedule sets one, passes through (during a {@link #before} warm-up,
 * the inner schedule's step-0 momentum).
 */
public final class LinearWarmup implements LearningRateSchedule {
    /** PyTorch's default {@code start_factor}. */
    public static final double DEFAULT_START_FACTOR = 1.0 / 3;
    /** PyTorch's default {@code total_iters}. */
    public static final long DEFAULT_TOTAL_ITERS = 5;

    private enum Composition { SCALING, BEFORE }

    private final LearningRateSchedule inner;
    private final double startFactor;
    private final double endFactor;
    private final long totalIters;
    private final Composition composition;

    private LinearWarmup(LearningRateSchedule inner, double startFactor, double endFactor, long totalIters,
            Composition composition) {
        this.inner = Steps.notNull("the schedule to warm up", inner);
        this.startFactor = factor("start_factor", startFactor);
        this.endFactor = factor("end_factor", endFactor);
        this.totalIters = Steps.positive("total_iters", totalIters);
        this.composition = composition;
    }

    private static double factor(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1] (a fraction of the learning rate; 0 would "
                    + "make the learning rate 0), got " + value);
        }
        return value;
    }

    /** PyTorch's {@code LinearLR} with its defaults (1/3 → 1 over 5 steps) on a constant rate. */
    public static LinearWarmup linearLR(double learningRate) {
        return linearLR(learningRate, DEFAULT_START_FACTOR, 1.0, DEFAULT_TOTAL_ITERS);
    }

    /** PyTorch's {@code LinearLR(optimizer, start_factor, end_factor, total_iters)} on a constant rate. */
    public static LinearWarmup linearLR(double learningRate, double startFactor, double endFactor, long totalIters) {
        return new LinearWarmup(new ConstantSchedule(learningRate), startFactor, endFactor, totalIters,
                Composition.SCALING);
    }

    /** f(k) · inner(k), f rising from {@code startFactor} to 1 over {@code totalIters} steps. */
    public static LinearWarmup scaling(LearningRateSchedule inner, double startFactor, long totalIters) {
        return new LinearWarmup(inner, startFactor, 1.0, totalIters, Composition.SCALING);
    }

    /** PyTorch's defaults (start factor 1/3, 5 steps), then the inner schedule from its step 0. */
    public static LinearWarmup before(LearningRateSchedule inner) {
        return before(inner, DEFAULT_START_FACTOR, DEFAULT_TOTAL_ITERS);
    }

    /**
     * {@code warmupSteps} steps rising linearly from {@code startFactor}·inner(0) towards inner(0),
     * then inner(k − warmupSteps).
     */
    public static LinearWarmup before(LearningRateSchedule inner, double startFactor, long warmupSteps) {
        return new LinearWarmup(inner, startFactor, 1.0, warmupSteps, Composition.BEFORE);
    }

    /** The warm-up of the inner schedule bound to {@code optimizer} (see {@link LearningRateSchedule#fromBaseRate}). */
    @Override
    public LearningRateSchedule forOptimizer(Optimizer optimizer) {
        LearningRateSchedule bound = inner.forOptimizer(optimizer);
        return bound == inner ? this : new LinearWarmup(bound, startFactor, endFactor, totalIters, composition);
    }

    /** The factor f(k). */
    public double factor(long step) {
        Steps.check(step);
        return startFactor + (endFactor - startFactor) * Math.min(totalIters, step) / totalIters;
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        if (composition == Composition.SCALING) {
            return inner.learningRate(step) * factor(step);
        }
        return step < totalIters ? inner.learningRate(0) * factor(step) : inner.learningRate(step - totalIters);
    }

    @Override
    public double momentum(long step) {
        Steps.check(step);
        if (composition == Composition.SCALING) {
            return inner.momentum(step);
        }
        return inner.momentum(step < totalIters ? 0 : step - totalIters);
    }

    @Override
    public String toString() {
        String ramp = "start_factor=" + startFactor + ", end_factor=" + endFactor + ", total_iters=" + totalIters;
        if (composition == Composition.BEFORE) {
            return "LinearWarmup[PyTorch SequentialLR(LinearLR, ·)](" + ramp + ", then " + inner + ")";
        }
        return inner instanceof ConstantSchedule
                ? "LinearWarmup[PyTorch LinearLR](lr=" + inner.learningRate(0) + ", " + ramp + ")"
                : "LinearWarmup[PyTorch ChainedScheduler(LinearLR, ·)](" + ramp + ", times " + inner + ")";
    }
}
