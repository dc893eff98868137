package course.optim;

/**
 * The settings every optimizer shares, as fluent setters that return the optimizer's own type, so
 * that {@code AdamW.keras().learningRate(0.01).betas(0.9, 0.99)} stays an Adam with every option
 * in reach. {@code O} is the class itself: {@code final class Adam extends TunableOptimizer<Adam>}.
 */
public abstract class TunableOptimizer<O extends TunableOptimizer<O>> extends Optimizer {
    /** g ← −g: stateless, so copies and checkpoints may share it. */
    private static final GradientTransform NEGATE = new GradientTransform() {
        @Override
        public void apply(double[] grad) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] = -grad[i];
            }
        }

        @Override
        public String toString() {
            return "maximize";
        }
    };

    private boolean maximizing;

    protected TunableOptimizer(String algorithm, Convention convention, double learningRate) {
        super(algorithm, convention, learningRate);
    }

    /** This optimizer as its own type, for the setters to return. */
    @SuppressWarnings("unchecked")
    protected final O self() {
        return (O) this;
    }

    /** The learning rate (positive; a schedule may later lower it to 0 through {@link #setLearningRate}). */
    public O learningRate(double learningRate) {
        configureLearningRate(learningRate);
        return self();
    }

    /** Weight decay λ ≥ 0: coupled (λθ added to g) or decoupled (θ shrunk), as the convention says. */
    public O weightDecay(double weightDecay) {
        configureWeightDecay(weightDecay);
        return self();
    }

    public double weightDecay() {
        return configuredWeightDecay();
    }

    /**
     * Clips the gradient to Euclidean norm {@code maxNorm} before every step (PyTorch's
     * {@code clip_grad_norm_}; see {@link GradientClipping#byGlobalNorm}).
     */
    public O clipByGlobalNorm(double maxNorm) {
        return transformGradient(GradientClipping.byGlobalNorm(maxNorm));
    }

    /** Clamps every gradient component to [−limit, limit] before every step ({@code clip_grad_value_}). */
    public O clipByValue(double limit) {
        return transformGradient(GradientClipping.byValue(limit));
    }

    /**
     * Gradient ascent: every step climbs the objective instead of descending it, as PyTorch's
     * {@code maximize=True} (which every {@code torch.optim} optimizer offers): the gradient is
     * negated before the update, so weight decay, moments and step-size adaptation all see −g, as
     * in PyTorch. It is the {@link GradientTransform} g ← −g in the chain, at the place it was added
     * (clipping is symmetric, so the order does not change it), on the optimizer's own copy of the
     * gradient: no allocation per step. Build-time, as in PyTorch: once on, it stays on.
     *
     * @throws IllegalArgumentException for {@code maximize(false)} once it is on
     */
    public O maximize(boolean maximize) {
        if (maximize && !maximizing) {
            addTransform(NEGATE);
            maximizing = true;
        } else if (!maximize && maximizing) {
            throw new IllegalArgumentException(this + " already maximizes, and the negation cannot be taken out of its "
                    + "gradient chain: build a new optimizer without maximize(true)");
        }
        return self();
    }

    /** True after {@link #maximize(boolean) maximize(true)}: the steps climb the objective. */
    public boolean maximizing() {
        return maximizing;
    }

    /** Applies {@code transform} to (a copy of) the gradient before every step, after those added before. */
    public O transformGradient(GradientTransform transform) {
        addTransform(transform);
        return self();
    }

    @Override
    public O copy() {
        @SuppressWarnings("unchecked")
        O copy = (O) super.copy();
        return copy;
    }
}
