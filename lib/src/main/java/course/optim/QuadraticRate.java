package course.optim;

import course.Validate;

/**
 * The linear rates of lessons 01, 04 and 05 on a quadratic: along an eigen-direction of curvature λ,
 * gradient descent, the heavy ball and Nesterov's method (Keras's form) are linear maps of (coordinate,
 * velocity), and a direction shrinks like ρᵏ, ρ the spectral radius: the largest |z| of the roots of
 * <ul>
 *   <li>heavy ball: z² − (1 + β − ηλ)z + β (β = 0 is gradient descent, z = 1 − ηλ);</li>
 *   <li>Nesterov: z² − (1 + β)(1 − ηλ)z + β(1 − ηλ).</li>
 * </ul>
 * The whole quadratic shrinks like the worst direction's ρ; its cost J = ½Σλᵢuᵢ² like ρ², so
 * {@link #steps} estimates the steps from J₀ to a target as ln(J₀/target)/(2 ln(1/ρ)).
 */
public final class QuadraticRate {

    private QuadraticRate() {
    }

    /** ρ of the heavy ball (β = 0: gradient descent) along a direction of curvature λ. */
    public static double heavyBall(double eta, double beta, double lambda) {
        check(eta, beta, lambda);
        return radius(1 + beta - eta * lambda, beta);
    }

    /** ρ of Nesterov's method along a direction of curvature λ. */
    public static double nesterov(double eta, double beta, double lambda) {
        check(eta, beta, lambda);
        return radius((1 + beta) * (1 - eta * lambda), beta * (1 - eta * lambda));
    }

    /** The worst ρ of the heavy ball over the curvatures {@code lambdas} (a quadratic's eigenvalues). */
    public static double heavyBall(double eta, double beta, double[] lambdas) {
        double worst = 0;
        for (double lambda : Validate.notEmpty("lambdas", lambdas)) {
            worst = Math.max(worst, heavyBall(eta, beta, lambda));
        }
        return worst;
    }

    /** The worst ρ of Nesterov's method over the curvatures {@code lambdas}. */
    public static double nesterov(double eta, double beta, double[] lambdas) {
        double worst = 0;
        for (double lambda : Validate.notEmpty("lambdas", lambdas)) {
            worst = Math.max(worst, nesterov(eta, beta, lambda));
        }
        return worst;
    }

    /**
     * The steps a cost J₀ needs to shrink to {@code target} at ρ² per step, ln(J₀/target)/(2 ln(1/ρ)):
     * +∞ for ρ ≥ 1, 0 if J₀ is already there.
     */
    public static double steps(double rho, double j0, double target) {
        Validate.nonNegative("rho", rho);
        Validate.positive("j0", j0);
        Validate.positive("target", target);
        if (j0 <= target) {
            return 0;
        }
        return rho >= 1 ? Double.POSITIVE_INFINITY : Math.log(j0 / target) / (2 * Math.log(1 / rho));
    }

    /** The largest |z| of the roots of z² − b·z + c. */
    static double radius(double b, double c) {
        double discriminant = b * b - 4 * c;
        if (discriminant < 0) {
            return Math.sqrt(c);   // a conjugate pair: |z|² = z·z̄ = c
        }
        double root = Math.sqrt(discriminant);
        return Math.max(Math.abs(b + root), Math.abs(b - root)) / 2;
    }

    private static void check(double eta, double beta, double lambda) {
        Validate.positive("eta", eta);
        Validate.nonNegative("lambda", lambda);
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
    }
}
