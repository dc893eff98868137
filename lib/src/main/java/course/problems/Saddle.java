package course.problems;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * The saddle f(x, y) = x² − y²: a minimum along x, a maximum along y, Hessian diag(2, −2) everywhere.
 * The origin is its only critical point (f = 0); f is unbounded below, so it has no minimum.
 * The start (1.5, 0.01) lies almost on the x axis: gradient descent slides towards the saddle, and
 * leaves it only as fast as the tiny y offset grows (by a factor 1 + 2·learning rate per step).
 */
public final class Saddle extends AbstractProblem {

    public Saddle() {
        super("saddle", "x² − y²", 2, new PlotBox(-2, 2, -2, 2), 1.5, 0.01);
    }

    @Override
    protected double f(double[] p) {
        return p[0] * p[0] - p[1] * p[1];
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        grad[0] = 2 * p[0];
        grad[1] = -2 * p[1];
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        h.set(0, 0, 2);
        h.set(1, 1, -2);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.SADDLE, new double[]{0, 0}, 0));
    }
}
