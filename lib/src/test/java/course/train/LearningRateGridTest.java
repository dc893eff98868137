package course.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.Dataset;
import course.data.SyntheticData;
import course.models.LinearRegression;
import course.optim.Convergence;
import course.optim.Differentiable;
import course.optim.GradientDescent;
import org.junit.jupiter.api.Test;

class LearningRateGridTest {
    /** f = θ², gradient 2θ: gradient descent converges for 0 < η < 1, diverges above. */
    private static final Differentiable SQUARE = (x, g) -> {
        g[0] = 2 * x[0];
        return x[0] * x[0];
    };

    @Test
    void gradientDescentOnTheSquareConvergesExactlyBelowRateOne() {
        double[] rates = {0.01, 0.1, 0.5, 0.9, 1.1};
        long[] seeds = {0, 1, 2};
        long before = System.nanoTime();
        LearningRateGrid grid = LearningRateGrid.onProblem("GD", r -> GradientDescent.textbook().learningRate(r), SQUARE,
                seed -> new double[]{1 + seed}, 1e-6, 500, rates, seeds);
        double elapsed = (System.nanoTime() - before) / 1e9;
        // η = 0.01 contracts by 0.98 a step: f = θ0²·0.98^(2k) ≤ 1e-6 needs k ≥ 342 for θ0 = 1 … 397 for θ0 = 3
        assertEquals(3, grid.reachedCount(0.01));
        assertEquals(3, grid.reachedCount(0.1));
        assertEquals(3, grid.reachedCount(0.5), "η = 0.5 jumps to the minimum in one step");
        assertEquals(3, grid.reachedCount(0.9));
        assertEquals(0, grid.reachedCount(1.1), "|1 − 2η| > 1: divergence");
        assertEquals(12.0 / 15, grid.fractionReached(), 1e-15);
        assertEquals(3.0 / 15, grid.fractionDiverged(), 1e-15);
        assertEquals(0.5, grid.bestRate(), "one step, the fewest");
        assertEquals(1, grid.medianSteps(0.5), 0.0);
        assertArrayEquals(new double[]{0.01, 0.9}, grid.stableRange(), 0.0);
        assertEquals(Math.log10(90), grid.stableDecades(), 1e-12);
        // the median of the three seeds' steps is seed 1's (θ0 = 2), as Convergence counts it
        int seedOne = Convergence.measure(GradientDescent.textbook().learningRate(0.1), SQUARE, new double[]{2}, 1e-6, 500).stepsToTarget();
        assertEquals(seedOne, grid.medianSteps(0.1), 0.0);
        assertEquals(seedOne, grid.cell(0.1, 1).outcome().steps());
        assertTrue(Double.isNaN(grid.medianSteps(1.1)));
        assertEquals(Double.POSITIVE_INFINITY, grid.medianFinalValue(1.1));
        assertTrue(Double.isNaN(grid.cell(0.1, 0).outcome().seconds()), "runs on functions are not timed to the target");
        double sum = 0;
        for (var cell : grid.cells()) {
            assertTrue(cell.runSeconds() > 0, "every run is timed");
            sum += cell.runSeconds();
        }
        assertTrue(sum <= elapsed, "the runs' times (" + sum + " s) fit in the grid's (" + elapsed + " s)");
        assertEquals(15, grid.cells().size());
        assertEquals(5, grid.table().rowCount());
        assertTrue(grid.toString().contains("80%"), grid.toString());
    }

    @Test
    void theBestRateFallsBackToTheLowestLastValueWhenNothingArrives() {
        // 5 steps are too few for η = 0.01 and 0.03 to reach 1e-12; the larger rate gets lower
        LearningRateGrid grid = LearningRateGrid.onProblem("GD", r -> GradientDescent.textbook().learningRate(r), SQUARE, seed -> new double[]{1},
                1e-12, 5, new double[]{0.01, 0.03}, new long[]{0});
        assertEquals(0, grid.fractionReached(), 0.0);
        assertEquals(0.03, grid.bestRate());
        assertEquals(0, grid.stableRange().length);
        assertTrue(Double.isNaN(grid.stableDecades()));
    }

    @Test
    void theLongestStableRunIsFoundAndTiesGoToTheLowerOne() {
        boolean[] ok = {true, false, true, true, false, true, true};
        double[] rates = {1, 2, 3, 4, 5, 6, 7};
        LearningRateGrid grid = LearningRateGrid.run("fake", rates, new long[]{0},
                (rate, seed) -> ok[(int) rate - 1] ? new LearningRateGrid.Outcome(true, false, 10, 0.5, 0)
                        : new LearningRateGrid.Outcome(false, false, -1, Double.NaN, 1));
        assertArrayEquals(new double[]{3, 4}, grid.stableRange(), 0.0);
        assertEquals(0.5, grid.medianSeconds(3), 0.0);
        assertEquals(1, grid.bestRate(), "equal steps everywhere: the smaller rate");
    }

