package course.optim;

import course.Validate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The path of an optimizer on a function: the start point and the point after each step, with the
 * function's value at each. What contour plots and races draw:
 * {@code Trajectory.run("Adam", Adam.pytorch().learningRate(0.1), problem, problem.startPoint(), 200)}.
 *
 * <p>A run stops early when it diverges by {@link Divergence#escaped}'s rule (a number that is not
 * finite, or a cost beyond {@link Divergence#LIMIT} times its start); {@link #diverged()} tells, and
 * the points up to there are kept. The run is made by a copy of the optimizer: the caller's is left
 * as it was.
 */
public final class Trajectory {
    private final String label;
    private final double[][] points;
    private final double[] values;
    private final boolean diverged;

    private Trajectory(String label, double[][] points, double[] values, boolean diverged) {
        this.label = label;
        this.points = points;
        this.values = values;
        this.diverged = diverged;
    }

    /**
     * Runs {@code steps} steps of {@code optimizer} (a copy of it, with its state: a fresh
     * optimizer starts fresh) from {@code start} on {@code objective}, recording every point.
     */
    public static Trajectory run(String label, Optimizer optimizer, Differentiable objective, double[] start, int steps) {
        Validate.notNull("optimizer", optimizer);
        Validate.notNull("objective", objective);
        Validate.notEmpty("start", start);
        Validate.finite("start", start);
        Validate.nonNegative("steps", steps);
        Optimizer run = optimizer.copy();
        double[] params = start.clone();
        double[] grad = new double[params.length];
        double[][] points = new double[steps + 1][];
        double[] values = new double[steps + 1];
        points[0] = params.clone();
        values[0] = objective.valueAndGradient(params, grad);
        int recorded = 1;
        boolean diverged = false;
        for (int k = 1; k <= steps; k++) {
            try {
                run.step(params, objective);
            } catch (Divergence nonFiniteGradient) {
                diverged = true;
                break;
            }
            double value = objective.valueAndGradient(params, grad);
            if (Divergence.escaped(values[0], value, params)) {
                diverged = true;
                break;
            }
            points[recorded] = params.clone();
            values[recorded] = value;
            recorded++;
        }
        String name = label == null ? optimizer.algorithm() : label;
        return new Trajectory(name, Arrays.copyOf(points, recorded), Arrays.copyOf(values, recorded), diverged);
    }

    /** A trajectory from points computed elsewhere (values NaN where unknown). */
    public static Trajectory of(String label, double[][] points, double[] values) {
        Validate.notNull("points", points);
        if (points.length == 0) {
            throw new IllegalArgumentException("a trajectory needs at least its start point");
        }
        if (values != null && values.length != points.length) {
            throw new IllegalArgumentException("got " + points.length + " points but " + values.length + " values");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            Validate.notEmpty("point " + i, points[i]);
            if (points[i].length != points[0].length) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, point 0 has "
                        + points[0].length);
            }
            Validate.finite("point " + i, points[i]);
            copy[i] = points[i].clone();
        }
        double[] v = values == null ? nanArray(points.length) : values.clone();
        return new Trajectory(label == null ? "path" : label, copy, v, false);
    }

    private static double[] nanArray(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    public String label() {
        return label;
    }

    /** The same path under another name (for legends). */
    public Trajectory label(String newLabel) {
        return new Trajectory(newLabel, points, values, diverged);
    }

    /** Steps recorded: the number of points minus one. */
    public int steps() {
        return points.length - 1;
    }

    public int dimension() {
        return points[0].length;
    }

    /** Point k (0 is the start), a copy. */
    public double[] point(int k) {
        return points[k].clone();
    }

    /** The last point reached, a copy. */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** Coordinate i of every point: {@code coordinate(0)} are the x values, {@code coordinate(1)} the y values. */
    public double[] coordinate(int i) {
        if (i < 0 || i >= dimension()) {
            throw new IllegalArgumentException("coordinate " + i + " of a " + dimension() + "-dimensional trajectory");
        }
        double[] c = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            c[k] = points[k][i];
        }
        return c;
    }

    /** The objective's value at every point. */
    public double[] values() {
        return values.clone();
    }

    /** True if the run stopped because a step left the finite numbers (or its cost escaped, {@link Divergence#escaped}). */
    public boolean diverged() {
        return diverged;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Trajectory(%s: %d steps, from %s to %s, f %.6g -> %.6g%s)", label, steps(),
                Arrays.toString(points[0]), Arrays.toString(points[points.length - 1]), values[0],
                values[values.length - 1], diverged ? ", diverged" : "");
    }
}
