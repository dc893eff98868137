package course.optim;

import course.Validate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer updates a flat parameter vector in place from a gradient. Subclasses mirror one
 * algorithm box each and implement it as a single fused loop over a range of the parameters
 * ({@link #updateRange}), so that {@link StepThreads} can split a large step over the cores.
 *
 * <p>Two ways to step: {@link #step(double[], double[])} with the gradient at the current
 * parameters (the usual path), or {@link #step(double[], Differentiable)} with something that can
 * evaluate gradients anywhere, which the look-ahead algorithms (the textbook's Nesterov momentum)
 * need, as PyTorch's {@code step(closure)}.
 *
 * <p>State (velocity, moments) is sized on the first step and bound to that parameter count:
 * {@link #reset()} forgets it, {@link #copy()} duplicates it, {@link #state()} shows it. A step
 * allocates nothing.
 *
 * <p>Weight decay follows the convention: PyTorch and the textbook add {@code weightDecay·θ} to the
 * gradient (L2 regularization, "coupled"); Keras 3 shrinks the weights first,
 * {@code θ ← θ − lr·weightDecay·θ} ("decoupled"), as {@link AdamW} does in every convention.
 */
public abstract class Optimizer implements Cloneable {
    private final String algorithm;
    private final Convention convention;
    private final String[] stateNames;
    private double learningRate;
    private double weightDecay;
    private long steps;
    private double[][] state;
    private double[] scratch;
    private int boundSize = -1;
    private final boolean splittable = SPLITTABLE.get(getClass());

    protected Optimizer(String algorithm, Convention convention, double learningRate, String... stateNames) {
        if (convention == null) {
            throw new IllegalArgumentException("convention must be one of " + Arrays.toString(Convention.values()));
        }
        this.algorithm = algorithm;
        this.convention = convention;
        this.learningRate = Validate.positive("learning rate", learningRate);
        this.stateNames = stateNames.clone();
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
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        double[] grad = scratch(params);
        double[] point = needsLookAhead() ? lookAhead(params) : params;
        double value = objective.valueAndGradient(point, grad);
        checkedStep(params, grad);
        return value;
    }

    final void checkedStep(double[] params, double[] grad) {
        Validate.sameLength("params", params, "grad", grad);
        if (splittable && boundSize == params.length && StepThreads.split(this, params, grad, steps + 1)) {
            steps++;
            return;
        }
        Validate.finite("grad", grad);
        bind(params.length);
        steps++;
        update(params, grad, steps);
    }

    /** True for algorithms whose gradient must be taken at a point other than θ (textbook Nesterov). */
    protected boolean needsLookAhead() {
        return false;
    }

    /** The point at which to evaluate the gradient (state is sized); only called if {@link #needsLookAhead()}. */
    protected double[] lookAhead(double[] params) {
        throw new UnsupportedOperationException(algorithm + " has no look-ahead point");
    }

    /**
     * The update rule: modify {@code params} in place from {@code grad} at step {@code t} (1 on the
     * first step since creation or {@link #reset()}). Arguments are already validated; state
     * arrays ({@link #state(int)}) are sized. Must not allocate.
     *
     * <p>The course's optimizers implement it as {@link #beginStep} once and {@link #updateRange}
     * over every parameter, which lets {@link StepThreads} split a large step over the cores. A
     * subclass may override this method instead, with the whole update in one place (as a lesson's
     * exercise does); its steps then always run on the caller's thread.
     */
    protected void update(double[] params, double[] grad, long t) {
        beginStep(t);
        updateRange(params, grad, t, 0, params.length);
    }

    /**
     * Once per step, before any {@link #updateRange}, on the caller's thread: for state that is one
     * number per step rather than one per parameter (NAdam's product of momentum factors).
     */
    protected void beginStep(long t) {
    }

    /**
     * The update rule on the parameters {@code from} (inclusive) to {@code to} (exclusive), as
     * {@link #update} describes; threads may run disjoint ranges of one step at once, so a range
     * must read and write only its own indices of every array.
     */
    protected void updateRange(double[] params, double[] grad, long t, int from, int to) {
        throw new UnsupportedOperationException(getClass().getName()
                + " must override update(params, grad, t) or updateRange(params, grad, t, from, to)");
    }

    /** Whether the class leaves {@link #update} to the ranges (so a step may be split over threads). */
    private static final ClassValue<Boolean> SPLITTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != Optimizer.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod("update", double[].class, double[].class, long.class);
                    return false;
                } catch (NoSuchMethodException e) {
                    // not declared here: look in the superclass
                }
            }
            return true;
        }
    };

    /** The value a state array starts at (0 unless a convention says otherwise). */
    protected double initialState(int index) {
        return 0;
    }

    /** The state array of the given index, in the order the constructor named them. */
    protected final double[] state(int index) {
        return state[index];
    }

    /** A gradient buffer of the parameters' length, for subclasses that evaluate a closure. */
    protected final double[] scratch(double[] params) {
        Validate.notEmpty("params", params);
        bind(params.length);
        if (scratch == null) {
            scratch = new double[params.length];
        }
        return scratch;
    }

    /** Sizes the state on first use; refuses a parameter vector of another size afterwards. */
    private void bind(int size) {
        if (size == 0) {
            throw new IllegalArgumentException("params is empty: there is nothing to optimize");
        }
        if (boundSize < 0) {
            boundSize = size;
            state = new double[stateNames.length][size];
            for (int k = 0; k < stateNames.length; k++) {
                Arrays.fill(state[k], initialState(k));
            }
        } else if (boundSize != size) {
            throw new IllegalArgumentException(algorithm + " holds state for " + boundSize
                    + " parameters but was given " + size + ": use one optimizer per parameter vector, or reset() it");
        }
    }

    /** Forgets all state (velocity, moments, step count): the next step is a first step again. */
    public void reset() {
        state = null;
        scratch = null;
        steps = 0;
        boundSize = -1;
    }

    /** An independent copy: same hyperparameters, same state, same step count. */
    public Optimizer copy() {
        try {
            Optimizer copy = (Optimizer) super.clone();
            if (state != null) {
                copy.state = new double[state.length][];
                for (int k = 0; k < state.length; k++) {
                    copy.state[k] = state[k].clone();
                }
            }
            copy.scratch = scratch == null ? null : scratch.clone();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of every state array by name (empty before the first step), for plots of the moments. */
    public Map<String, double[]> state() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (int k = 0; k < stateNames.length; k++) {
            copy.put(stateNames[k], state == null ? new double[0] : state[k].clone());
        }
        return copy;
    }

    /** A copy of one state array, such as "velocity" or "m" (see {@link #state()} for the names). */
    public double[] state(String name) {
        for (int k = 0; k < stateNames.length; k++) {
            if (stateNames[k].equals(name)) {
                return state == null ? new double[0] : state[k].clone();
            }
        }
        throw new IllegalArgumentException(algorithm + " has no state named '" + name + "'; it has "
                + Arrays.toString(stateNames));
    }

    /**
     * Restores what {@link #state()} and {@link #stepCount()} returned (a checkpoint), so that the
     * next step continues the saved run exactly. {@code saved} must name every state array of this
     * optimizer, each as long as the parameter vector (all state is empty before the first step:
     * then pass empty arrays or an empty map with {@code stepCount} 0). The arrays are copied.
     */
    public void loadState(Map<String, double[]> saved, long stepCount) {
        Validate.notNull("saved state", saved);
        if (stepCount < 0) {
            throw new IllegalArgumentException("the step count must be 0 or more, got " + stepCount);
        }
        if (!saved.keySet().equals(new java.util.LinkedHashSet<>(Arrays.asList(stateNames)))) {
            boolean fresh = stepCount == 0 && saved.values().stream().allMatch(a -> a == null || a.length == 0);
            if (!(fresh && (saved.isEmpty() || stateNames.length == 0))) {
                throw new IllegalArgumentException(algorithm + " has the state " + Arrays.toString(stateNames)
                        + ", the saved state has " + saved.keySet());
            }
        }
        int size = -1;
        for (String name : stateNames) {
            double[] array = saved.get(name);
            int length = array == null ? 0 : array.length;
            if (size >= 0 && length != size) {
                throw new IllegalArgumentException("the saved state arrays differ in length: '" + name + "' has "
                        + length + " values, the others " + size);
            }
            size = length;
        }
        if (size <= 0) {
            if (stepCount > 0 && stateNames.length > 0) {
                throw new IllegalArgumentException(algorithm + " saved after " + stepCount
                        + " steps must have non-empty state arrays");
            }
            reset();
            steps = stepCount;
            stateLoaded(stepCount);
            return;
        }
        reset();
        bind(size);
        for (int k = 0; k < stateNames.length; k++) {
            double[] array = saved.get(stateNames[k]);
            Validate.finite("saved state '" + stateNames[k] + "'", array);
            System.arraycopy(array, 0, state[k], 0, size);
        }
        steps = stepCount;
        stateLoaded(stepCount);
    }

    /**
     * Called at the end of {@link #loadState}: a subclass that keeps scalar state besides its
     * state arrays recomputes it here from the step count.
     */
    protected void stateLoaded(long stepCount) {
    }

    /** Steps taken since creation or the last {@link #reset()}. */
    public long stepCount() {
        return steps;
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * Changes the learning rate from the next step on (what a schedule does between steps). Zero is
     * allowed here, unlike in the constructors, because schedules end there (a cosine with
     * eta_min = 0, PyTorch's PolynomialLR); a zero rate leaves the parameters where they are.
     */
    public void setLearningRate(double learningRate) {
        this.learningRate = Validate.nonNegative("learning rate", learningRate);
    }

    public double weightDecay() {
        return weightDecay;
    }

    protected final void setWeightDecay(double weightDecay) {
        this.weightDecay = Validate.nonNegative("weight decay", weightDecay);
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

    public String algorithm() {
        return algorithm;
    }

    /** The hyperparameters, e.g. {@code "lr=0.001, betas=(0.9, 0.999), eps=1e-08"}. */
    protected abstract String hyperparameters();

    @Override
    public String toString() {
        String decay = weightDecay == 0 ? "" : ", weight_decay=" + weightDecay
                + (decoupledWeightDecay() ? " (decoupled)" : " (coupled L2)");
        return algorithm + "[" + convention.label() + "](" + hyperparameters() + decay + ")";
    }
}
