package course.optim;

import course.Validate;

/**
 * AdaGrad: each parameter's step is scaled by the inverse square root of the sum of all its past
 * squared gradients, so often-large gradients get small steps and rare ones large steps
 * (Deep Learning, Algorithm 8.4; Duchi, Hazan and Singer, 2011).
 *
 * <table>
 * <caption>The three conventions</caption>
 * <tr><th>convention</th><th>update</th><th>defaults</th></tr>
 * <tr><td>textbook (Algorithm 8.4)</td><td>r ← r + g²; θ ← θ − ε/(δ + √r)·g</td>
 *     <td>δ = 1e-7; ε not given, here 0.01; r starts at 0</td></tr>
 * <tr><td>PyTorch {@code Adagrad}</td><td>sum ← sum + g²; θ ← θ − lr_t·g/(√sum + eps),
 *     lr_t = lr/(1 + (t−1)·lr_decay)</td><td>lr 0.01, eps 1e-10, initial_accumulator_value 0,
 *     lr_decay 0</td></tr>
 * <tr><td>Keras 3 {@code Adagrad}</td><td>acc ← acc + g²; θ ← θ − lr·g/√(acc + eps):
 *     epsilon inside the square root</td><td>lr 0.001, eps 1e-7, initial_accumulator_value 0.1</td></tr>
 * </table>
 *
 * <p>Keras's accumulator starting at 0.1 makes the first step lr·g/√(0.1 + g²): always shorter than
 * lr, and for small gradients about (lr/√0.1)·g ≈ 3.16·lr·g, plain gradient descent, not a
 * normalized step. PyTorch's and the textbook's first step is lr·g/|g| = lr in every coordinate with
 * a non-zero gradient.
 * <p>DL4J's {@code AdaGrad} (tested) is PyTorch's form with the accumulator starting at eps
 * (1e-6): {@code pytorch().initialAccumulator(1e-6).epsilon(1e-6)}; its default lr is 0.1.
 * State: {@code sum} (r).
 */
public final class AdaGrad extends TunableOptimizer<AdaGrad> {
    private double epsilon;
    private double initialAccumulator;
    private double lrDecay;
    private boolean epsilonInsideSqrt;

    private AdaGrad(Convention convention, double learningRate) {
        super("AdaGrad", convention, learningRate);
        switch (convention) {
            case PYTORCH -> epsilon = 1e-10;
            case KERAS -> {
                epsilon = 1e-7;
                initialAccumulator = 0.1;
                epsilonInsideSqrt = true;
            }
            case TEXTBOOK -> epsilon = 1e-7;
        }
    }

    public static AdaGrad pytorch() {
        return new AdaGrad(Convention.PYTORCH, 0.01);
    }

    public static AdaGrad keras() {
        return new AdaGrad(Convention.KERAS, 0.001);
    }

    public static AdaGrad textbook() {
        return new AdaGrad(Convention.TEXTBOOK, 0.01);
    }

    /** δ of the textbook, eps of the frameworks. */
    public AdaGrad epsilon(double epsilon) {
        this.epsilon = Validate.nonNegative("epsilon", epsilon);
        return this;
    }

    /** What the accumulator starts at (PyTorch's and Keras's initial_accumulator_value). */
    public AdaGrad initialAccumulator(double value) {
        this.initialAccumulator = Validate.nonNegative("initial accumulator", value);
        return this;
    }

    /** PyTorch's lr_decay: lr_t = lr/(1 + (t−1)·lr_decay). Keras and the textbook have none. */
    public AdaGrad lrDecay(double lrDecay) {
        Validate.nonNegative("lr_decay", lrDecay);
        if (lrDecay != 0 && convention() != Convention.PYTORCH) {
            throw new IllegalArgumentException("lr_decay is PyTorch's option; the " + convention().label()
                    + " convention has none (use AdaGrad.pytorch(), or a learning-rate schedule)");
        }
        this.lrDecay = lrDecay;
        return this;
    }

    /** Puts epsilon inside the square root (Keras) or outside (PyTorch, textbook). */
    public AdaGrad epsilonInsideSqrt(boolean inside) {
        this.epsilonInsideSqrt = inside;
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("sum", initialAccumulator);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] sum = state.array("sum");
        double lr = learningRate() / (1 + (t - 1) * lrDecay);
        double eps = epsilon, decay = coupledDecay(), shrink = decoupledShrink();
        if (epsilonInsideSqrt) {
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                double g = grad[i] + decay * p;
                double r = sum[i] + g * g;
                sum[i] = r;
                params[i] = p - lr * g / Math.sqrt(r + eps);
            }
        } else {
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                double g = grad[i] + decay * p;
                double r = sum[i] + g * g;
                sum[i] = r;
                params[i] = p - lr * g / (Math.sqrt(r) + eps);
            }
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", eps=" + epsilon + (epsilonInsideSqrt ? " (inside √)" : "")
                + (initialAccumulator == 0 ? "" : ", initial_accumulator=" + initialAccumulator)
                + (lrDecay == 0 ? "" : ", lr_decay=" + lrDecay);
    }
}
