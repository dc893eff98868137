package course.schedule;

import course.Validate;

/**
 * Keras 3's {@code CosineDecay}, with its optional linear warm-up: half a cosine from the starting
 * learning rate down to a fraction α of it over {@code decay_steps} steps, then constant,
 *
 * <pre>
 *   without warm-up:  ε_k = ε₀ · ((1 − α) · c(min(k, S)) + α),   c(t) = (1 + cos(π t / S)) / 2
 *   with warm-up to ε_w over W steps (k capped at W + S):
 *     k &lt; W:  ε_k = (ε_w − ε₀) · k / W + ε₀
 *     k ≥ W:  ε_k = ε_w · ((1 − α) · c(k − W) + α)
 * </pre>
 *
 * with S = {@code decay_steps}. Defaults as Keras: α = 0, no warm-up ({@code warmup_target = None},
 * {@code warmup_steps = 0}). Unlike PyTorch's {@link CosineAnnealing}, the floor is a fraction α
 * of the peak (not an absolute η_min) and the rate stays there after S steps instead of climbing
 * back. Keras evaluates it in the dtype of the initial learning rate (float32 by default); this
 * class computes in double.
 */
public final class CosineDecay implements LearningRateSchedule {
    private final double initial;
    private final long decaySteps;
    private final double alpha;
    private final double warmupTarget;
    private final long warmupSteps;

    /** α = 0, no warm-up: Keras's defaults. */
    public CosineDecay(double initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, 0.0);
    }

    /** No warm-up. */
    public CosineDecay(double initialLearningRate, long decaySteps, double alpha) {
        this.initial = Validate.positive("initial learning rate", initialLearningRate);
        this.decaySteps = Steps.positive("decay_steps", decaySteps);
        this.alpha = Validate.fraction("alpha", alpha);
        this.warmupTarget = Double.NaN;
        this.warmupSteps = 0;
    }

    /**
     * With Keras's warm-up: linear from {@code initialLearningRate} (which may be 0 here, as in
     * Keras's example; an optimizer refuses a learning rate of 0, so start at a small positive value
     * if step 0 is to be applied) to {@code warmupTarget} over {@code warmupSteps} steps, then the
     * cosine decay from {@code warmupTarget}.
     */
    public CosineDecay(double initialLearningRate, long decaySteps, double alpha, double warmupTarget,
            long warmupSteps) {
        this.initial = Validate.nonNegative("initial learning rate", initialLearningRate);
        this.decaySteps = Steps.positive("decay_steps", decaySteps);
        this.alpha = Validate.fraction("alpha", alpha);
        this.warmupTarget = Validate.positive("warmup_target", warmupTarget);
        this.warmupSteps = Steps.positive("warmup_steps", warmupSteps);
    }

    private boolean warmsUp() {
        return warmupSteps > 0;
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        if (!warmsUp()) {
            return decayed(Math.min(step, decaySteps), initial);
        }
        double k = Math.min(step, decaySteps + warmupSteps);
        if (k < warmupSteps) {
            return (warmupTarget - initial) * (k / warmupSteps) + initial;
        }
        return decayed(k - warmupSteps, warmupTarget);
    }

    private double decayed(double k, double from) {
        double completed = k / decaySteps;
        double cosine = 0.5 * (1.0 + Math.cos(Math.PI * completed));
        return from * ((1 - alpha) * cosine + alpha);
    }

    @Override
    public String toString() {
        return "CosineDecay[Keras](initial_learning_rate=" + initial + ", decay_steps=" + decaySteps + ", alpha="
                + alpha + (warmsUp() ? ", warmup_target=" + warmupTarget + ", warmup_steps=" + warmupSteps : "")
                + ")";
    }
}
