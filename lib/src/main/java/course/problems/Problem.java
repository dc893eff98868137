package course.problems;

import course.optim.Differentiable;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * A test function for optimizer lessons: f, its gradient and Hessian in closed form, the points where
 * the gradient vanishes, and where to look and start. Being {@link Differentiable}, a problem can be
 * handed to {@code optimizer.step(params, problem)} directly.
 *
 * <p>Coordinates are called x (and y) as in the formulas; the parameter vector is {@code {x}} or
 * {@code {x, y}} (or n entries for an n-dimensional quadratic).
 */
public interface Problem extends Differentiable {

    /** A short name for legends and tables, such as "Rosenbrock (a=1, b=100)". */
    String name();

    /** The formula in plain text, such as "(a − x)² + b·(y − x²)²". */
    String formula();

    /** How many coordinates a point has. */
    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Writes ∇f(x) into {@code grad} (overwritten, same length as x). */
    void gradient(double[] x, double[] grad);

    /** ∇f(x) in a new array: convenient in notebooks, not in loops. */
    default double[] gradient(double[] x) {
        double[] grad = new double[dimension()];
        gradient(x, grad);
        return grad;
    }

    /** The Hessian ∇²f(x), a new dimension × dimension matrix. */
    SimpleMatrix hessian(double[] x);

    /**
     * Every known point where the gradient is zero, with its kind and value: all minima, and the saddles
     * and maxima inside the plotting box. For the 1-D risks, whose f is unbounded on the whole line,
     * the points are those of the lesson's interval (the plotting box's x range).
     */
    List<CriticalPoint> criticalPoints();

    /** The global and local minima among {@link #criticalPoints()}. */
    default List<CriticalPoint> minima() {
        List<CriticalPoint> minima = new ArrayList<>();
        for (CriticalPoint point : criticalPoints()) {
            if (point.kind().isMinimum()) {
                minima.add(point);
            }
        }
        return minima;
    }

    /** The saddle points among {@link #criticalPoints()}. */
    default List<CriticalPoint> saddles() {
        List<CriticalPoint> saddles = new ArrayList<>();
        for (CriticalPoint point : criticalPoints()) {
            if (point.kind() == CriticalPoint.Kind.SADDLE) {
                saddles.add(point);
            }
        }
        return saddles;
    }

    /** The points where f takes its lowest value (several for Himmelblau); empty if f is unbounded below. */
    default List<double[]> minimizers() {
        List<double[]> points = new ArrayList<>();
        for (CriticalPoint point : criticalPoints()) {
            if (point.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                points.add(point.point());
            }
        }
        return points;
    }

    /** The lowest value of f, or −∞ where f is unbounded below (the saddles). */
    default double minimumValue() {
        for (CriticalPoint point : criticalPoints()) {
            if (point.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                return point.value();
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /** Euclidean distance from x to the nearest global minimizer; NaN if there is none. */
    default double distanceToMinimizer(double[] x) {
        if (x == null || x.length != dimension()) {
            throw new IllegalArgumentException("x must have " + dimension() + " entries, got "
                    + (x == null ? "null" : String.valueOf(x.length)));
        }
        double best = Double.NaN;
        for (double[] minimizer : minimizers()) {
            double sum = 0;
            for (int i = 0; i < minimizer.length; i++) {
                double d = x[i] - minimizer[i];
                sum += d * d;
            }
            double distance = Math.sqrt(sum);
            if (!(distance >= best)) {
                best = distance;
            }
        }
        return best;
    }

    /** Where to look: the ranges of a contour plot (or, in 1-D, of the curve). */
    PlotBox plotBox();

    /** A start point that shows what the lessons use the problem for (a new array). */
    double[] startPoint();
}
