package course.problems;

import course.Validate;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * The checks and bookkeeping every problem shares, so that each subclass holds only its formulas:
 * {@link #f}, {@link #fillGradient}, {@link #fillHessian} and {@link #locateCriticalPoints}.
 * Subclasses get arguments that are already checked (right length, finite).
 */
public abstract class AbstractProblem implements Problem {
    private final String name;
    private final String formula;
    private final int dimension;
    private final PlotBox plotBox;
    private final double[] startPoint;
    private volatile List<CriticalPoint> criticalPoints;

    protected AbstractProblem(String name, String formula, int dimension, PlotBox plotBox, double... startPoint) {
        this.name = Validate.notNull("name", name);
        this.formula = Validate.notNull("formula", formula);
        this.dimension = Validate.positive("dimension", dimension);
        this.plotBox = Validate.notNull("plot box", plotBox);
        if (startPoint.length != dimension) {
            throw new IllegalArgumentException("start point has " + startPoint.length + " entries but the problem is "
                    + dimension + "-dimensional");
        }
        this.startPoint = Validate.finite("start point", startPoint.clone());
    }

    /** f(x) at a checked point. */
    protected abstract double f(double[] x);

    /** Writes ∇f(x) into grad (overwriting every entry) at a checked point. */
    protected abstract void fillGradient(double[] x, double[] grad);

    /** Sets every entry of the zero matrix h to ∇²f(x) at a checked point. */
    protected abstract void fillHessian(double[] x, SimpleMatrix h);

    /** The critical points, computed once on first request (some are refined numerically). */
    protected abstract List<CriticalPoint> locateCriticalPoints();

    @Override
    public final double value(double[] x) {
        checkPoint(x);
        return f(x);
    }

    @Override
    public final void gradient(double[] x, double[] grad) {
        checkPoint(x);
        checkGradient(grad);
        fillGradient(x, grad);
    }

    @Override
    public final double valueAndGradient(double[] x, double[] grad) {
        checkPoint(x);
        checkGradient(grad);
        fillGradient(x, grad);
        return f(x);
    }

    @Override
    public final SimpleMatrix hessian(double[] x) {
        checkPoint(x);
        SimpleMatrix h = new SimpleMatrix(dimension, dimension);
        fillHessian(x, h);
        return h;
    }

    @Override
    public final List<CriticalPoint> criticalPoints() {
        List<CriticalPoint> points = criticalPoints;
        if (points == null) {
            points = List.copyOf(locateCriticalPoints());
            criticalPoints = points;
        }
        return points;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String formula() {
        return formula;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final PlotBox plotBox() {
        return plotBox;
    }

    @Override
    public final double[] startPoint() {
        return startPoint.clone();
    }

    /**
     * Newton's method on the gradient, ∇²f·Δ = −∇f, from a guess close to a critical point of any
     * kind (Newton is drawn to saddles and maxima as much as to minima). Used to turn published
     * approximate locations into points whose gradient is zero to machine precision.
     */
    protected final double[] newtonRefine(double... guess) {
        double[] x = guess.clone();
        double[] grad = new double[dimension];
        for (int iteration = 0; iteration < 100; iteration++) {
            fillGradient(x, grad);
            SimpleMatrix h = new SimpleMatrix(dimension, dimension);
            fillHessian(x, h);
            SimpleMatrix step = h.solve(new SimpleMatrix(grad));
            double stepSize = 0, size = 0;
            for (int i = 0; i < dimension; i++) {
                x[i] -= step.get(i);
                stepSize = Math.max(stepSize, Math.abs(step.get(i)));
                size = Math.max(size, Math.abs(x[i]));
            }
            if (stepSize <= 1e-15 * (1 + size)) {
                break;
            }
        }
        return x;
    }

    /** A critical point whose value is computed from f (for points found numerically). */
    protected final CriticalPoint point(CriticalPoint.Kind kind, double... x) {
        return new CriticalPoint(kind, x, f(x));
    }

    private void checkPoint(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.length != dimension) {
            throw new IllegalArgumentException("x has " + x.length + " entries but " + name + " is "
                    + dimension + "-dimensional: x must have " + dimension);
        }
        Validate.finite("x", x);
    }

    private void checkGradient(double[] grad) {
        if (grad == null) {
            throw new IllegalArgumentException("grad must not be null");
        }
        if (grad.length != dimension) {
            throw new IllegalArgumentException("grad has " + grad.length + " entries but " + name + " is "
                    + dimension + "-dimensional: grad must have " + dimension);
        }
    }

    @Override
    public String toString() {
        return name + ": f = " + formula;
    }
}
