package course.optim;

import course.Validate;

/**
 * An optimizer updates a flat parameter vector in place from a gradient. The contract is small:
 *
 * <ul>
 * <li>{@link #step(double[], double[])} with the gradient at the current parameters, or
 *     {@link #step(double[], Differentiable)} with something that can evaluate gradients anywhere,
 *     which the look-ahead algorithms (the textbook's Nesterov momentum) need, as PyTorch's
 *     {@code step(closure)};</li>
 * <li>{@link #state()} and {@link #loadState}: everything the optimizer remembers between steps, as
 *     one {@link OptimizerState} (a checkpoint); {@link #initialState(int)}, the state a first step
 *     starts from (optax's {@code init}: its {@link OptimizerState#bytes() bytes} are the memory the
 *     optimizer needs); {@link #reset()} and {@link #copy()};</li>
 * <li>{@link #learningRate()} and {@link #setLearningRate}, which a schedule changes between steps.</li>
 * </ul>
 *
 * <p>Every optimizer is built the same way: a factory named after the convention it follows, with
 * that convention's defaults ({@code Adam.pytorch()}, {@code Adam.keras()}, {@code Adam.textbook()}),
 * then fluent setters ({@code .learningRate(0.01).betas(0.9, 0.99)}), which return the optimizer's own
 * type ({@link TunableOptimizer}). Gradient clipping is a {@link GradientTransform} composed with any
 * optimizer ({@code .clipByGlobalNorm(1.0)}), as optax's {@code chain}.
 *
 * <p>A subclass mirrors one algorithm box: {@link #initState} declares its state,
 * {@link #updateRange} is the box's update as one fused loop over a range of the parameters (so
 * that {@link StepThreads} can split a large step over the cores), and {@link #hyperparameters()}
 * names its settings. A step allocates nothing.
 *
 * <p>Weight decay follows the convention: PyTorch and the textbook add {@code weightDecay·θ} to the
 * gradient (L2 regularization, "coupled"); Keras 3 shrinks the weights first,
 * {@code θ ← θ − lr·weightDecay·θ} ("decoupled"), as {@link AdamW} does in every convention. It stays
 * inside the fused loop rather than a transform of its own, because it reads the parameters: a
 * separate pass would cost a step a third more memory traffic.
 *
 * <p>A gradient that is not finite stops the step with {@link Divergence}; so does the first step if
 * the parameters are not finite.
 */
public abstract class Optimizer implements Cloneable {
    private final String algorithm;
    private final Convention convention;
    private double learningRate;
    private double weightDecay;
    private GradientTransform[] transforms = new GradientTransform[0];
    private OptimizerState state;
    private boolean layoutChanged;
    private double[] scratch;
    private double[] transformed;
    private double[] lookAheadPoint;

    protected Optimizer(String algorithm, Convention convention, double learningRate) {
        if (convention == null) {
            throw new IllegalArgumentException("convention must be one of " + java.util.Arrays.toString(Convention.values()));
        }
        this.algorithm = algorithm;
        this.convention = convention;
        configureLearningRate(learningRate);
    }

    /** One update of {@code params} in place, from the gradient at {@code params}. */
    public final void step(double[] params, double[] grad) {
        if (needsLookAhead()) {
            throw new IllegalArgumentException(this + " evaluates the gradient at the look-ahead point θ + αv, "
                    + "not at θ: call step(params, objective) with something that can evaluate gradients");
        }
        checkedStep(params, grad);
    }

    /**
     * One update that asks {@code objective} for the gradient: at {@code params}, or at the look-ahead
     * point for the algorithms that need one. Returns the objective's value where it was evaluated.
     */
    public final double step(double[] params, Differentiable objective) {
        Validate.notNull("objective", objective);
        Validate.notEmpty("params", params);
        OptimizerState s = bind(params);
        if (scratch == null) {
            scratch = new double[params.length];
        }
        double[] point = params;
        if (needsLookAhead()) {
            if (lookAheadPoint == null) {
                lookAheadPoint = new double[params.length];
            }
            lookAhead(params, s, lookAheadPoint);
            point = lookAheadPoint;
        }
        double value = objective.valueAndGradient(point, scratch);
        checkedStep(params, scratch);
        return value;
    }

