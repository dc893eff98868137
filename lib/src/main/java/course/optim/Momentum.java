package course.optim;

import course.Validate;

/**
 * Gradient descent with (heavy-ball) momentum: a velocity accumulates an exponentially decaying
 * average of past gradients, and the parameters move along the velocity (Deep Learning,
 * Algorithm 8.2). With momentum α the steady-state step is 1/(1−α) times plain gradient descent's.
 *
 * <table>
 * <caption>The three conventions</caption>
 * <tr><th>convention</th><th>update</th><th>defaults</th></tr>
 * <tr><td>textbook (Algorithm 8.2)</td><td>v ← αv − εg; θ ← θ + v (lr inside the velocity)</td>
 *     <td>none given; here ε = 0.01, α = 0.9</td></tr>
 * <tr><td>Keras 3 {@code SGD(momentum=…)}</td><td>m ← μm − lr·g; θ ← θ + m (same as the textbook)</td>
 *     <td>lr 0.01, momentum 0 (plain SGD: set it)</td></tr>
 * <tr><td>PyTorch {@code SGD(momentum=…)}</td><td>b ← μb + (1−dampening)g, the first step b ← g;
 *     θ ← θ − lr·b (lr outside the velocity)</td><td>lr 0.001 (PyTorch 2.2 on; required before),
 *     momentum 0 (plain SGD: set it), dampening 0</td></tr>
 * </table>
 *
 * <p>With a constant learning rate the two placements trace the same path (Keras's m equals
 * −lr·b). Under a schedule they differ: lr inside the velocity scales each gradient by the rate of
 * its own step; lr outside rescales the whole accumulated velocity whenever the rate changes.
 * State: {@code velocity} (v, m or b; b is in gradient units, v and m in parameter units).
 */
public final class Momentum extends MomentumFamily<Momentum> {
    private double dampening;

    private Momentum(Convention convention, double learningRate, double momentum) {
        super("Momentum", convention, learningRate, momentum);
    }

    /** PyTorch's {@code SGD} defaults: lr 0.001, momentum 0 (plain SGD until you set it). */
    public static Momentum pytorch() {
        return new Momentum(Convention.PYTORCH, 0.001, 0);
    }

    /** Keras's {@code SGD} defaults: lr 0.01, momentum 0 (plain SGD until you set it). */
    public static Momentum keras() {
        return new Momentum(Convention.KERAS, 0.01, 0);
    }

    /** The book gives no defaults; here ε = 0.01 and α = 0.9, the most common of its suggested 0.5, 0.9, 0.99. */
    public static Momentum textbook() {
        return new Momentum(Convention.TEXTBOOK, 0.01, 0.9);
    }

    /** PyTorch's dampening τ: b ← μb + (1−τ)g (not applied on the first step, as in PyTorch). */
    public Momentum dampening(double dampening) {
        if (convention() != Convention.PYTORCH && dampening != 0) {
            throw new IllegalArgumentException("dampening is PyTorch's option; the " + convention().label()
                    + " convention has none (use Momentum.pytorch())");
        }
        this.dampening = Validate.fraction("dampening", dampening);
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        if (momentum != 0) {  // as PyTorch: no buffer while the momentum is 0
            state.addArray("velocity", 0);
        }
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double lr = learningRate(), mu = momentum, decay = coupledDecay(), shrink = decoupledShrink();
        if (mu == 0) {  // plain gradient descent, with no velocity to keep
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                params[i] = p - lr * (grad[i] + decay * p);
            }
            return;
        }
        double[] velocity = state.array("velocity");
        if (convention() == Convention.PYTORCH) {
            double keep = t == 1 ? 0 : mu, take = t == 1 ? 1 : 1 - dampening;
            for (int i = from; i < to; i++) {
                double g = grad[i] + decay * params[i];
                double b = keep * velocity[i] + take * g;
                velocity[i] = b;
                params[i] -= lr * b;
            }
        } else {
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                double v = mu * velocity[i] - lr * (grad[i] + decay * p);
                velocity[i] = v;
                params[i] = p + v;
            }
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", momentum=" + momentum + (dampening == 0 ? "" : ", dampening=" + dampening);
    }
}
