package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the learning rate sits. PyTorch: b ← μb + g, θ ← θ − lr·b (lr outside the velocity).
 * Keras and the textbook: m ← μm − lr·g, θ ← θ + m (lr inside). With a constant rate m = −lr·b and
 * the paths coincide; once the rate changes, PyTorch rescales the whole accumulated velocity by the
 * new rate while Keras keeps the old steps at their old rate: at the first step after a change
 * from lr to lr′, θ_Keras − θ_PyTorch = μ·b·(lr′ − lr).
 */
class MomentumLearningRateTest {
    private static final int N = 3;

    /** ∇ of Σ ½·(i + 1)·(θᵢ − 1)². */
    private static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (i + 1) * (x[i] - 1);
        }
        return g;
    }

    @Test
    void allThreeAgreeWithAConstantLearningRate() {
        Momentum pytorch = Momentum.pytorch().learningRate(0.01).momentum(0.9), keras = Momentum.keras().momentum(0.9), textbook = Momentum.textbook();
        double[] a = {3, -2, 0.5}, b = a.clone(), c = a.clone();
        for (int k = 1; k <= 100; k++) {
            pytorch.step(a, gradient(a));
            keras.step(b, gradient(b));
            textbook.step(c, gradient(c));
            NesterovEquivalenceTest.assertClose(a, b, "step " + k + ": PyTorch vs Keras");
            assertArrayEquals(b, c, 0.0, "Keras and the textbook are the same formula");
            double[] buffer = pytorch.state().array("velocity"), m = keras.state().array("velocity");
            for (int i = 0; i < N; i++) {
                assertEquals(-0.01 * buffer[i], m[i], 1e-12 * Math.abs(m[i]) + 1e-18, "m = −lr·b");
            }
        }
    }

    @Test
    void theyDifferOnceTheLearningRateChanges() {
        Momentum pytorch = Momentum.pytorch().learningRate(0.01).momentum(0.9), keras = Momentum.keras().momentum(0.9), textbook = Momentum.textbook();
        double[] a = {3, -2, 0.5}, b = a.clone(), c = a.clone();
        for (int k = 1; k <= 20; k++) {
            pytorch.step(a, gradient(a));
            keras.step(b, gradient(b));
            textbook.step(c, gradient(c));
        }
        NesterovEquivalenceTest.assertClose(a, b, "before the change");
        // a schedule halves the rate: 0.01 → 0.005
        double[] bufferBefore = pytorch.state().array("velocity");
        double[] keptTheta = a.clone();
        for (Optimizer o : new Optimizer[]{pytorch, keras, textbook}) {
            o.setLearningRate(0.005);
        }
        pytorch.step(a, gradient(a));
        keras.step(b, gradient(b));
        textbook.step(c, gradient(c));
        assertArrayEquals(b, c, 0.0, "Keras and the textbook keep agreeing");
        double worst = 0;
        for (int i = 0; i < N; i++) {
            // θ_Keras − θ_PyTorch = μ·b·(lr′ − lr): 0.9·b·(0.005 − 0.01)
            double expected = 0.9 * bufferBefore[i] * (0.005 - 0.01);
            double difference = b[i] - a[i];
            assertEquals(expected, difference, 1e-6 * Math.abs(expected) + 1e-15,
                    "coordinate " + i + " (θ was " + keptTheta[i] + ")");
            worst = Math.max(worst, Math.abs(difference));
        }
        assertTrue(worst > 1e-6, "the two placements must differ after a change of rate, by " + worst);
        // and they stay apart
        for (int k = 1; k <= 20; k++) {
            pytorch.step(a, gradient(a));
            keras.step(b, gradient(b));
        }
        double apart = 0;
        for (int i = 0; i < N; i++) {
            apart = Math.max(apart, Math.abs(a[i] - b[i]));
        }
        assertTrue(apart > 1e-6, "after 20 more steps they are still " + apart + " apart");
    }
}
