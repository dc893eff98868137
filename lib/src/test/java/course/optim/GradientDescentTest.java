package course.optim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientDescentTest {
    private static final double TOL = 1e-12;

    @Test
    void oneStepOnKnownNumbers() {
        GradientDescent gd = GradientDescent.textbook().learningRate(0.5);
        assertEquals(0.5, gd.learningRate(), 0.0);
        double[] params = {1.0, -2.0, 3.0};
        gd.step(params, new double[]{0.2, -4.0, 0.0});
        assertArrayEquals(new double[]{0.9, 0.0, 3.0}, params, TOL);
    }

    @Test
    void quadraticShrinksGeometrically() {
        // f(x) = x^2, f'(x) = 2x: x <- x - 0.1 * 2x = 0.8 x
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        double x0 = 3.0;
        double[] x = {x0};
        for (int k = 1; k <= 50; k++) {
            gd.step(x, new double[]{2 * x[0]});
            double expected = x0 * Math.pow(0.8, k);
            assertEquals(expected, x[0], 1e-12 * Math.max(1.0, Math.abs(expected)) + 1e-15, "after " + k + " steps");
        }
        assertTrue(Math.abs(x[0]) < 1e-4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void badLearningRatesAreRejected(double rate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.textbook().learningRate(rate));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(rate)), e.getMessage());
    }

    @Test
    void tinyPositiveRateIsAccepted() {
        assertEquals(Double.MIN_VALUE, GradientDescent.textbook().learningRate(Double.MIN_VALUE).learningRate(), 0.0);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gd.step(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gd.step(null, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> gd.step(new double[1], (double[]) null));
    }

    @Test
    void nonFiniteGradientIsRejectedNamingTheIndexAndLeavesParamsUntouched() {
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        double[] params = {1.0, 2.0, 3.0};
        Divergence e = assertThrows(Divergence.class,
                () -> gd.step(params, new double[]{1.0, 1.0, Double.NaN}));
        assertTrue(e.getMessage().contains("grad[2]"), e.getMessage());
        assertArrayEquals(new double[]{1.0, 2.0, 3.0}, params, 0.0);
        e = assertThrows(Divergence.class,
                () -> gd.step(params, new double[]{Double.NEGATIVE_INFINITY, 1.0, 1.0}));
        assertTrue(e.getMessage().contains("grad[0]"), e.getMessage());
    }
}