    private void checkedStep(double[] params, double[] grad) {
        Validate.sameLength("params", params, "grad", grad);
        OptimizerState s = bind(params);
        double[] g = grad;
        if (transforms.length > 0) {
            Divergence.requireFinite("grad", grad);
            if (transformed == null) {
                transformed = new double[grad.length];
            }
            System.arraycopy(grad, 0, transformed, 0, grad.length);
            for (int k = 0; k < transforms.length; k++) {  // indexed: an iterator would allocate every step
                transforms[k].apply(transformed);
            }
            g = transformed;
        }
        long t = s.steps() + 1;
        if (!StepThreads.split(this, params, g, t)) {
            Divergence.requireFinite("grad", g);
            beginStep(s, t);
            updateRange(params, g, s, t, 0, params.length);
        }
        s.countStep();
    }

    /** Sizes the state on the first step; refuses a parameter vector of another size afterwards. */
    private OptimizerState bind(double[] params) {
        if (params.length == 0) {
            throw new IllegalArgumentException("params is empty: there is nothing to optimize");
        }
        if (state == null) {
            for (int i = 0; i < params.length; i++) {
                if (!Double.isFinite(params[i])) {
                    throw new IllegalArgumentException("params[" + i + "] is " + params[i]
                            + ": the parameters must be finite numbers before the first step (check the start point)");
                }
            }
            state = initialState(params.length);
        } else if (state.parameters() != params.length) {
            throw new IllegalArgumentException(algorithm + " holds state for " + state.parameters()
                    + " parameters but was given " + params.length + ": use one optimizer per parameter vector, or reset() it");
        } else if (layoutChanged) {
            initState(state);  // an option that needs another array was turned on: add it, keep the rest
        }
        layoutChanged = false;
        return state;
    }

    // Called by StepThreads on the caller's thread, then on every chunk.
    final void beginSplitStep(long t) {
        beginStep(state, t);
    }

    final void updateSplitRange(double[] params, double[] grad, long t, int from, int to) {
        updateRange(params, grad, state, t, from, to);
    }

    /**
     * The state a first step on {@code parameters} parameters starts from (optax's {@code init}):
     * the arrays and scalars this optimizer's options need, at their initial values.
     */
    public final OptimizerState initialState(int parameters) {
        Validate.positive("parameters", parameters);
        OptimizerState fresh = new OptimizerState(parameters);
        initState(fresh);
        return fresh;
    }

    /**
     * Declares the state with {@link OptimizerState#addArray} and {@link OptimizerState#addScalar}:
     * only what the options in use need. Also called, on the existing state, at the first step after a
     * setter reported {@link #stateLayoutChanged()}: arrays already there are kept.
     */
    protected abstract void initState(OptimizerState state);

    /** A setter calls this when its option needs state that may not exist yet (e.g. AMSGrad's v_max). */
    protected final void stateLayoutChanged() {
        layoutChanged = true;
    }

