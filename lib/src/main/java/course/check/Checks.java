package course.check;

import course.optim.Differentiable;
import course.optim.Optimizer;
import java.util.Arrays;

/**
 * What check cells call. Each check throws an {@link AssertionError} whose message says what was
 * expected, what came out, and a hint the learner can act on. ({@code assert} is off in JShell, so
 * checks never use it.)
 *
 * <p>The checks: numbers and arrays {@linkplain #close close} within a tolerance; sequences
 * {@linkplain #decreasing decreasing} or {@linkplain #converging converging}; a function's
 * {@linkplain #gradient gradient} against central finite differences; an optimizer's
 * {@linkplain #trajectory trajectory} against the one a reference optimizer takes. In sequences and
 * trajectories index k is "step k": index 0 is the start.
 *
 * <p>Wrong arguments from the notebook's author (negative tolerances, a reference path of the wrong
 * shape) throw {@link IllegalArgumentException}; only what the learner computed throws
 * {@link AssertionError}.
 */
public final class Checks {
    /** Default tolerances: relative 1e-9, absolute 1e-12. */
    public static final double RELATIVE = 1e-9;
    public static final double ABSOLUTE = 1e-12;

    private Checks() {
    }

    /** {@code |actual - expected| <= absolute + relative * |expected|}, the rule numpy's isclose uses. */
    public static boolean isClose(double expected, double actual, double relative, double absolute) {
        if (relative < 0 || absolute < 0 || Double.isNaN(relative) || Double.isNaN(absolute)) {
            throw new IllegalArgumentException("tolerances must be non-negative numbers, got relative="
                    + relative + ", absolute=" + absolute);
        }
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;  // an infinite tolerance would let any number pass
        }
        return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
    }

    /** Checks one number with the default tolerances. */
    public static void close(String what, double expected, double actual, String hint) {
        close(what, expected, actual, RELATIVE, ABSOLUTE, hint);
    }

    /** Checks one number: "expected the loss after 3 steps to be 0.271, got 0.3: hint". */
    public static void close(String what, double expected, double actual, double relative, double absolute, String hint) {
        if (!isClose(expected, actual, relative, absolute)) {
            throw new AssertionError("expected " + what + " to be " + expected + ", got " + actual
                    + (Double.isNaN(actual) ? " (NaN: a division by zero or an overflow upstream?)" : "")
                    + withHint(hint));
        }
    }

    /** Checks two arrays element by element; the message names the first index that differs. */
    public static void close(String what, double[] expected, double[] actual, double relative, double absolute, String hint) {
        if (expected == null || actual == null) {
            throw new AssertionError("expected " + what + " to be " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(actual) + withHint(hint));
        }
        if (expected.length != actual.length) {
            throw new AssertionError("expected " + what + " to have " + expected.length + " entries, got "
                    + actual.length + withHint(hint));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!isClose(expected[i], actual[i], relative, absolute)) {
                throw new AssertionError("expected " + what + "[" + i + "] to be " + expected[i] + ", got "
                        + actual[i] + " (expected " + Arrays.toString(expected) + ", got "
                        + Arrays.toString(actual) + ")" + withHint(hint));
            }
        }
    }

    /** Checks two arrays element by element with the default tolerances. */
    public static void close(String what, double[] expected, double[] actual, String hint) {
        close(what, expected, actual, RELATIVE, ABSOLUTE, hint);
    }

    /** Checks a condition the learner's code must meet. */
    public static void that(boolean condition, String whatShouldHold, String hint) {
        if (!condition) {
            throw new AssertionError("expected " + whatShouldHold + withHint(hint));
        }
    }

    // ---- sequences ---------------------------------------------------------------------------

    /**
     * Every value strictly smaller than the one before it (a loss that falls at every step). The
     * message names the first step where it did not: "expected the loss to decrease at every step,
     * but from step 3 to step 4 it rose from 0.5 to 0.7: hint".
     */
    public static void decreasing(String what, double[] values, String hint) {
        checkSequence(what, values, 2, "decrease", hint);
        for (int k = 1; k < values.length; k++) {
            if (!(values[k] < values[k - 1])) {
                throw new AssertionError("expected " + what + " to decrease at every step, but from step " + (k - 1)
                        + " to step " + k + " it " + change(values[k - 1], values[k]) + withHint(hint));
            }
        }
    }

    /**
     * Never rising by more than {@code slack} from one step to the next ({@code slack = 0}: never
     * rising, equal values allowed), and ending lower than it started.
     */
    public static void decreasing(String what, double[] values, double slack, String hint) {
        if (!(slack >= 0) || Double.isInfinite(slack)) {
            throw new IllegalArgumentException("slack must be a non-negative number, got " + slack);
        }
        checkSequence(what, values, 2, "decrease", hint);
        for (int k = 1; k < values.length; k++) {
            if (Double.isNaN(values[k]) || values[k] > values[k - 1] + slack) {
                throw new AssertionError("expected " + what + " never to rise by more than " + slack
                        + " from one step to the next, but from step " + (k - 1) + " to step " + k + " it "
                        + change(values[k - 1], values[k]) + withHint(hint));
            }
        }
        int last = values.length - 1;
        if (!(values[last] < values[0])) {
            throw new AssertionError("expected " + what + " to end lower than it started, but it went from "
                    + values[0] + " at step 0 to " + values[last] + " at step " + last + withHint(hint));
        }
    }

    /**
     * The sequence ends within {@code tolerance} (absolute) of {@code limit}, with no NaN or infinity
     * on the way. The message says where it ended, or at which step it blew up.
     */
    public static void converging(String what, double[] values, double limit, double tolerance, String hint) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit must be finite and tolerance a non-negative number, got limit="
                    + limit + ", tolerance=" + tolerance);
        }
        checkSequence(what, values, 1, "converge", hint);
        checkFinite(what, values, hint);
        int last = values.length - 1;
        double distance = Math.abs(values[last] - limit);
        if (!(distance <= tolerance)) {
            int closest = 0;
            for (int k = 1; k < values.length; k++) {
                if (Math.abs(values[k] - limit) < Math.abs(values[closest] - limit)) {
                    closest = k;
                }
            }
            String nearest = closest == last ? ""
                    : "; it came closest at step " + closest + " (" + values[closest] + ") and moved away again";
            throw new AssertionError("expected " + what + " to converge to " + limit + " (within " + tolerance
                    + "), but after " + last + " steps it is " + values[last] + ", " + distance + " away" + nearest
                    + withHint(hint));
        }
    }

    /**
     * The sequence settles without a known limit: no NaN or infinity, and the last step changes it by
     * at most {@code tolerance} (absolute).
     */
    public static void converging(String what, double[] values, double tolerance, String hint) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number, got " + tolerance);
        }
        checkSequence(what, values, 2, "settle", hint);
        checkFinite(what, values, hint);
        int last = values.length - 1;
        double change = Math.abs(values[last] - values[last - 1]);
        if (!(change <= tolerance)) {
            throw new AssertionError("expected " + what + " to settle (the last step changing it by at most "
                    + tolerance + "), but from step " + (last - 1) + " to step " + last + " it "
                    + change(values[last - 1], values[last]) + withHint(hint));
        }
    }

    private static void checkSequence(String what, double[] values, int minimum, String verb, String hint) {
        if (values == null || values.length < minimum) {
            throw new AssertionError("expected " + what + " to have at least " + minimum + " value"
                    + (minimum == 1 ? "" : "s") + " to " + verb + ", got "
                    + (values == null ? "null" : values.length + ": " + Arrays.toString(values)) + withHint(hint));
        }
    }

    private static void checkFinite(String what, double[] values, String hint) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new AssertionError("expected " + what + " to stay finite, but at step " + k + " it is "
                        + values[k] + " (it diverged: is the learning rate too large, or the sign of the step wrong?)"
                        + withHint(hint));
            }
        }
    }

    private static String change(double from, double to) {
        if (Double.isNaN(to)) {
            return "went from " + from + " to NaN";
        }
        if (to == from) {
            return "stayed at " + to;
        }
        return (to > from ? "rose" : "fell") + " from " + from + " to " + to;
    }

    // ---- gradients -----------------------------------------------------------------------------

    /**
     * Central finite differences of {@code f}'s value at {@code x}: component i is
     * (f(x + h·e_i) − f(x − h·e_i)) / 2h with h = ∛ε·max(1, |x_i|) ≈ 6.1e-6·max(1, |x_i|), whose
     * error is about 1e-10 relative to the function's scale. {@code x} is not changed.
     */
    public static double[] finiteDifferences(Differentiable f, double[] x) {
        if (f == null || x == null || x.length == 0) {
            throw new IllegalArgumentException("finite differences need a function and a non-empty point, got f="
                    + f + ", x=" + Arrays.toString(x));
        }
        double[] point = x.clone();
        double[] scratch = new double[x.length];
        double[] result = new double[x.length];
        double cubeRootEpsilon = Math.cbrt(Math.ulp(1.0));
        for (int i = 0; i < x.length; i++) {
            double h = cubeRootEpsilon * Math.max(1, Math.abs(x[i]));
            point[i] = x[i] + h;
            double up = f.valueAndGradient(point, scratch);
            point[i] = x[i] - h;
            double down = f.valueAndGradient(point, scratch);
            point[i] = x[i];
            if (!Double.isFinite(up) || !Double.isFinite(down)) {
                throw new AssertionError("expected the function's value near x = " + Arrays.toString(x)
                        + " to be finite, got " + up + " at x[" + i + "] + " + h + " and " + down + " at x[" + i
                        + "] - " + h + ": a gradient check needs valueAndGradient to return f(x), not NaN");
            }
            result[i] = (up - down) / (2 * h);
        }
        return result;
    }

    /**
     * Checks a claimed gradient of {@code f} at {@code x} against central finite differences of f's
     * value, each component within {@code tolerance} (relative and absolute).
     */
    public static void gradient(Differentiable f, double[] x, double[] claimedGrad, double tolerance) {
        gradient("the gradient", f, x, claimedGrad, tolerance, null);
    }

    /**
     * As {@link #gradient(Differentiable, double[], double[], double)}, with a name and a hint: "expected
     * the gradient of J at [1.0, 2.0], component 1, to be 4.0 (central finite differences), got 2.0: hint".
     */
    public static void gradient(String what, Differentiable f, double[] x, double[] claimedGrad, double tolerance,
                                String hint) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number, got " + tolerance);
        }
        if (claimedGrad == null || x == null || claimedGrad.length != x.length) {
            throw new AssertionError("expected " + what + " to have one entry per coordinate of x = "
                    + Arrays.toString(x) + ", got " + (claimedGrad == null ? "null" : claimedGrad.length + " entries: "
                    + Arrays.toString(claimedGrad)) + withHint(hint));
        }
        double[] numeric = finiteDifferences(f, x);
        for (int i = 0; i < numeric.length; i++) {
            if (!isClose(numeric[i], claimedGrad[i], tolerance, tolerance)) {
                throw new AssertionError("expected " + what + " at x = " + Arrays.toString(x) + ", component " + i
                        + ", to be about " + approximately(numeric[i]) + " (central finite differences), got "
                        + claimedGrad[i] + " (finite differences " + approximately(numeric) + ", yours "
                        + Arrays.toString(claimedGrad) + ")" + withHint(hint));
            }
        }
    }

    /**
     * Checks the gradient {@code f} itself writes (its {@code valueAndGradient}) against central finite
     * differences of the value it returns, at {@code x}.
     */
    public static void gradient(String what, Differentiable f, double[] x, double tolerance, String hint) {
        if (f == null || x == null || x.length == 0) {
            throw new IllegalArgumentException("a gradient check needs a function and a non-empty point, got f="
                    + f + ", x=" + Arrays.toString(x));
        }
        double[] point = x.clone();
        double[] grad = new double[x.length];
        Arrays.fill(grad, Double.NaN);  // an entry the function forgets to write shows as NaN
        f.valueAndGradient(point, grad);
        if (!Arrays.equals(point, x)) {
            throw new AssertionError("expected valueAndGradient to leave x unchanged, but it changed "
                    + Arrays.toString(x) + " into " + Arrays.toString(point) + withHint(hint));
        }
        gradient(what, f, x, grad, tolerance, hint);
    }

    // ---- trajectories --------------------------------------------------------------------------

    /**
     * The path a reference optimizer takes from {@code start}: row 0 is the start, row k the
     * parameters after k steps, each step asking {@code objective} for the gradient (at the
     * look-ahead point for the algorithms that need one). The optimizer is copied (with whatever
     * state it has), not changed; pass a fresh one.
     */
    public static double[][] referenceTrajectory(Optimizer reference, Differentiable objective, double[] start, int steps) {
        if (reference == null || objective == null || start == null || start.length == 0 || steps < 0) {
            throw new IllegalArgumentException("a reference trajectory needs an optimizer, an objective, a non-empty"
                    + " start and steps >= 0, got optimizer=" + reference + ", start=" + Arrays.toString(start)
                    + ", steps=" + steps);
        }
        Optimizer optimizer = reference.copy();
        double[] params = start.clone();
        double[][] path = new double[steps + 1][];
        path[0] = params.clone();
        for (int k = 1; k <= steps; k++) {
            optimizer.step(params, objective);
            path[k] = params.clone();
        }
        return path;
    }

    /**
     * Checks a learner's path (row k: the parameters after k steps, row 0 the start) against the
     * path {@code reference} takes from {@code start} for as many steps. The message names the
     * first step (and coordinate) that differs and the steps that still matched.
     */
    public static void trajectory(String what, Optimizer reference, Differentiable objective, double[] start,
                                  double[][] actual, double relative, double absolute, String hint) {
        if (actual == null || actual.length == 0) {
            throw new AssertionError("expected " + what + " to be a path of at least the start, got "
                    + (actual == null ? "null" : "no rows") + withHint(hint));
        }
        trajectory(what, referenceTrajectory(reference, objective, start, actual.length - 1), actual, relative,
                absolute, hint);
    }

    /** As above for a one-parameter problem: {@code actual[k]} is the parameter after k steps. */
    public static void trajectory(String what, Optimizer reference, Differentiable objective, double[] start,
                                  double[] actual, double relative, double absolute, String hint) {
        if (start == null || start.length != 1) {
            throw new IllegalArgumentException("a path of single numbers needs a one-parameter start, got "
                    + Arrays.toString(start));
        }
        trajectory(what, reference, objective, start, rows(actual), relative, absolute, hint);
    }

    /** Checks a path against a reference path, both one number per step. */
    public static void trajectory(String what, double[] expected, double[] actual, double relative, double absolute,
                                  String hint) {
        if (expected == null) {
            throw new IllegalArgumentException("the reference path is null");
        }
        trajectory(what, rows(expected), rows(actual), relative, absolute, hint);
    }

    /** Checks a path against a reference path, row k being the parameters after k steps. */
    public static void trajectory(String what, double[][] expected, double[][] actual, double relative,
                                  double absolute, String hint) {
        if (expected == null || expected.length == 0) {
            throw new IllegalArgumentException("the reference path must have at least the start, got "
                    + (expected == null ? "null" : "no rows"));
        }
        isClose(0, 0, relative, absolute);  // rejects bad tolerances before any learner value is looked at
        if (actual == null || actual.length != expected.length) {
            throw new AssertionError("expected " + what + " to have " + expected.length + " entries (the start and "
                    + (expected.length - 1) + " steps), got " + (actual == null ? "null" : actual.length) + withHint(hint));
        }
        for (int k = 0; k < expected.length; k++) {
            double[] want = expected[k];
            double[] got = actual[k];
            if (got == null || got.length != want.length) {
                throw new AssertionError("expected " + what + " at step " + k + " to have " + want.length
                        + " coordinates, got " + (got == null ? "null" : Arrays.toString(got)) + withHint(hint));
            }
            for (int i = 0; i < want.length; i++) {
                if (!isClose(want[i], got[i], relative, absolute)) {
                    String at = k == 0 ? "at the start (step 0)" : "after step " + k;
                    String coordinate = want.length == 1 ? "" : ", coordinate " + i + ",";
                    String matched = k == 0 ? "" : k == 1 ? "; step 0 matches" : "; steps 0 to " + (k - 1) + " match";
                    throw new AssertionError("expected " + what + " " + at + coordinate + " to be " + want[i] + ", got "
                            + got[i] + " (the reference is " + show(want) + ", yours " + show(got) + matched + ")"
                            + withHint(hint));
                }
            }
        }
    }

    /** A finite-difference estimate to 9 significant digits: 8.0, not 7.999999999895083. */
    private static String approximately(double value) {
        return Double.isFinite(value) ? Double.toString(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.9g", value)))
                : Double.toString(value);
    }

    private static String approximately(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(approximately(values[i]));
        }
        return text.append(']').toString();
    }

    private static double[][] rows(double[] values) {
        if (values == null) {
            return null;
        }
        double[][] rows = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            rows[k] = new double[]{values[k]};
        }
        return rows;
    }

    private static String show(double[] values) {
        return values.length == 1 ? Double.toString(values[0]) : Arrays.toString(values);
    }

    private static String withHint(String hint) {
        return hint == null || hint.isBlank() ? "" : ": " + hint;
    }
}
