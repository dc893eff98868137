package course.problems;

import course.Validate;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * A plateau: an inverted Gaussian well, f(x, y) = 1 − exp(−(x² + y²) / (2s²)). Within a few widths s
 * of the origin it is a round bowl; farther out it is almost perfectly flat, and the gradient, of
 * size (r/s²)·exp(−r²/(2s²)) at distance r, is tiny: about 2e−5 at the suggested start (4, 3), where
 * r = 5 and s = 1. Plain gradient descent barely moves there; methods that rescale the step by the
 * gradient's size (RMSProp, Adam) or build up speed (momentum) cross it. The only critical point is
 * the global minimum 0 at the origin (beyond r ≈ 38s the gradient underflows to zero in doubles).
 *
 * <p>With g = exp(−r²/(2s²)): ∇f = (g/s²)·(x, y); ∇²f = (g/s²)·(I − (x, y)(x, y)ᵀ/s²).
 */
public final class Plateau extends AbstractProblem {
    private final double width;

    /** s = 1. */
    public Plateau() {
        this(1);
    }

    public Plateau(double width) {
        super("plateau (s=" + width + ")", "1 − exp(−(x² + y²) / (2s²))", 2,
                new PlotBox(-5 * Validate.positive("width", width), 5 * width, -5 * width, 5 * width),
                4 * width, 3 * width);
        this.width = width;
    }

    @Override
    protected double f(double[] p) {
        return 1 - well(p);
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double scale = well(p) / (width * width);
        grad[0] = scale * p[0];
        grad[1] = scale * p[1];
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double s2 = width * width, scale = well(p) / s2, x = p[0], y = p[1];
        h.set(0, 0, scale * (1 - x * x / s2));
        h.set(0, 1, -scale * x * y / s2);
        h.set(1, 0, -scale * x * y / s2);
        h.set(1, 1, scale * (1 - y * y / s2));
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.GLOBAL_MINIMUM, new double[]{0, 0}, 0));
    }

    /** s, the well's width. */
    public double width() {
        return width;
    }

    private double well(double[] p) {
        return Math.exp(-(p[0] * p[0] + p[1] * p[1]) / (2 * width * width));
    }
}