    @Test
    void perturbedStartsAreSeededAndSeedZeroIsTheStartItself() {
        double[] start = {-1.2, 1};
        assertArrayEquals(start, LearningRateGrid.perturbedStart(start, 0, 0.5), 0.0);
        assertArrayEquals(LearningRateGrid.perturbedStart(start, 3, 0.1), LearningRateGrid.perturbedStart(start, 3, 0.1), 0.0);
        assertFalse(java.util.Arrays.equals(start, LearningRateGrid.perturbedStart(start, 3, 0.1)));
        assertArrayEquals(new double[]{-1.2, 1}, start, 0.0, "the start is not changed");
    }

    @Test
    void historiesSettleAtTheFirstEpochFromWhichEveryLaterOneIsBelow() {
        History history = new History("run", "metric");
        double[] losses = {2.0, 0.5, 0.9, 0.4, 0.3};
        for (int e = 0; e < losses.length; e++) {
            for (int s = 0; s < 3; s++) {
                history.addStep(e, losses[e], 0.1, 1, e + (s + 1) / 3.0);
            }
            history.addEpoch(losses[e], Double.NaN, Double.NaN, 0.1, e + 1.0);
        }
        LearningRateGrid.Outcome outcome = LearningRateGrid.Outcome.of(history, 0.6);
        assertTrue(outcome.reached());
        assertEquals(4 * 3, outcome.steps(), "epoch 3 (from 0) is the first from which all stay below 0.6: 4 epochs of 3 steps");
        assertEquals(4.0, outcome.seconds(), 0.0);
        assertEquals(0.3, outcome.finalValue(), 0.0);
        LearningRateGrid.Outcome never = LearningRateGrid.Outcome.of(history, 0.1);
        assertFalse(never.reached());
        assertEquals(-1, never.steps());
        assertThrows(IllegalArgumentException.class, () -> LearningRateGrid.Outcome.of(new History("empty", "m"), 1));
    }

    @Test
    void trainingGridsCountDivergedRunsAndAreReproducible() {
        Dataset line = SyntheticData.linearRegression(200, new double[]{2.0, -1.0}, 0.5, 0.1, 3);
        LinearRegression model = new LinearRegression(2);
        double[] rates = {0.01, 0.1, 30};
        LearningRateGrid a = LearningRateGrid.training("SGD", r -> GradientDescent.textbook().learningRate(r), model, line, 20, 10, 0.05, rates,
                new long[]{1, 2});
        LearningRateGrid b = LearningRateGrid.training("SGD", r -> GradientDescent.textbook().learningRate(r), model, line, 20, 10, 0.05, rates,
                new long[]{1, 2});
        assertEquals(2, a.reachedCount(0.1), "the noise variance is 0.01: a loss of 0.05 is well within reach");
        assertEquals(0, a.reachedCount(30));
        assertTrue(a.cell(30, 1).outcome().diverged());
        assertEquals(2.0 / 6, a.fractionDiverged(), 1e-15);
        assertEquals(a.medianSteps(0.1), b.medianSteps(0.1), 0.0);
        assertTrue(a.medianSeconds(0.1) > 0);
        assertEquals(0, (int) a.medianSteps(0.1) % 10, "200 rows in batches of 20: targets are read at epoch ends");
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateGrid.run("x", new double[]{0.1, 0.01}, new long[]{0},
                (r, s) -> LearningRateGrid.Outcome.divergedRun()));
        assertThrows(IllegalArgumentException.class, () -> LearningRateGrid.run("x", new double[]{0.1}, new long[0],
                (r, s) -> LearningRateGrid.Outcome.divergedRun()));
        assertThrows(IllegalArgumentException.class, () -> LearningRateGrid.run("x", new double[]{-1}, new long[]{0},
                (r, s) -> LearningRateGrid.Outcome.divergedRun()));
        LearningRateGrid grid = LearningRateGrid.run("x", new double[]{0.1}, new long[]{0},
                (r, s) -> LearningRateGrid.Outcome.divergedRun());
        assertThrows(IllegalArgumentException.class, () -> grid.cell(0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> grid.cell(0.1, 5));
    }
}
