package course.check;

import java.util.Arrays;

/**
 * What check cells call. Each check throws an {@link AssertionError} whose message says what was
 * expected, what came out, and a hint the learner can act on. ({@code assert} is off in JShell, so
 * checks never use it.)
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

    /** Checks a condition the learner's code must meet. */
    public static void that(boolean condition, String whatShouldHold, String hint) {
        if (!condition) {
            throw new AssertionError("expected " + whatShouldHold + withHint(hint));
        }
    }

    private static String withHint(String hint) {
        return hint == null || hint.isBlank() ? "" : ": " + hint;
    }
}
