package course.optim;

import course.Validate;

/**
 * Lion, "evolved sign momentum" (Chen et al., Symbolic Discovery of Optimization Algorithms, 2023):
 * every coordinate moves by exactly lr, in the direction of the sign of an interpolation between
 * the momentum and the new gradient; the momentum itself is averaged with another, slower rate:
 * <pre>
 *   θ ← θ − lr·sign(β₁m + (1−β₁)g)
 *   m ← β₂m + (1−β₂)g
 * </pre>
 * As Keras 3's {@code Lion}: lr 0.001, β₁ 0.9, β₂ 0.99, weight decay decoupled (θ ← (1 − lr·λ)θ
 * first, as every Keras optimizer). Like {@link Rprop} it ignores the gradient's magnitude, but it
 * keeps one step size for all coordinates and needs only one array; where the interpolation is
 * exactly 0 the coordinate stays. Every coordinate moves the full lr, so the paper advises a
 * learning rate 3–10 times smaller than AdamW's. PyTorch has no Lion. State: {@code momentum} (m).
 */
public final class Lion extends TunableOptimizer<Lion> {
    private double beta1 = 0.9;
    private double beta2 = 0.99;

    private Lion() {
        super("Lion", Convention.KERAS, 0.001);
    }

    /** Keras 3's {@code Lion}: lr 0.001, beta_1 0.9, beta_2 0.99. */
    public static Lion keras() {
        return new Lion();
    }

    /**
     * β₁ weighs the momentum in the step's direction, in (0, 1] (Keras refuses 0: the step would be
     * sign(g), signSGD); β₂ is the momentum's own decay, in [0, 1).
     */
    public Lion betas(double beta1, double beta2) {
        if (!(beta1 > 0 && beta1 <= 1)) {
            throw new IllegalArgumentException("beta1 must lie in (0, 1] (at 0 Lion degenerates to signSGD, as Keras "
                    + "says), got " + beta1);
        }
        this.beta1 = beta1;
        this.beta2 = Validate.unitInterval("beta2", beta2);
        return this;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("momentum", 0);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] m = state.array("momentum");
        double b1 = beta1, b2 = beta2, lr = learningRate(), decay = coupledDecay(), shrink = decoupledShrink();
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            params[i] = p - lr * Math.signum(m[i] * b1 + g * (1 - b1));
            m[i] = m[i] * b2 + g * (1 - b2);
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + ")";
    }
}
