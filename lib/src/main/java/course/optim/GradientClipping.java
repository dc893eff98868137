package course.optim;

import course.Validate;

/**
 * Gradient clipping, composed with any optimizer ({@code Adam.pytorch().clipByGlobalNorm(1.0)}):
 * it tames the exploding gradients of cliffs (Deep Learning, §8.2.4 and §10.11.1).
 * <ul>
 * <li>{@link #byGlobalNorm}: PyTorch's {@code clip_grad_norm_}: with n = ‖g‖₂, g ← g·min(1, c/(n + 1e-6)).
 *     The direction is kept; only the length is capped at c. Keras's {@code global_clipnorm} computes
 *     g·c/max(n, c), the same without the 1e-6.</li>
 * <li>{@link #byValue}: PyTorch's {@code clip_grad_value_} and Keras's {@code clipvalue}: every
 *     component clamped to [−c, c], which can change the direction.</li>
 * </ul>
 */
public final class GradientClipping {
    private static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /** The transform that caps the gradient's Euclidean norm at {@code maxNorm}. */
    public static GradientTransform byGlobalNorm(double maxNorm) {
        return new Clip(true, Validate.positive("max norm", maxNorm));
    }

    /** The transform that clamps every component to [−clipValue, clipValue]. */
    public static GradientTransform byValue(double clipValue) {
        return new Clip(false, Validate.positive("clip value", clipValue));
    }

    /** One clipping rule and its limit, named as the frameworks name it in an optimizer's description. */
    private record Clip(boolean byNorm, double limit) implements GradientTransform {
        @Override
        public void apply(double[] grad) {
            if (byNorm) {
                clipByGlobalNorm(grad, limit);
            } else {
                clipByValue(grad, limit);
            }
        }

        @Override
        public String toString() {
            return (byNorm ? "max_norm=" : "clip_value=") + limit;
        }
    }

    /**
     * Scales {@code grad} in place so its Euclidean norm is at most {@code maxNorm} (PyTorch's rule);
     * returns the norm before clipping.
     */
    public static double clipByGlobalNorm(double[] grad, double maxNorm) {
        double norm = norm(grad);
        double scale = Math.min(1, maxNorm / (norm + NORM_EPSILON));
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= scale;
        }
        return norm;
    }

    /** Clamps every component of {@code grad} to [−limit, limit] in place. */
    public static void clipByValue(double[] grad, double limit) {
        for (int i = 0; i < grad.length; i++) {
            grad[i] = Math.max(-limit, Math.min(limit, grad[i]));
        }
    }

    /** The Euclidean norm ‖values‖₂. */
    public static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
