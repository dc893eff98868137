package course.problems;

import java.util.List;

/** f(x) = x²: the first picture of gradient descent. f′ = 2x, f″ = 2, minimum 0 at x = 0. */
public final class Parabola extends Curve {

    public Parabola() {
        super("parabola", "x²", new PlotBox(-2, 2, -0.5, 4.5), 1.5);
    }

    @Override
    double f(double x) {
        return x * x;
    }

    @Override
    double slope(double x) {
        return 2 * x;
    }

    @Override
    double curvature(double x) {
        return 2;
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.GLOBAL_MINIMUM, new double[]{0}, 0));
    }
}
