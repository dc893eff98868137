package course.problems;

import course.Validate;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Rosenbrock's banana, f(x, y) = (a − x)² + b·(y − x²)²: a curved, flat-bottomed valley that
 * gradient descent finds at once and then follows painfully slowly. The only critical point is the
 * global minimum 0 at (a, a²).
 *
 * <p>∂f/∂x = −2(a − x) − 4b·x·(y − x²), ∂f/∂y = 2b·(y − x²);
 * ∂²f/∂x² = 2 − 4b·y + 12b·x², ∂²f/∂x∂y = −4b·x, ∂²f/∂y² = 2b.
 * a and b must be positive; box [−2a, 2a] × [−a², 3a²], start (−1.2a, a²), the classic (−1.2, 1).
 */
public final class Rosenbrock extends AbstractProblem {
    private final double a, b;

    /** The classic a = 1, b = 100. */
    public Rosenbrock() {
        this(1, 100);
    }

    public Rosenbrock(double a, double b) {
        super("Rosenbrock (a=" + a + ", b=" + b + ")", "(a − x)² + b·(y − x²)²", 2,
                new PlotBox(-2 * Validate.positive("a", a), 2 * a, -a * a, 3 * a * a), -1.2 * a, a * a);
        this.a = a;
        this.b = Validate.positive("b", b);
    }

    @Override
    protected double f(double[] p) {
        double x = p[0], y = p[1];
        double offValley = y - x * x;
        return (a - x) * (a - x) + b * offValley * offValley;
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double x = p[0], y = p[1];
        double offValley = y - x * x;
        grad[0] = -2 * (a - x) - 4 * b * x * offValley;
        grad[1] = 2 * b * offValley;
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double x = p[0], y = p[1];
        h.set(0, 0, 2 - 4 * b * y + 12 * b * x * x);
        h.set(0, 1, -4 * b * x);
        h.set(1, 0, -4 * b * x);
        h.set(1, 1, 2 * b);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.GLOBAL_MINIMUM, new double[]{a, a * a}, 0));
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }
}
