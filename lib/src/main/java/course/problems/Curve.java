package course.problems;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * A one-dimensional problem written as f(x), f′(x), f″(x). Its critical points are searched on the
 * plotting interval: sign changes of f′ on a fine grid, each bracket narrowed by bisection until the
 * doubles run out, classified by the sign of f″; the lowest minimum is the global one (the
 * interval's ends are higher for the curves here, which the tests check).
 */
abstract class Curve extends AbstractProblem {
    private static final int GRID = 6000;

    Curve(String name, String formula, PlotBox box, double start) {
        super(name, formula, 1, box, start);
    }

    abstract double f(double x);

    abstract double slope(double x);

    abstract double curvature(double x);

    @Override
    protected final double f(double[] x) {
        return f(x[0]);
    }

    @Override
    protected final void fillGradient(double[] x, double[] grad) {
        grad[0] = slope(x[0]);
    }

    @Override
    protected final void fillHessian(double[] x, SimpleMatrix h) {
        h.set(0, 0, curvature(x[0]));
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        List<Double> roots = new ArrayList<>();
        double from = plotBox().xMin(), to = plotBox().xMax();
        double left = from, slopeLeft = slope(left);
        for (int i = 1; i <= GRID; i++) {
            double right = from + (to - from) * i / GRID, slopeRight = slope(right);
            if (slopeLeft == 0) {
                roots.add(left);
            } else if (slopeLeft * slopeRight < 0) {
                roots.add(bisect(left, right));
            }
            left = right;
            slopeLeft = slopeRight;
        }
        int lowest = -1;
        for (int i = 0; i < roots.size(); i++) {
            if (curvature(roots.get(i)) > 0 && (lowest < 0 || f(roots.get(i)) < f(roots.get(lowest)))) {
                lowest = i;
            }
        }
        List<CriticalPoint> points = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            double x = roots.get(i), c = curvature(x);
            CriticalPoint.Kind kind = c > 0 ? (i == lowest ? CriticalPoint.Kind.GLOBAL_MINIMUM : CriticalPoint.Kind.LOCAL_MINIMUM)
                    : c < 0 ? CriticalPoint.Kind.LOCAL_MAXIMUM : CriticalPoint.Kind.SADDLE;
            points.add(new CriticalPoint(kind, new double[]{x}, f(x)));
        }
        return points;
    }

    private double bisect(double a, double b) {
        double slopeA = slope(a);
        while (true) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) {
                // no double lies strictly between a and b: take the end where |f′| is smaller
                return Math.abs(slope(a)) <= Math.abs(slope(b)) ? a : b;
            }
            double slopeMid = slope(mid);
            if (slopeMid == 0) {
                return mid;
            }
            if (slopeA * slopeMid < 0) {
                b = mid;
            } else {
                a = mid;
                slopeA = slopeMid;
            }
        }
    }
}
