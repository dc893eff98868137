package course.optim;

import course.Validate;
import java.util.Map;

/**
 * Gradient clipping around any optimizer: the gradient is clipped, then handed to the wrapped
 * optimizer (the caller's array is not modified). Clipping tames the exploding gradients of cliffs
 * (Deep Learning, §8.2.4 and §10.11.1).
 * <ul>
 * <li>{@link #byGlobalNorm}: PyTorch's {@code clip_grad_norm_}: with n = ‖g‖₂, g ← g·min(1, c/(n + 1e-6)).
 *     The direction is kept; only the length is capped at c. Keras's {@code global_clipnorm} computes
 *     g·c/max(n, c), the same without the 1e-6.</li>
 * <li>{@link #byValue}: PyTorch's {@code clip_grad_value_} and Keras's {@code clipvalue}: every
 *     component clamped to [−c, c], which can change the direction.</li>
 * </ul>
 * The learning rate, state, reset and copy are the wrapped optimizer's.
 */
public final class Clipped extends Optimizer {
    private static final double NORM_EPSILON = 1e-6;

    private Optimizer inner;
    private final boolean byNorm;
    private final double limit;
    private double[] clipped;
    private double lastNorm = Double.NaN;

    private Clipped(Optimizer inner, boolean byNorm, double limit) {
        super("Clipped", checked(inner).convention(), inner.learningRate());
        this.inner = inner;
        this.byNorm = byNorm;
        this.limit = Validate.positive(byNorm ? "max norm" : "clip value", limit);
    }

    private static Optimizer checked(Optimizer inner) {
        if (inner == null) {
            throw new IllegalArgumentException("the optimizer to wrap must not be null");
        }
        return inner;
    }

    public static Clipped byGlobalNorm(Optimizer optimizer, double maxNorm) {
        return new Clipped(optimizer, true, maxNorm);
    }

    public static Clipped byValue(Optimizer optimizer, double clipValue) {
        return new Clipped(optimizer, false, clipValue);
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

    public static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** The gradient's norm before the last clipping (NaN before the first step). */
    public double lastGradientNorm() {
        return lastNorm;
    }

    public Optimizer wrapped() {
        return inner;
    }

    @Override
    protected void update(double[] params, double[] grad, long t) {
        if (clipped == null || clipped.length != grad.length) {
            clipped = new double[grad.length];
        }
        System.arraycopy(grad, 0, clipped, 0, grad.length);
        if (byNorm) {
            lastNorm = clipByGlobalNorm(clipped, limit);
        } else {
            lastNorm = norm(clipped);
            clipByValue(clipped, limit);
        }
        inner.checkedStep(params, clipped);
    }

    @Override
    protected boolean needsLookAhead() {
        return inner.needsLookAhead();
    }

    @Override
    protected double[] lookAhead(double[] params) {
        inner.scratch(params);
        return inner.lookAhead(params);
    }

    @Override
    public double learningRate() {
        return inner == null ? super.learningRate() : inner.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        super.setLearningRate(learningRate);
        if (inner != null) {
            inner.setLearningRate(learningRate);
        }
    }

    @Override
    public void reset() {
        super.reset();
        inner.reset();
        lastNorm = Double.NaN;
    }

    @Override
    public Clipped copy() {
        Clipped copy = (Clipped) super.copy();
        copy.inner = inner.copy();
        copy.clipped = null;
        return copy;
    }

    @Override
    public Map<String, double[]> state() {
        return inner.state();
    }

    @Override
    public void loadState(Map<String, double[]> saved, long stepCount) {
        super.loadState(Map.of(), stepCount); // resets the wrapped optimizer too: load it afterwards
        inner.loadState(saved, stepCount);
        lastNorm = Double.NaN;
    }

    @Override
    public double[] state(String name) {
        return inner.state(name);
    }

    @Override
    protected String hyperparameters() {
        return inner + ", " + (byNorm ? "max_norm=" : "clip_value=") + limit;
    }
}
