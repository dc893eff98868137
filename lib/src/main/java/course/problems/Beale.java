package course.problems;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Beale's function, f(x, y) = Σᵢ₌₁³ rᵢ² with rᵢ = cᵢ − x + x·yⁱ and c = (1.5, 2.25, 2.625): sharp
 * ridges and flat arms around a narrow minimum. Global minimum 0 at (3, 0.5); in the box
 * [−4.5, 4.5]² it also has two saddles, (0, 1) with f = 14.203125 and one near (0.1005, −2.6445) with
 * f ≈ 9.8645 (located by Newton's method from that guess).
 *
 * <p>With ∂rᵢ/∂x = yⁱ − 1 and ∂rᵢ/∂y = i·x·yⁱ⁻¹, ∇f = 2·Σ rᵢ·∇rᵢ and
 * ∇²f = 2·Σ (∇rᵢ∇rᵢᵀ + rᵢ·∇²rᵢ), with ∂²rᵢ/∂x∂y = i·yⁱ⁻¹ and ∂²rᵢ/∂y² = i(i−1)·x·yⁱ⁻².
 */
public final class Beale extends AbstractProblem {
    private static final double[] C = {1.5, 2.25, 2.625};

    public Beale() {
        super("Beale", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²", 2,
                new PlotBox(-4.5, 4.5, -4.5, 4.5), 1, 1.5);
    }

    @Override
    protected double f(double[] p) {
        double x = p[0], y = p[1], sum = 0, yPower = 1;
        for (int i = 1; i <= 3; i++) {
            yPower *= y;
            double r = C[i - 1] - x + x * yPower;
            sum += r * r;
        }
        return sum;
    }

    @Override
    protected void fillGradient(double[] p, double[] grad) {
        double x = p[0], y = p[1], gx = 0, gy = 0, yBelow = 1; // yBelow = y^(i−1)
        for (int i = 1; i <= 3; i++) {
            double yPower = yBelow * y;
            double r = C[i - 1] - x + x * yPower;
            gx += 2 * r * (yPower - 1);
            gy += 2 * r * i * x * yBelow;
            yBelow = yPower;
        }
        grad[0] = gx;
        grad[1] = gy;
    }

    @Override
    protected void fillHessian(double[] p, SimpleMatrix h) {
        double x = p[0], y = p[1], hxx = 0, hxy = 0, hyy = 0;
        for (int i = 1; i <= 3; i++) {
            double yBelow = Math.pow(y, i - 1), yPower = yBelow * y;
            double yTwoBelow = i >= 2 ? Math.pow(y, i - 2) : 0;
            double r = C[i - 1] - x + x * yPower;
            double rx = yPower - 1, ry = i * x * yBelow;
            hxx += 2 * rx * rx;
            hxy += 2 * (rx * ry + r * i * yBelow);
            hyy += 2 * (ry * ry + r * i * (i - 1) * x * yTwoBelow);
        }
        h.set(0, 0, hxx);
        h.set(0, 1, hxy);
        h.set(1, 0, hxy);
        h.set(1, 1, hyy);
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(
                new CriticalPoint(CriticalPoint.Kind.GLOBAL_MINIMUM, new double[]{3, 0.5}, 0),
                new CriticalPoint(CriticalPoint.Kind.SADDLE, new double[]{0, 1}, 14.203125),
                point(CriticalPoint.Kind.SADDLE, newtonRefine(0.1005, -2.6445)));
    }
}
