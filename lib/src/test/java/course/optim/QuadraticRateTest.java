package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.problems.Quadratic;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class QuadraticRateTest {

    private static double eigenRadius(double[][] m) {
        var evd = new SimpleMatrix(m).eig();
        return Math.max(evd.getEigenvalue(0).getMagnitude(), evd.getEigenvalue(1).getMagnitude());
    }

    @Test
    void theRadiiAreThoseOfTheTwoByTwoMatrices() {
        for (double beta : new double[]{0, 0.3, 0.9, 0.99}) {
            for (double a : new double[]{0.001, 0.05, 0.5, 1, 2, 3.5, 3.9, 4.5}) {   // a = ηλ, with λ = 2
                double[][] heavy = {{1 - a, beta}, {-a, beta}};
                double[][] nag = {{1 - a * (1 + beta), beta * beta}, {-a, beta}};
                assertEquals(eigenRadius(heavy), QuadraticRate.heavyBall(a / 2, beta, 2), 1e-9, "heavy ball, ηλ = " + a + ", β = " + beta);
                // ηλ = 1 makes Nesterov's matrix a Jordan block at 0, whose computed eigenvalues are off by √ε
                assertEquals(eigenRadius(nag), QuadraticRate.nesterov(a / 2, beta, 2), 1e-7, "Nesterov, ηλ = " + a + ", β = " + beta);
            }
        }
        assertEquals(0.7, QuadraticRate.heavyBall(0.15, 0, 2), 1e-15, "β = 0: gradient descent's |1 − ηλ|");
    }

    @Test
    void stabilityEndsAtTheDerivedLimits() {
        for (double beta : new double[]{0, 0.5, 0.9}) {
            double heavy = 2 * (1 + beta) / 4, nag = 2 * (1 + beta) / ((1 + 2 * beta) * 4);   // λ = 4
            assertTrue(QuadraticRate.heavyBall(0.999 * heavy, beta, 4) < 1 && QuadraticRate.heavyBall(1.001 * heavy, beta, 4) > 1);
            assertTrue(QuadraticRate.nesterov(0.999 * nag, beta, 4) < 1 && QuadraticRate.nesterov(1.001 * nag, beta, 4) > 1);
        }
    }

    @Test
    void theWorstDirectionPredictsARun() {
        Quadratic bowl = Quadratic.illConditioned();   // λ = 0.2 and 4
        double eta = 2 / 4.2, rho = QuadraticRate.heavyBall(eta, 0, bowl.eigenvalues());
        assertEquals(3.8 / 4.2, rho, 1e-12, "η* = 2/(λmin + λmax) gives (κ − 1)/(κ + 1)");
        double j0 = bowl.value(bowl.startPoint());
        // at η* both directions shrink by the same factor, so J_k = J₀ρ^{2k} exactly and the estimate is the count
        int measured = Convergence.measure(GradientDescent.keras().learningRate(eta), bowl, bowl.startPoint(), 1e-4, 5000).stepsToTarget();
        assertEquals(Math.ceil(QuadraticRate.steps(rho, j0, 1e-4)), measured, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, QuadraticRate.steps(1, j0, 1e-4));
        assertEquals(0, QuadraticRate.steps(0.5, 1e-5, 1e-4));
        assertEquals(QuadraticRate.nesterov(0.1, 0.9, 0.2), QuadraticRate.nesterov(0.1, 0.9, bowl.eigenvalues()), 1e-15,
                "the flat direction is Nesterov's worst at η = 0.1");
        assertTrue(QuadraticRate.nesterov(0.1, 0.9, 0.2) > QuadraticRate.nesterov(0.1, 0.9, 4));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QuadraticRate.heavyBall(0.1, 1, 4)).getMessage().contains("beta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QuadraticRate.nesterov(-0.1, 0.9, 4)).getMessage().contains("eta"));
        assertThrows(IllegalArgumentException.class, () -> QuadraticRate.heavyBall(0.1, 0.9, new double[0]));
    }
}
