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
 *     <td>lr 0.01; Keras's momentum default is 0 (plain SGD), here 0.9</td></tr>
 * <tr><td>PyTorch {@code SGD(momentum=…)}</td><td>b ← μb + (1−dampening)g, the first step b ← g;
 *     θ ← θ − lr·b (lr outside the velocity)</td><td>lr required (here 0.01), momentum 0 in PyTorch
 *     (here 0.9), dampening 0</td></tr>
 * </table>
 *
 * <p>With a constant learning rate the two placements trace the same path (Keras's m equals
 * −lr·b). Under a schedule they differ: lr inside the velocity scales each gradient by the rate of
 * its own step; lr outside rescales the whole accumulated velocity whenever the rate changes.
 * State: {@code velocity} (v, m or b; b is in gradient units, v and m in parameter units).
 */
public final class Momentum extends Optimizer implements MomentumAware {
    private double momentum;
    private double dampening;

    public Momentum(Convention convention, double learningRate, double momentum) {
        super("Momentum", convention, learningRate, "velocity");
        setMomentum(momentum);
    }

    public static Momentum pytorch() {
        return new Momentum(Convention.PYTORCH, 0.01, 0.9);
    }

    public static Momentum keras() {
        return new Momentum(Convention.KERAS, 0.01, 0.9);
    }

    public static Momentum textbook() {
        return new Momentum(Convention.TEXTBOOK, 0.01, 0.9);
    }

    public Momentum learningRate(double learningRate) {
        setLearningRate(learningRate);
        return this;
    }

    public Momentum momentum(double momentum) {
        setMomentum(momentum);
        return this;
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

    public Momentum weightDecay(double weightDecay) {
        setWeightDecay(weightDecay);
        return this;
    }

    @Override
    public double momentum() {
        return momentum;
    }

    @Override
    public void setMomentum(double momentum) {
        this.momentum = Validate.unitInterval("momentum", momentum);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, long t, int from, int to) {
        double[] velocity = state(0);
        double lr = learningRate(), mu = momentum, decay = coupledDecay(), shrink = decoupledShrink();
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
