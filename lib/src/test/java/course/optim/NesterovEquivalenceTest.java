package course.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The textbook's Nesterov momentum (gradient at the look-ahead point θ̃ = θ + αv) and the
 * frameworks' form (gradient at their own parameters w) are one algorithm after a change of
 * variables: w = θ + αv. From w₀ = θ₀ (v₀ = 0), Keras's w_k equals the textbook's θ_k + α·v_k after
 * every step, its velocity m_k equals v_k, and PyTorch's parameters equal Keras's with
 * m = −lr·b while the learning rate is constant.
 */
class NesterovEquivalenceTest {
    private static final double TOLERANCE = 1e-9;

    /** f = ½(x − 1)² + 50(y + 2)²: condition number 100. */
    private static final Differentiable ILL_CONDITIONED = (x, g) -> {
        g[0] = x[0] - 1;
        g[1] = 100 * (x[1] + 2);
        return 0.5 * (x[0] - 1) * (x[0] - 1) + 50 * (x[1] + 2) * (x[1] + 2);
    };

    /** Rosenbrock's banana, f = (1 − x)² + 100(y − x²)², minimum at (1, 1). */
    private static final Differentiable ROSENBROCK = (x, g) -> {
        double a = 1 - x[0], b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void kerasTracesTheTextbookLookAheadPointsOnAnIllConditionedQuadratic() {
        textbookAndKerasAgree(ILL_CONDITIONED, new double[]{-3.0, 0.5}, 0.005, 0.9, 300);
    }

    @Test
    void kerasTracesTheTextbookLookAheadPointsOnRosenbrock() {
        textbookAndKerasAgree(ROSENBROCK, new double[]{-1.2, 1.0}, 0.0005, 0.9, 500);
    }

    @Test
    void pytorchAndKerasAreTheSameWithAConstantLearningRate() {
        pytorchAndKerasAgree(ILL_CONDITIONED, new double[]{-3.0, 0.5}, 0.005, 0.9, 300);
        pytorchAndKerasAgree(ROSENBROCK, new double[]{-1.2, 1.0}, 0.0005, 0.9, 500);
    }

    private static void textbookAndKerasAgree(Differentiable f, double[] start, double lr, double mu, int steps) {
        Nesterov textbook = Nesterov.textbook().learningRate(lr).momentum(mu);
        Nesterov keras = Nesterov.keras().learningRate(lr).momentum(mu);
        double[] theta = start.clone(), w = start.clone(), grad = new double[2];
        double startValue = f.valueAndGradient(start, grad);
        double velocityScale = 0;
        for (int k = 1; k <= steps; k++) {
            textbook.step(theta, f);
            f.valueAndGradient(w, grad);
            keras.step(w, grad);
            double[] v = textbook.state().array("velocity");
            double[] lookAhead = {theta[0] + mu * v[0], theta[1] + mu * v[1]};
            assertClose(lookAhead, w, "step " + k + ": Keras w vs textbook θ + αv");
            // the velocity dies out; compare it relative to the largest it has been
            velocityScale = Math.max(velocityScale, Math.max(Math.abs(v[0]), Math.abs(v[1])));
            assertClose(v, keras.state().array("velocity"), velocityScale, "step " + k + ": Keras m vs textbook v");
        }
        double endValue = f.valueAndGradient(w, grad);
        assertTrue(endValue < 1e-2 * startValue, "the runs should make progress: f went from " + startValue + " to " + endValue);
    }

    private static void pytorchAndKerasAgree(Differentiable f, double[] start, double lr, double mu, int steps) {
        Nesterov pytorch = Nesterov.pytorch().learningRate(lr).momentum(mu);
        Nesterov keras = Nesterov.keras().learningRate(lr).momentum(mu);
        double[] theta = start.clone(), w = start.clone(), grad = new double[2];
        double velocityScale = 0;
        for (int k = 1; k <= steps; k++) {
            f.valueAndGradient(theta, grad);
            pytorch.step(theta, grad);
            f.valueAndGradient(w, grad);
            keras.step(w, grad);
            assertClose(theta, w, "step " + k + ": PyTorch θ vs Keras w");
            double[] b = pytorch.state().array("velocity");
            double[] m = {-lr * b[0], -lr * b[1]};
            velocityScale = Math.max(velocityScale, Math.max(Math.abs(m[0]), Math.abs(m[1])));
            assertClose(m, keras.state().array("velocity"), velocityScale, "step " + k + ": Keras m vs −lr·b");
        }
    }

    /** Relative to the larger entry of the expected vector (a coordinate may cross zero). */
    static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertClose(expected, actual, scale, what);
    }

    /** Relative to {@code scale}. */
    static void assertClose(double[] expected, double[] actual, double scale, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= TOLERANCE * scale)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
