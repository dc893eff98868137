package course.problems;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * The monkey saddle f(x, y) = x³ − 3xy² (the real part of (x + iy)³): three valleys meet at the
 * origin, room for a monkey's tail. The origin is a degenerate saddle: its Hessian is the zero matrix,
 * so the second-order test cannot tell what it is (the third-order terms can: f goes down along x < 0).
 * f is unbounded below, so it has no minimum.
 *
 * <p>∇f = (3x² − 3y², −6xy); ∇²f = [[6x, −6y], [−6y, −6x]].
 */
public final class MonkeySaddle extends AbstractProblem {

    public MonkeySaddle() {
        super("monkey saddle", "x³ − 3xy²", 2, new PlotBox(-1.5, 1.5, -1.5, 1.5), 1, 0.2);
    }

    @Override
    protected double f(double[] p) {
        double x = p[0], y = p[1];
        return x * x * x - 3 * x * y * y;
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double x = p[0], y = p[1];
        grad[0] = 3 * x * x - 3 * y * y;
        grad[1] = -6 * x * y;
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double x = p[0], y = p[1];
        h.set(0, 0, 6 * x);
        h.set(0, 1, -6 * y);
        h.set(1, 0, -6 * y);
        h.set(1, 1, -6 * x);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.SADDLE, new double[]{0, 0}, 0));
    }
}
