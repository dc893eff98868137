package course.optim;

/**
 * Rprop, resilient backpropagation (Riedmiller and Braun, 1993): each parameter moves by its own
 * step size in the direction of −sign(g), ignoring the gradient's magnitude; the step size grows
 * by η₊ while the gradient keeps its sign and shrinks by η₋ when it flips (a minimum was jumped
 * over). As PyTorch's {@code Rprop} (the "Rprop−" variant without weight backtracking):
 * <pre>
 *   s = g·g_prev:   f = η₊ if s &gt; 0;   f = η₋ and g ← 0 if s &lt; 0;   f = 1 if s = 0
 *   Δ ← clamp(Δ·f, Δ_min, Δ_max),   θ ← θ − sign(g)·Δ,   g_prev ← g
 * </pre>
 * so after a sign flip the parameter stays put for one step and the next step starts afresh.
 * Defaults as PyTorch: lr 0.01 (the step size Δ every parameter starts with), etas (η₋, η₊) =
 * (0.5, 1.2), step_sizes (Δ_min, Δ_max) = (1e-6, 50). The learning rate is read once, at the first
 * step: from then on each parameter has its own Δ, so a schedule changes nothing (as in PyTorch).
 * Rprop has no weight decay. It is a full-batch method: minibatch gradients flip sign from noise
 * alone, and the step sizes then shrink to Δ_min. Keras 3 has no Rprop.
 * State: {@code prev} (g_prev) and {@code step_size} (Δ).
 */
public final class Rprop extends TunableOptimizer<Rprop> {
    private double etaMinus = 0.5;
    private double etaPlus = 1.2;
    private double stepSizeMin = 1e-6;
    private double stepSizeMax = 50;

    private Rprop() {
        super("Rprop", Convention.PYTORCH, 0.01);
    }

    /** PyTorch's {@code Rprop}: lr 0.01, etas (0.5, 1.2), step_sizes (1e-6, 50). */
    public static Rprop pytorch() {
        return new Rprop();
    }

    /** The factors (η₋, η₊) that shrink and grow a step size: 0 &lt; η₋ &lt; 1 &lt; η₊. */
    public Rprop etas(double etaMinus, double etaPlus) {
        if (!(etaMinus > 0 && etaMinus < 1 && etaPlus > 1) || Double.isInfinite(etaPlus)) {
            throw new IllegalArgumentException("etas must satisfy 0 < eta_minus < 1 < eta_plus (a flip shrinks the step, "
                    + "a kept sign grows it), got (" + etaMinus + ", " + etaPlus + ")");
        }
        this.etaMinus = etaMinus;
        this.etaPlus = etaPlus;
        return this;
    }

    /** The bounds (Δ_min, Δ_max) of every step size: 0 ≤ Δ_min ≤ Δ_max, finite. */
    public Rprop stepSizes(double min, double max) {
        if (!(min >= 0 && max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("step_sizes must satisfy 0 ≤ min ≤ max, both finite, got (" + min + ", "
                    + max + ")");
        }
        this.stepSizeMin = min;
        this.stepSizeMax = max;
        return this;
    }

    /** Refuses a non-zero decay: PyTorch's Rprop has none (add λθ to the gradient yourself). */
    @Override
    public Rprop weightDecay(double weightDecay) {
        if (weightDecay != 0) {
            throw new IllegalArgumentException("Rprop has no weight decay (PyTorch's Rprop takes none), got "
                    + weightDecay + ": add weight_decay·θ to the gradient before the step instead");
        }
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("prev", 0);
        state.addArray("step_size", learningRate());  // sized on the first step, with that step's rate
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] prev = state.array("prev"), stepSize = state.array("step_size");
        double minus = etaMinus, plus = etaPlus, min = stepSizeMin, max = stepSizeMax;
        for (int i = from; i < to; i++) {
            double g = grad[i];
            double s = g * prev[i];
            double factor = 1;
            if (s > 0) {
                factor = plus;
            } else if (s < 0) {
                factor = minus;
                g = 0;
            }
            double delta = Math.min(Math.max(stepSize[i] * factor, min), max);  // clamped even when kept, as PyTorch
            stepSize[i] = delta;
            params[i] -= Math.signum(g) * delta;
            prev[i] = g;
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", etas=(" + etaMinus + ", " + etaPlus + "), step_sizes=(" + stepSizeMin + ", "
                + stepSizeMax + ")";
    }
}
