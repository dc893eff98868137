package course.optim;

import course.Validate;

/**
 * Nesterov momentum: the gradient is taken after the velocity has been applied, a correction that
 * looks ahead (Deep Learning, Algorithm 8.3).
 *
 * <table>
 * <caption>The three conventions</caption>
 * <tr><th>convention</th><th>update</th></tr>
 * <tr><td>textbook (Algorithm 8.3)</td><td>θ̃ ← θ + αv; g ← ∇f(θ̃); v ← αv − εg; θ ← θ + v. Needs the
 *     gradient at θ̃: only {@link #step(double[], Differentiable)} works.</td></tr>
 * <tr><td>Keras 3 {@code SGD(nesterov=True)}</td><td>m ← μm − lr·g; θ ← θ + μm − lr·g, with g at the
 *     current θ</td></tr>
 * <tr><td>PyTorch {@code SGD(nesterov=True)}</td><td>b ← μb + g (first step b ← g); θ ← θ − lr(g + μb),
 *     with g at the current θ</td></tr>
 * </table>
 *
 * <p>The frameworks' form is the textbook's after a change of variables: they store the look-ahead
 * point φ = θ + αv as their parameters. Then ∇f(φ) is the textbook's gradient and
 * φ ← φ + αv_new − εg follows from the textbook's two lines. Both trace the same points (tested);
 * the frameworks just report φ, the look-ahead point, as the parameters.
 * DL4J's {@code Nesterovs} (tested) is Keras's form, written θ ← θ + (1+μ)m_new − μm_old; its default
 * lr is 0.1. Defaults as for {@link Momentum}. State: {@code velocity}.
 */
public final class Nesterov extends MomentumFamily<Nesterov> {

    private Nesterov(Convention convention, double learningRate, double momentum) {
        super("Nesterov", convention, learningRate, momentum);
    }

    /** PyTorch's {@code SGD(nesterov=True)} defaults: lr 0.001, momentum 0, which PyTorch refuses: set it. */
    public static Nesterov pytorch() {
        return new Nesterov(Convention.PYTORCH, 0.001, 0);
    }

    /** Keras's {@code SGD(nesterov=True)} defaults: lr 0.01, momentum 0 (plain SGD until you set it). */
    public static Nesterov keras() {
        return new Nesterov(Convention.KERAS, 0.01, 0);
    }

    /** The look-ahead form, stepped with {@link #step(double[], Differentiable)}; ε = 0.01, α = 0.9 as {@link Momentum#textbook()}. */
    public static Nesterov textbook() {
        return new Nesterov(Convention.TEXTBOOK, 0.01, 0.9);
    }

    @Override
    protected boolean needsLookAhead() {
        return convention() == Convention.TEXTBOOK;
    }

    @Override
    protected void lookAhead(double[] params, OptimizerState state, double[] point) {
        if (momentum == 0) {
            System.arraycopy(params, 0, point, 0, params.length);
            return;
        }
        double[] velocity = state.array("velocity");
        for (int i = 0; i < params.length; i++) {
            point[i] = params[i] + momentum * velocity[i];
        }
    }

    @Override
    protected void initState(OptimizerState state) {
        if (momentum != 0) {  // as Keras: no velocity while the momentum is 0
            state.addArray("velocity", 0);
        }
    }

    @Override
    protected void beginStep(OptimizerState state, long t) {
        if (momentum == 0 && convention() == Convention.PYTORCH) {
            throw new IllegalArgumentException("PyTorch's SGD(nesterov=True) requires a momentum above 0 "
                    + "(its default is 0): call .momentum(0.9), for example");
        }
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double lr = learningRate(), mu = momentum, decay = coupledDecay(), shrink = decoupledShrink();
        if (mu == 0) {  // plain gradient descent (PyTorch refuses it in beginStep)
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                params[i] = p - lr * (grad[i] + decay * p);
            }
            return;
        }
        double[] velocity = state.array("velocity");
        switch (convention()) {
            case PYTORCH -> {
                double keep = t == 1 ? 0 : mu;
                for (int i = from; i < to; i++) {
                    double g = grad[i] + decay * params[i];
                    double b = keep * velocity[i] + g;
                    velocity[i] = b;
                    params[i] -= lr * (g + mu * b);
                }
            }
            case KERAS -> {
                for (int i = from; i < to; i++) {
                    double p = params[i] * shrink;
                    double g = grad[i];
                    double m = mu * velocity[i] - lr * g;
                    velocity[i] = m;
                    params[i] = p + mu * m - lr * g;
                }
            }
            case TEXTBOOK -> {
                // grad was evaluated at the look-ahead point θ + αv; so is the L2 term
                for (int i = from; i < to; i++) {
                    double ahead = params[i] + mu * velocity[i];
                    double v = mu * velocity[i] - lr * (grad[i] + decay * ahead);
                    velocity[i] = v;
                    params[i] += v;
                }
            }
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", momentum=" + momentum;
    }
}