    /**
     * The update rule on the parameters {@code from} (inclusive) to {@code to} (exclusive) at step
     * {@code t} (1 on the first step since creation or {@link #reset()}): modify {@code params} in
     * place from {@code grad}. Arguments are validated and the state is sized. Threads may run
     * disjoint ranges of one step at once, so a range must read and write only its own indices of
     * every array, and must not allocate.
     */
    protected abstract void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to);

    /**
     * Once per step, before any {@link #updateRange}, on the caller's thread: for state that is one
     * number per step rather than one per parameter (NAdam's product of momentum factors).
     */
    protected void beginStep(OptimizerState state, long t) {
    }

    /** True for algorithms whose gradient must be taken at a point other than θ (textbook Nesterov). */
    protected boolean needsLookAhead() {
        return false;
    }

    /** Writes the point at which to take the gradient into {@code point}; only if {@link #needsLookAhead()}. */
    protected void lookAhead(double[] params, OptimizerState state, double[] point) {
        throw new UnsupportedOperationException(algorithm + " has no look-ahead point");
    }

    /** Forgets all state (velocity, moments, step count): the next step is a first step again. */
    public void reset() {
        state = null;
        scratch = null;
        transformed = null;
        lookAheadPoint = null;
        layoutChanged = false;
    }

    /** An independent copy: same hyperparameters, same state, same step count. */
    public Optimizer copy() {
        try {
            Optimizer copy = (Optimizer) super.clone();
            copy.state = state == null ? null : state.copy();
            copy.scratch = null;
            copy.transformed = null;
            copy.lookAheadPoint = null;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of everything the optimizer remembers (empty, with 0 steps, before the first step). */
    public OptimizerState state() {
        return state == null ? new OptimizerState(0) : state.copy();
    }

    /**
     * Restores what {@link #state()} returned (a checkpoint), so that the next step continues the
     * saved run exactly. The saved state must have the layout this optimizer's options need; its
     * numbers are copied. An empty saved state (0 steps) resets.
     */
    public void loadState(OptimizerState saved) {
        Validate.notNull("saved state", saved);
        if (saved.parameters() == 0) {
            if (saved.steps() != 0 || saved.arrayCount() != 0) {
                throw new IllegalArgumentException("a state saved after " + saved.steps()
                        + " steps must say how many parameters it is for");
            }
            reset();
            return;
        }
        OptimizerState fresh = initialState(saved.parameters());
        fresh.load(saved, toString());
        reset();
        state = fresh;
    }

    /** Steps taken since creation or the last {@link #reset()}. */
    public long stepCount() {
        return state == null ? 0 : state.steps();
    }

    /** The learning rate of the next step. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Changes the learning rate from the next step on (what a schedule does between steps). Zero is
     * allowed here, unlike in configuration, because schedules end there (a cosine with eta_min = 0,
     * PyTorch's PolynomialLR); a zero rate leaves the parameters where they are.
     */
    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number ≥ 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Sets the configured learning rate: positive and finite. */
    final void configureLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate
                    + (learningRate == 0 ? " (a rate of 0 never moves; schedules may still lower the rate to 0)" : ""));
        }
        this.learningRate = learningRate;
    }

    final void configureWeightDecay(double weightDecay) {
        this.weightDecay = Validate.nonNegative("weight decay", weightDecay);
    }

    final void addTransform(GradientTransform transform) {
        Validate.notNull("gradient transform", transform);
        GradientTransform[] more = java.util.Arrays.copyOf(transforms, transforms.length + 1);
        more[transforms.length] = transform;
        transforms = more;
    }

    final double configuredWeightDecay() {
        return weightDecay;
    }

    /** True where weight decay shrinks the weights directly instead of adding to the gradient. */
    protected boolean decoupledWeightDecay() {
        return convention == Convention.KERAS;
    }

    /** The coefficient of θ added to the gradient in the update loop (0 if decay is decoupled). */
    protected final double coupledDecay() {
        return decoupledWeightDecay() ? 0 : weightDecay;
    }

    /** The factor θ is multiplied by before the update (1 unless decay is decoupled). */
    protected double decoupledShrink() {
        return decoupledWeightDecay() ? 1 - learningRate * weightDecay : 1;
    }

    public Convention convention() {
        return convention;
    }

    /** The algorithm's name, e.g. "Adam" or "AMSGrad". */
    public String algorithm() {
        return algorithm;
    }

    /** The hyperparameters, e.g. {@code "lr=0.001, betas=(0.9, 0.999), eps=1e-08"}. */
    protected abstract String hyperparameters();

    @Override
    public String toString() {
        String decay = weightDecay == 0 ? "" : ", weight_decay=" + weightDecay
                + (decoupledWeightDecay() ? " (decoupled)" : " (coupled L2)");
        StringBuilder clipping = new StringBuilder();
        for (GradientTransform transform : transforms) {
            clipping.append(", ").append(transform);
        }
        return algorithm() + "[" + convention.label() + "](" + hyperparameters() + decay + clipping + ")";
    }
}
