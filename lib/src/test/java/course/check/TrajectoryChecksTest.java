package course.check;

import course.optim.Differentiable;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.Nesterov;
import course.optim.Optimizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks.trajectory and Checks.referenceTrajectory. */
class TrajectoryChecksTest {
    private static final Differentiable SQUARE = (x, g) -> {
        g[0] = 2 * x[0];
        return x[0] * x[0];
    };
    /** J(x) = x0² + 10·x1². */
    private static final Differentiable BOWL = (x, g) -> {
        g[0] = 2 * x[0];
        g[1] = 20 * x[1];
        return x[0] * x[0] + 10 * x[1] * x[1];
    };

    private static String message(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void referencePathOfGradientDescentAndTheOptimizerIsUntouched() {
        GradientDescent descent = GradientDescent.textbook().learningRate(0.25);
        double[] start = {2.0};
        double[][] path = Checks.referenceTrajectory(descent, SQUARE, start, 3);
        assertEquals(4, path.length);
        assertArrayEquals(new double[]{2.0}, path[0]);
        assertArrayEquals(new double[]{0.25}, path[3], 1e-15);
        assertArrayEquals(new double[]{2.0}, start);
        assertEquals(0, descent.stepCount());
    }

    @Test
    void referencePathUsesTheLookAheadForTextbookNesterov() {
        Optimizer nesterov = Nesterov.textbook().learningRate(0.1);
        double[][] path = Checks.referenceTrajectory(nesterov, BOWL, new double[]{1, 1}, 5);
        Optimizer same = Nesterov.textbook().learningRate(0.1);
        double[] p = {1, 1};
        for (int k = 1; k <= 5; k++) {
            same.step(p, BOWL);
            assertArrayEquals(p, path[k], 0);
        }
    }

    @Test
    void aHandWrittenPathThatMatchesPasses() {
        double[] byHand = {2, 2 - 0.25 * 4, 0.5, 0.25};
        assertDoesNotThrow(() -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.25), SQUARE, new double[]{2}, byHand,
                1e-12, 0, "h"));
        // Momentum by hand: v ← αv − εg, θ ← θ + v.
        double[][] mine = new double[4][];
        double[] theta = {1, 1};
        double[] v = {0, 0};
        mine[0] = theta.clone();
        for (int k = 1; k <= 3; k++) {
            double[] g = {2 * theta[0], 20 * theta[1]};
            for (int i = 0; i < 2; i++) {
                v[i] = 0.9 * v[i] - 0.01 * g[i];
                theta[i] += v[i];
            }
            mine[k] = theta.clone();
        }
        assertDoesNotThrow(() -> Checks.trajectory("θ", Momentum.textbook(), BOWL, new double[]{1, 1}, mine, 1e-12, 1e-15, "h"));
    }

    @Test
    void theFirstDifferingStepIsNamed() {
        double[] added = {2, 3, 4.5, 6.75};   // θ + ηg instead of θ − ηg
        String m = message(() -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.25), SQUARE, new double[]{2}, added,
                1e-12, 0, "subtract the step"));
        contains(m, "θ after step 1 to be 1.0, got 3.0", "step 0 matches", ": subtract the step");
        double[] lateSlip = {2, 1, 0.5, 0.3};
        m = message(() -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.25), SQUARE, new double[]{2}, lateSlip,
                1e-12, 0, "h"));
        contains(m, "after step 3 to be 0.25, got 0.3", "steps 0 to 2 match");
        m = message(() -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.25), SQUARE, new double[]{2}, new double[]{0, 1},
                1e-12, 0, "h"));
        contains(m, "at the start (step 0) to be 2.0, got 0.0");
    }

    @Test
    void aDifferingCoordinateIsNamedInTwoDimensions() {
        double[][] expected = {{1, 1}, {0.9, 0.5}};
        double[][] actual = {{1, 1}, {0.9, 0.6}};
        String m = message(() -> Checks.trajectory("θ", expected, actual, 1e-9, 0, "h"));
        contains(m, "after step 1, coordinate 1, to be 0.5, got 0.6", "[0.9, 0.5]", "[0.9, 0.6]");
    }

    @Test
    void lengthAndShapeMistakesAreReported() {
        contains(message(() -> Checks.trajectory("θ", new double[]{2, 1, 0.5}, new double[]{2, 1}, 0, 0, "h")),
                "3 entries (the start and 2 steps), got 2");
        contains(message(() -> Checks.trajectory("θ", new double[][]{{1, 1}}, new double[][]{{1}}, 0, 0, "h")),
                "step 0 to have 2 coordinates");
        contains(message(() -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{2}, (double[]) null,
                0, 0, "h")), "got null");
        assertThrows(IllegalArgumentException.class, () -> Checks.trajectory("θ", GradientDescent.textbook().learningRate(0.1), BOWL,
                new double[]{1, 1}, new double[]{1, 1}, 0, 0, "h"));
        assertThrows(IllegalArgumentException.class, () -> Checks.trajectory("θ", new double[]{1}, new double[]{1}, -1, 0, "h"));
        assertThrows(IllegalArgumentException.class, () -> Checks.referenceTrajectory(GradientDescent.textbook().learningRate(0.1), SQUARE,
                new double[]{1}, -1));
    }

    @Test
    void nanInALearnersPathIsADifference() {
        contains(message(() -> Checks.trajectory("θ", new double[]{2, 1}, new double[]{2, Double.NaN}, 1e-9, 0, "h")),
                "after step 1 to be 1.0, got NaN");
    }
}
