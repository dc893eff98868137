package course.problems;

import course.Validate;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * A cliff, the landscape behind exploding gradients: a gentle slope that ends at a wall dropping by
 * {@code height} within a width of about 4/{@code steepness}, then a wide valley.
 *
 * <pre>  f(x, y) = 0.05·(x − 2)² + 0.5·y² − H·σ(k·x),   σ(z) = 1 / (1 + e^(−z))</pre>
 *
 * <p>With the defaults H = 2, k = 100, |∇f| is about 0.2 just before the edge and H·k/4 = 50 on the
 * face at x = 0: the gradient jumps by more than two orders of magnitude within a few hundredths. A
 * gradient step that lands on the face is catapulted far beyond the valley (a learning rate of 0.5
 * throws it about 25 to the right); clipping the gradient's norm keeps the step short.
 *
 * <p>Left of x = 2 every term of ∂f/∂x is negative, right of it ∂f/∂x increases, so the only
 * critical point is the global minimum: at (2, 0) up to the wall's tail H·k·σ′(2k), which is below
 * 1e−80 for the defaults; it is refined by Newton's method for any H and k. Its value is −H to
 * machine precision for the defaults. σ is evaluated in a form that cannot overflow.
 *
 * <p>∂f/∂x = 0.1·(x − 2) − H·k·σ′(kx), ∂f/∂y = y; ∂²f/∂x² = 0.1 − H·k²·σ″(kx), ∂²f/∂y² = 1, with
 * σ′ = σ(1 − σ) and σ″ = σ′·(1 − 2σ).
 */
public final class Cliff extends AbstractProblem {
    /** Where the valley's quadratic bottom lies, right of the wall at x = 0. */
    public static final double VALLEY = 2;
    private static final double SLOPE_CURVATURE = 0.1; // f = ½·0.1·(x − 2)² along x
    private final double height, steepness;

    /** H = 2, k = 100. */
    public Cliff() {
        this(2, 100);
    }

    public Cliff(double height, double steepness) {
        super("cliff (H=" + height + ", k=" + steepness + ")", "0.05·(x − 2)² + 0.5·y² − H·σ(k·x)", 2,
                new PlotBox(-3, 4, -1.5, 1.5), -2, 0.5);
        this.height = Validate.positive("height", height);
        this.steepness = Validate.positive("steepness", steepness);
    }

    @Override
    protected double f(double[] p) {
        double x = p[0], y = p[1];
        return 0.5 * SLOPE_CURVATURE * (x - VALLEY) * (x - VALLEY) + 0.5 * y * y - height * sigmoid(steepness * x);
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double x = p[0];
        grad[0] = SLOPE_CURVATURE * (x - VALLEY) - height * steepness * sigmoidSlope(steepness * x);
        grad[1] = p[1];
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double z = steepness * p[0];
        double sigmoidCurvature = sigmoidSlope(z) * (1 - 2 * sigmoid(z));
        h.set(0, 0, SLOPE_CURVATURE - height * steepness * steepness * sigmoidCurvature);
        h.set(1, 1, 1);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(point(CriticalPoint.Kind.GLOBAL_MINIMUM, newtonRefine(VALLEY, 0)));
    }

    /** How far the wall drops. */
    public double height() {
        return height;
    }

    /** k: the wall is about 4/k wide and its steepest slope is H·k/4. */
    public double steepness() {
        return steepness;
    }

    private static double sigmoid(double z) {
        // e^(−|z|) never overflows; the two branches are the same function
        double e = Math.exp(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    private static double sigmoidSlope(double z) {
        double e = Math.exp(-Math.abs(z));
        return e / ((1 + e) * (1 + e));
    }
}
