package course.problems;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Himmelblau's function, f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four global minima, all with
 * f = 0, so where an optimizer ends depends on where it starts. Besides the minima, (3, 2) and three
 * near (−2.805, 3.131), (−3.779, −3.283), (3.584, −1.848), it has four saddles and one local maximum
 * near (−0.271, −0.923) with f ≈ 181.6. All but (3, 2) are irrational; they are the published
 * approximate locations refined by Newton's method until the gradient is zero to machine precision.
 *
 * <p>With u = x² + y − 11 and v = x + y² − 7: ∇f = (4x·u + 2v, 2u + 4y·v);
 * ∇²f = [[12x² + 4y − 42, 4(x + y)], [4(x + y), 12y² + 4x − 26]].
 */
public final class Himmelblau extends AbstractProblem {

    public Himmelblau() {
        super("Himmelblau", "(x² + y − 11)² + (x + y² − 7)²", 2, new PlotBox(-5, 5, -5, 5), 0, 0);
    }

    @Override
    protected double f(double[] p) {
        double x = p[0], y = p[1];
        double u = x * x + y - 11, v = x + y * y - 7;
        return u * u + v * v;
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double x = p[0], y = p[1];
        double u = x * x + y - 11, v = x + y * y - 7;
        grad[0] = 4 * x * u + 2 * v;
        grad[1] = 2 * u + 4 * y * v;
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double x = p[0], y = p[1];
        h.set(0, 0, 12 * x * x + 4 * y - 42);
        h.set(0, 1, 4 * (x + y));
        h.set(1, 0, 4 * (x + y));
        h.set(1, 1, 12 * y * y + 4 * x - 26);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        CriticalPoint.Kind min = CriticalPoint.Kind.GLOBAL_MINIMUM, saddle = CriticalPoint.Kind.SADDLE;
        return List.of(
                new CriticalPoint(min, new double[]{3, 2}, 0),
                new CriticalPoint(min, newtonRefine(-2.805118, 3.131312), 0),
                new CriticalPoint(min, newtonRefine(-3.779310, -3.283186), 0),
                new CriticalPoint(min, newtonRefine(3.584428, -1.848126), 0),
                point(saddle, newtonRefine(0.086678, 2.884255)),
                point(saddle, newtonRefine(-3.073026, -0.081353)),
                point(saddle, newtonRefine(3.385154, 0.073852)),
                point(saddle, newtonRefine(-0.127961, -1.953715)),
                point(CriticalPoint.Kind.LOCAL_MAXIMUM, newtonRefine(-0.270845, -0.923039)));
    }
}
