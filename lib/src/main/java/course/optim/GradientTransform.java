package course.optim;

/**
 * A transformation of the gradient applied before an optimizer's update, composed with any
 * optimizer by {@link TunableOptimizer#transformGradient} (optax's {@code chain}): clipping
 * ({@link GradientClipping}), or a learner's own. It works in place on the optimizer's copy of the
 * gradient (the caller's array is never modified), must not allocate, and keeps no state between
 * steps (so that copies and checkpoints of the optimizer stay exact).
 */
@FunctionalInterface
public interface GradientTransform {
    /** Transforms {@code grad} in place. */
    void apply(double[] grad);
}
