package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConvergenceTest {
    /** f = θ², gradient 2θ. */
    private static final Differentiable SQUARE = (x, g) -> {
        g[0] = 2 * x[0];
        return x[0] * x[0];
    };

    @Test
    void gradientDescentOnTheSquareReachesTheTargetWhenTheFormulaSays() {
        // θ_k = 3·0.8^k, f_k = 9·0.64^k: the first k with 9·0.64^k ≤ 1e-6
        int expected = 0;
        while (9 * Math.pow(0.64, expected) > 1e-6) {
            expected++;
        }
        Convergence run = Convergence.measure(GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{3}, 1e-6, 1000);
        assertEquals(36, expected);
        assertEquals(expected, run.stepsToTarget());
        assertEquals(expected, run.firstHit(), "a monotone run settles where it first gets there");
        assertTrue(run.reached());
        assertFalse(run.diverged());
        assertEquals(-1, run.divergedAt());
        // the run goes on until f ≤ 1e-6 · 1e-4: the first k with 9·0.64^k ≤ 1e-10
        int settled = 0;
        while (9 * Math.pow(0.64, settled) > 1e-10) {
            settled++;
        }
        assertEquals(settled, run.stepsRun());
        assertEquals(0, run.rises());
        assertEquals(0.0, run.climb(), 0.0);
        double[] values = run.values();
        for (int k = 0; k < values.length; k++) {
            assertEquals(9 * Math.pow(0.64, k), values[k], 1e-12 * values[k], "f at step " + k);
        }
        assertEquals(values[values.length - 1], run.finalValue(), 0.0);
        assertEquals("36 steps", run.summary());
    }

    @Test
    void aTooLargeRateDivergesAtTheStepTheCostPassesTheBlowUpLimit() {
        // η = 1.1: θ ← −1.2·θ, f_k = 9·1.44^k > 9·10^6 first at k = 38
        Convergence run = Convergence.measure(GradientDescent.textbook().learningRate(1.1), SQUARE, new double[]{3}, 1e-6, 1000);
        assertTrue(run.diverged());
        assertEquals(38, run.divergedAt());
        assertFalse(run.reached());
        assertEquals(-1, run.stepsToTarget());
        assertEquals(-1, run.firstHit());
        assertEquals(37, run.stepsRun(), "the recorded costs stop at the last step within the limit");
        assertEquals(37, run.rises());
        assertEquals(1.0, run.riseFraction(), 0.0);
        double[] values = run.values();
        assertEquals(values[37] - values[0], run.climb(), 1e-9 * values[37]);
        assertEquals("diverged at step 38", run.summary());
    }

    @Test
    void aRunOutOfStepsIsNeitherReachedNorDiverged() {
        Convergence run = Convergence.measure(GradientDescent.textbook().learningRate(1e-4), SQUARE, new double[]{3}, 1e-6, 50);
        assertFalse(run.reached());
        assertFalse(run.diverged());
        assertEquals(-1, run.firstHit());
        assertEquals(50, run.stepsRun());
        assertEquals(50, run.maxSteps());
        assertEquals("not reached in 50 steps", run.summary());
    }

    @Test
    void aStartAtTheTargetNeedsNoSteps() {
        Convergence run = Convergence.measure(GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{1e-4}, 1e-6, 100);
        assertEquals(0, run.stepsToTarget());
        assertEquals(0, run.firstHit());
        Convergence settled = Convergence.measure(GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{1e-6}, 1e-6, 100);
        assertEquals(0, settled.stepsRun(), "f = 1e-12 is already below 1e-4 times the target");
        assertEquals(0.0, settled.riseFraction(), 0.0);
    }

    @Test
    void aFlyThroughTheTargetIsNotReachingIt() {
        // Nesterov with β = 0.99 on 0.1x² + 2y²: its x swings through 0, dipping below 1e-6 at step 79
        Differentiable bowl = (x, g) -> {
            g[0] = 0.2 * x[0];
            g[1] = 4 * x[1];
            return 0.1 * x[0] * x[0] + 2 * x[1] * x[1];
        };
        Convergence run = Convergence.measure(Nesterov.textbook().learningRate(0.05).momentum(0.99), bowl,
                new double[]{-5, -2}, 1e-6, 20_000);
        assertTrue(run.reached());
        assertTrue(run.firstHit() < run.stepsToTarget(), run.firstHit() + " vs " + run.stepsToTarget());
        double[] values = run.values();
        assertTrue(values[run.firstHit()] <= 1e-6);
        assertTrue(values[run.firstHit() + 1] > 1e-6, "the cost rises above the target again");
        assertTrue(values[run.stepsToTarget() - 1] > 1e-6);
        for (int k = run.stepsToTarget(); k < values.length; k++) {
            assertTrue(values[k] <= 1e-6, "step " + k);
        }
        Convergence cut = Convergence.measure(Nesterov.textbook().learningRate(0.05).momentum(0.99), bowl,
                new double[]{-5, -2}, 1e-6, run.firstHit() + 1);
        assertFalse(cut.reached(), "a run that ends above the target after touching it has not reached it");
        assertTrue(cut.summary().startsWith("below at step " + run.firstHit() + ", not settled"), cut.summary());
    }

    @Test
    void momentumOscillatesAndTheClimbIsTheSumOfItsRises() {
        Momentum momentum = Momentum.textbook().learningRate(0.1).momentum(0.9);
        Convergence run = Convergence.measure("heavy ball", momentum, SQUARE, new double[]{3}, 1e-8, 1000);
        assertTrue(run.reached());
        assertTrue(run.rises() > 0, "momentum 0.9 overshoots the minimum of θ²");
        double[] values = run.values();
        double climb = 0;
        int rises = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[k - 1]) {
                rises++;
                climb += values[k] - values[k - 1];
            }
        }
        assertEquals(rises, run.rises());
        assertEquals(climb, run.climb(), 1e-12 * climb);
        assertEquals("heavy ball", run.label());
        assertTrue(run.toString().startsWith("heavy ball: "), run.toString());
    }

    @Test
    void theOptimizerAndTheStartAreLeftAlone() {
        Momentum momentum = Momentum.textbook();
        double[] start = {3};
        Convergence.measure(momentum, SQUARE, start, 1e-6, 100);
        assertEquals(0, momentum.stepCount());
        assertArrayEquals(new double[]{3}, start, 0.0);
    }

    @Test
    void textbookNesterovIsMeasuredAtTheParametersNotAtTheLookAhead() {
        Nesterov nesterov = Nesterov.textbook().learningRate(0.1).momentum(0.9);
        Convergence run = Convergence.measure(nesterov, SQUARE, new double[]{3}, 1e-6, 1000);
        double[][] path = course.check.Checks.referenceTrajectory(nesterov, SQUARE, new double[]{3}, run.stepsRun());
        double[] values = run.values();
        for (int k = 0; k < values.length; k++) {
            assertEquals(path[k][0] * path[k][0], values[k], 1e-15, "f(θ) at step " + k);
        }
        assertTrue(run.reached());
    }

    @Test
    void aGradientTheOptimizerRefusesCountsAsDivergence() {
        // finite value, infinite gradient once θ passes 1
        Differentiable cliff = (x, g) -> {
            g[0] = x[0] > 1 ? Double.POSITIVE_INFINITY : -1;
            return -x[0];
        };
        Convergence run = Convergence.measure(GradientDescent.textbook().learningRate(0.3), cliff, new double[]{0}, -100, 100);
        assertTrue(run.diverged());
        // θ = 0, 0.3, 0.6, 0.9, 1.2: the gradient at 1.2 is refused on step 5
        assertEquals(5, run.divergedAt());
        assertEquals(4, run.stepsRun());
    }

    @Test
    void versusCountsWinsTiesAndLosses() {
        Convergence fast = Convergence.measure(GradientDescent.textbook().learningRate(0.4), SQUARE, new double[]{3}, 1e-6, 1000);
        Convergence slow = Convergence.measure(GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{3}, 1e-6, 1000);
        Convergence alsoSlow = Convergence.measure(GradientDescent.textbook().learningRate(0.099), SQUARE, new double[]{3}, 1e-6, 1000);
        Convergence never = Convergence.measure(GradientDescent.textbook().learningRate(1.1), SQUARE, new double[]{3}, 1e-6, 1000);
        Convergence neverEither = Convergence.measure(GradientDescent.textbook().learningRate(1e-5), SQUARE, new double[]{3}, 1e-6, 10);
        assertEquals(Convergence.Outcome.WIN, fast.versus(slow, 0.05));
        assertEquals(Convergence.Outcome.LOSS, slow.versus(fast, 0.05));
        assertEquals(Convergence.Outcome.TIE, slow.versus(alsoSlow, 0.05));
        assertEquals(Convergence.Outcome.WIN, slow.versus(never, 0.05));
        assertEquals(Convergence.Outcome.LOSS, never.versus(slow, 0.05));
        assertEquals(Convergence.Outcome.TIE, never.versus(neverEither, 0.05));
        assertEquals(Convergence.Outcome.TIE, fast.versus(slow, 1.0), "a margin of 1 ties every pair that both finish");
    }

    @Test
    void badArgumentsAreRefused() {
        Optimizer gd = GradientDescent.textbook().learningRate(0.1);
        assertThrows(IllegalArgumentException.class, () -> Convergence.measure(null, SQUARE, new double[]{1}, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Convergence.measure(gd, null, new double[]{1}, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Convergence.measure(gd, SQUARE, new double[0], 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Convergence.measure(gd, SQUARE, new double[]{1}, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Convergence.measure(gd, SQUARE, new double[]{1}, Double.NaN, 10));
        Convergence run = Convergence.measure(gd, SQUARE, new double[]{1}, 0, 10);
        assertThrows(IllegalArgumentException.class, () -> run.versus(run, 1.5));
        assertThrows(IllegalArgumentException.class, () -> run.versus(null, 0.05));
    }
}
