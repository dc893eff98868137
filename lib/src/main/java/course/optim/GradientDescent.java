package course.optim;

/**
 * Plain gradient descent, θ ← θ − η·g (Goodfellow et al., Deep Learning, Algorithm 8.1 with the
 * gradient the caller supplies). The same update is batch, mini-batch or stochastic gradient
 * descent: which one depends only on how many examples the caller's gradient averages over.
 */
public final class GradientDescent {
    private final double learningRate;

    /** @param learningRate η, a positive finite number */
    public GradientDescent(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive finite number, got "
                    + learningRate + " (typical values: 0.001 to 0.1)");
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    /** One step in place: {@code params[i] -= learningRate * grad[i]}. */
    public void step(double[] params, double[] grad) {
        if (params == null || grad == null) {
            throw new IllegalArgumentException("params and grad must not be null");
        }
        if (params.length != grad.length) {
            throw new IllegalArgumentException("params has " + params.length + " entries but grad has "
                    + grad.length + ": the gradient must have one entry per parameter");
        }
        for (int i = 0; i < grad.length; i++) {
            if (!Double.isFinite(grad[i])) {
                throw new IllegalArgumentException("grad[" + i + "] is " + grad[i]
                        + ": the gradient must be finite (is the learning rate too large, so training diverged?)");
            }
        }
        for (int i = 0; i < params.length; i++) {
            params[i] -= learningRate * grad[i];
        }
    }
}
