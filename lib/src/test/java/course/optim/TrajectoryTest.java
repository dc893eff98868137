package course.optim;

import course.problems.Rosenbrock;
import course.problems.Saddle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryTest {
    @Test
    void gradientDescentOnTheSaddleFollowsTheClosedForm() {
        // f = x² − y²: one step multiplies x by (1 − 2η) and y by (1 + 2η).
        Saddle saddle = new Saddle();
        Trajectory t = Trajectory.run("GD", GradientDescent.textbook().learningRate(0.1), saddle, new double[]{1.5, 0.01}, 20);
        assertEquals(20, t.steps());
        assertFalse(t.diverged());
        for (int k = 0; k <= 20; k++) {
            assertEquals(1.5 * Math.pow(0.8, k), t.point(k)[0], 1e-12);
            assertEquals(0.01 * Math.pow(1.2, k), t.point(k)[1], 1e-12);
            double[] p = t.point(k);
            assertEquals(p[0] * p[0] - p[1] * p[1], t.values()[k], 1e-12);
        }
        assertArrayEquals(t.point(20), t.last());
        assertEquals(21, t.coordinate(1).length);
        assertEquals("GD", t.label());
        assertEquals("other", t.label("other").label());
    }

    @Test
    void theOptimizerStartsFresh() {
        Rosenbrock problem = new Rosenbrock();
        Momentum momentum = Momentum.pytorch().learningRate(0.001).momentum(0.9);
        Trajectory first = Trajectory.run(null, momentum, problem, problem.startPoint(), 30);
        Trajectory second = Trajectory.run(null, momentum, problem, problem.startPoint(), 30);
        assertArrayEquals(first.last(), second.last(), "the velocity of the first run is not carried over");
        assertEquals(0, momentum.stepCount(), "the runs are made by copies: the caller's optimizer is untouched");
        assertEquals(momentum.algorithm(), first.label());
    }

    @Test
    void divergenceStopsTheRunAndKeepsThePointsSoFar() {
        Rosenbrock problem = new Rosenbrock();
        Trajectory t = Trajectory.run("too fast", GradientDescent.textbook().learningRate(0.1), problem, problem.startPoint(), 500);
        assertTrue(t.diverged());
        assertTrue(t.steps() < 500, "stopped after " + t.steps() + " steps");
        double start = problem.value(problem.startPoint());
        assertTrue(Math.abs(t.values()[t.steps()]) <= Divergence.LIMIT * Math.max(1, Math.abs(start)),
                "the points kept are the ones before the cost escaped");
        for (int k = 0; k <= t.steps(); k++) {
            for (double c : t.point(k)) {
                assertTrue(Double.isFinite(c));
            }
        }
        assertTrue(t.toString().contains("diverged"), t.toString());
    }

    @Test
    void badInputIsRefused() {
        Saddle saddle = new Saddle();
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run("x", null, saddle, new double[]{1, 1}, 3));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run("x", GradientDescent.textbook().learningRate(0.1), saddle, new double[]{1, Double.NaN}, 3));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run("x", GradientDescent.textbook().learningRate(0.1), saddle, new double[]{1, 1}, -1));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run("x", GradientDescent.textbook().learningRate(0.1), saddle, new double[]{1, 1, 1}, 3));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.of("x", new double[0][], null));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.of("x", new double[][]{{1, 2}, {1}}, null));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.of("x", new double[][]{{1, 2}}, new double[]{1, 2}));
        assertEquals(1, Trajectory.of("x", new double[][]{{1, 2}, {3, 4}}, null).steps());
    }
}
