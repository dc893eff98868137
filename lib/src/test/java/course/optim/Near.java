package course.optim;

import static org.junit.jupiter.api.Assertions.fail;

/** Relative comparisons for hand-derived values. */
final class Near {
    /** The tolerance the hand derivations are held to. */
    static final double RELATIVE = 1e-12;

    private Near() {
    }

    /** |actual − expected| ≤ tol·|expected|; an expected 0 must be met exactly. */
    static void assertNear(double expected, double actual, double tol, String what) {
        if (!(Math.abs(actual - expected) <= tol * Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ", allowed " + tol + ")");
        }
    }

    static void assertNear(double expected, double actual, String what) {
        assertNear(expected, actual, RELATIVE, what);
    }

    static void assertNear(double[] expected, double[] actual, double tol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " entries but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            assertNear(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    static void assertNear(double[] expected, double[] actual, String what) {
        assertNear(expected, actual, RELATIVE, what);
    }
}
