package course.optim;

/**
 * Plain gradient descent, θ ← θ − ε·g (Deep Learning, Algorithm 8.1, with the gradient the caller
 * supplies). The same update is batch, mini-batch or stochastic gradient descent: which one depends
 * only on how many examples the caller's gradient averages over.
 *
 * <p>The conventions agree on the update; they differ only in weight decay (coupled L2 in PyTorch's
 * {@code SGD} and the textbook, decoupled in Keras 3's {@code SGD}) and in the default learning rate:
 * PyTorch 0.001 (since 2.2; earlier it had none), Keras 0.01, the textbook none (0.01 here, the
 * course's choice). State: none.
 */
public final class GradientDescent extends TunableOptimizer<GradientDescent> {

    private GradientDescent(Convention convention, double learningRate) {
        super("GradientDescent", convention, learningRate);
    }

    public static GradientDescent pytorch() {
        return new GradientDescent(Convention.PYTORCH, 0.001);
    }

    public static GradientDescent keras() {
        return new GradientDescent(Convention.KERAS, 0.01);
    }

    public static GradientDescent textbook() {
        return new GradientDescent(Convention.TEXTBOOK, 0.01);
    }

    @Override
    protected void initState(OptimizerState state) {
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double lr = learningRate(), decay = coupledDecay(), shrink = decoupledShrink();
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            params[i] = p - lr * (grad[i] + decay * p);
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate();
    }
}
