package course.optim;

import course.Validate;

/**
 * Averaged stochastic gradient descent: SGD with a slowly decaying rate whose answer is the
 * running average of the iterates, θ̄, not the last iterate (Polyak and Juditsky, 1992; Deep
 * Learning §8.7.3, Polyak averaging): the noise of the last steps averages out. As PyTorch's
 * {@code ASGD}, which also shrinks the weights by λη each step:
 * <pre>
 *   g ← g + weight_decay·θ
 *   θ ← θ·(1 − λ·η_t) − η_t·g
 *   θ̄ ← θ̄ + μ_t·(θ − θ̄)                  (θ̄ ← θ while μ_t = 1)
 *   after step t:  η_{t+1} = lr/(1 + λ·lr·t)^α,   μ_{t+1} = 1/max(1, t − t₀)
 * </pre>
 * with η₁ = lr and μ₁ = 1. For a whole t₀, θ̄ follows θ up to step t₀ + 2 and is from then on the
 * mean of the iterates θ_{t₀+2}, …, θ_t. The rate η of each step is computed from the learning rate
 * of the step before, so a schedule acts one step late, as in PyTorch. Defaults as PyTorch: lr 0.01, λ 1e-4, α 0.75, t₀ 1e6 (no averaging for a million
 * steps: set {@link #t0(double)} for a short run), weight decay 0 (coupled). Keras 3 has no ASGD.
 *
 * <p>The update moves θ as SGD would; the averaged parameters are extra state, read with
 * {@link #averagedParameters()} (PyTorch: {@code optimizer.state[p]["ax"]}) and evaluated in place
 * of θ at the end. State: the array {@code ax} (θ̄) and the scalars {@code eta} and {@code mu} of
 * the next step, so a checkpoint continues exactly.
 */
public final class ASGD extends TunableOptimizer<ASGD> {
    private double lambd = 1e-4;
    private double alpha = 0.75;
    private double t0 = 1e6;
    // η and μ of the step under way, read from the state in beginStep (the state then holds the next ones)
    private double stepEta;
    private double stepMu;

    private ASGD() {
        super("ASGD", Convention.PYTORCH, 0.01);
    }

    /** PyTorch's {@code ASGD}: lr 0.01, lambd 1e-4, alpha 0.75, t0 1e6. */
    public static ASGD pytorch() {
        return new ASGD();
    }

    /** λ, the decay of the rate and of the weights (PyTorch's {@code lambd}). */
    public ASGD lambd(double lambd) {
        this.lambd = Validate.nonNegative("lambd", lambd);
        return this;
    }

    /** α, the power of the rate's decay η_t = lr/(1 + λ·lr·t)^α. */
    public ASGD alpha(double alpha) {
        this.alpha = Validate.nonNegative("alpha", alpha);
        return this;
    }

    /** t₀, the step after which averaging starts. */
    public ASGD t0(double t0) {
        this.t0 = Validate.nonNegative("t0", t0);
        return this;
    }

    /**
     * A copy of θ̄, the averaged parameters (the iterate itself up to step t₀ + 2, the mean of the
     * iterates since then after it): the parameters to evaluate and keep at the end of a run.
     *
     * @throws IllegalStateException before the first step, when there is nothing averaged yet
     */
    public double[] averagedParameters() {
        OptimizerState s = state();
        if (s.steps() == 0) {
            throw new IllegalStateException("ASGD has taken no step yet, so there are no averaged parameters: "
                    + "call step(...) first");
        }
        return s.array("ax");
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("ax", 0);
        state.addScalar("eta", learningRate());
        state.addScalar("mu", 1);
    }

    @Override
    protected void beginStep(OptimizerState state, long t) {
        stepEta = t == 1 ? learningRate() : state.scalar("eta");  // PyTorch's eta starts at the first step's lr
        stepMu = t == 1 ? 1 : state.scalar("mu");
        double lr = learningRate();
        state.setScalar("eta", lr / Math.pow(1 + lambd * lr * t, alpha));
        state.setScalar("mu", 1 / Math.max(1, t - t0));
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] ax = state.array("ax");
        double eta = stepEta, mu = stepMu, decay = coupledDecay(), shrink = 1 - lambd * eta;
        for (int i = from; i < to; i++) {
            double g = grad[i] + decay * params[i];
            double p = params[i] * shrink - eta * g;
            params[i] = p;
            ax[i] = mu == 1 ? p : ax[i] + (p - ax[i]) * mu;
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", lambd=" + lambd + ", alpha=" + alpha + ", t0=" + t0;
    }
}
