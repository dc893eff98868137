package course.optim;

/**
 * A function whose gradient can be evaluated anywhere: what PyTorch calls the closure of
 * {@code optimizer.step(closure)}. Optimizers that need the gradient at another point than the
 * current parameters (Nesterov's look-ahead in the textbook form) take one of these.
 */
@FunctionalInterface
public interface Differentiable {
    /**
     * Writes ∇f(x) into {@code grad} (same length as {@code x}, overwritten) and returns f(x), or
     * {@code Double.NaN} when only the gradient is known. Must not keep or modify {@code x}.
     */
    double valueAndGradient(double[] x, double[] grad);
}
