package course.optim;

import course.Validate;

/**
 * Plain gradient descent, θ ← θ − ε·g (Deep Learning, Algorithm 8.1, with the gradient the caller
 * supplies). The same update is batch, mini-batch or stochastic gradient descent: which one depends
 * only on how many examples the caller's gradient averages over.
 *
 * <p>The conventions agree on the update; they differ only in weight decay (coupled L2 in PyTorch's
 * {@code SGD} and the textbook, decoupled in Keras 3's {@code SGD}) and in the default learning rate
 * (PyTorch has none; Keras 0.01; the textbook leaves it to the reader; 0.01 here).
 */
public final class GradientDescent extends Optimizer {

    /** Textbook gradient descent with learning rate ε. */
    public GradientDescent(double learningRate) {
        this(Convention.TEXTBOOK, learningRate);
    }

    public GradientDescent(Convention convention, double learningRate) {
        super("GradientDescent", convention, learningRate);
    }

    public static GradientDescent pytorch(double learningRate) {
        return new GradientDescent(Convention.PYTORCH, learningRate);
    }

    public static GradientDescent keras() {
        return new GradientDescent(Convention.KERAS, 0.01);
    }

    public static GradientDescent textbook(double learningRate) {
        return new GradientDescent(Convention.TEXTBOOK, learningRate);
    }

    public GradientDescent learningRate(double learningRate) {
        setLearningRate(learningRate);
        return this;
    }

    public GradientDescent weightDecay(double weightDecay) {
        setWeightDecay(weightDecay);
        return this;
    }

    @Override
    protected void updateRange(double[] params, double[] grad, long t, int from, int to) {
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
