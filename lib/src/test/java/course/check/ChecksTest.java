package course.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {
    @Test
    void isCloseFollowsTheNumpyRule() {
        // |a - e| <= abs + rel * |e|
        assertTrue(Checks.isClose(100.0, 100.5, 0.01, 0.0));    // 0.5 <= 1.0
        assertTrue(Checks.isClose(100.0, 101.0, 0.01, 0.0));    // 1.0 <= 1.0 (boundary)
        assertFalse(Checks.isClose(100.0, 101.5, 0.01, 0.0));   // 1.5 > 1.0
        assertTrue(Checks.isClose(0.0, 0.05, 0.0, 0.1));
        assertFalse(Checks.isClose(0.0, 0.2, 0.0, 0.1));
        assertTrue(Checks.isClose(10.0, 10.25, 0.01, 0.2));     // 0.25 <= 0.2 + 0.1
        assertFalse(Checks.isClose(10.0, 10.35, 0.01, 0.2));
        // relative to expected, not to actual: |0 - 1| <= 0.5 * |1| is false, |1 - 0| <= 0.5 * |0| too
        assertFalse(Checks.isClose(1.0, 2.0, 0.5, 0.0));
        assertTrue(Checks.isClose(2.0, 1.0, 0.5, 0.0));
    }

    @Test
    void defaultTolerancesAreTight() {
        assertTrue(Checks.isClose(1.0, 1.0 + 1e-12, Checks.RELATIVE, Checks.ABSOLUTE));
        assertFalse(Checks.isClose(1.0, 1.0 + 1e-6, Checks.RELATIVE, Checks.ABSOLUTE));
        assertDoesNotThrow(() -> Checks.close("x", 0.1 + 0.2, 0.3, "hint"));
    }

    @Test
    void nanIsNeverClose() {
        assertFalse(Checks.isClose(Double.NaN, Double.NaN, 1.0, 1.0));
        assertFalse(Checks.isClose(1.0, Double.NaN, 1.0, 1.0));
        assertFalse(Checks.isClose(Double.NaN, 1.0, 1.0, 1.0));
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.close("the loss", 0.5, Double.NaN, "check the gradient"));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("division by zero or an overflow"), e.getMessage());
    }

    @Test
    void infinitiesAreOnlyCloseToThemselves() {
        assertTrue(Checks.isClose(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Checks.RELATIVE, Checks.ABSOLUTE));
        assertFalse(Checks.isClose(1.0, Double.POSITIVE_INFINITY, Checks.RELATIVE, Checks.ABSOLUTE));
        assertFalse(Checks.isClose(Double.POSITIVE_INFINITY, 1.0, Checks.RELATIVE, Checks.ABSOLUTE),
                "a finite result must not pass a check that expects infinity");
        assertFalse(Checks.isClose(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Checks.RELATIVE, Checks.ABSOLUTE),
                "+inf and -inf must not be close");
    }

    @Test
    void negativeOrNanToleranceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Checks.isClose(1.0, 1.0, -1e-9, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Checks.isClose(1.0, 1.0, 0.0, -1e-9));
        assertThrows(IllegalArgumentException.class, () -> Checks.isClose(1.0, 1.0, Double.NaN, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Checks.close("x", 1.0, 1.0, -1.0, 0.0, "h"));
        assertThrows(IllegalArgumentException.class,
                () -> Checks.close("x", new double[]{1.0}, new double[]{1.0}, 0.0, -1.0, "h"));
    }

    @Test
    void closeMessageNamesExpectedActualAndHint() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Checks.close("the loss after 3 steps", 0.271, 0.3, "did you subtract the gradient?"));
        String m = e.getMessage();
        assertTrue(m.contains("the loss after 3 steps"), m);
        assertTrue(m.contains("0.271"), m);
        assertTrue(m.contains("0.3"), m);
        assertTrue(m.contains("did you subtract the gradient?"), m);
        assertFalse(m.contains("NaN"), m);
    }

    @Test
    void closeWithoutHintHasNoDanglingColon() {
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.close("x", 1.0, 2.0, null));
        assertTrue(e.getMessage().endsWith("got 2.0"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Checks.close("x", 1.0, 2.0, "  "));
        assertTrue(e.getMessage().endsWith("got 2.0"), e.getMessage());
    }

    @Test
    void closeWithCustomTolerances() {
        assertDoesNotThrow(() -> Checks.close("x", 1.0, 1.05, 0.1, 0.0, "h"));
        assertThrows(AssertionError.class, () -> Checks.close("x", 1.0, 1.2, 0.1, 0.0, "h"));
    }

    @Test
    void arrayCloseNamesTheFirstDifferingIndex() {
        double[] expected = {1.0, 2.0, 3.0, 4.0};
        double[] actual = {1.0, 2.0, 3.5, 4.5};
        AssertionError e = assertThrows(AssertionError.class,
                () -> Checks.close("theta", expected, actual, 1e-9, 1e-12, "look at the update"));
        String m = e.getMessage();
        assertTrue(m.contains("theta[2]"), m);
        assertFalse(m.contains("theta[3]"), m);
        assertTrue(m.contains("3.0") && m.contains("3.5"), m);
        assertTrue(m.contains("look at the update"), m);
    }

    @Test
    void arrayCloseAcceptsCloseArrays() {
        assertDoesNotThrow(() -> Checks.close("theta", new double[]{0.1 + 0.2, 1.0}, new double[]{0.3, 1.0}, 1e-9, 1e-12, "h"));
        assertDoesNotThrow(() -> Checks.close("empty", new double[0], new double[0], 1e-9, 1e-12, "h"));
    }

    @Test
    void arrayCloseRejectsLengthMismatchAndNull() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Checks.close("theta", new double[]{1, 2}, new double[]{1, 2, 3}, 1e-9, 1e-12, "hint"));
        assertTrue(e.getMessage().contains("2 entries") && e.getMessage().contains("got 3"), e.getMessage());
        e = assertThrows(AssertionError.class,
                () -> Checks.close("theta", new double[]{1, 2}, null, 1e-9, 1e-12, "hint"));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void arrayCloseTreatsNanAsDifferent() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Checks.close("g", new double[]{1.0, 2.0}, new double[]{1.0, Double.NaN}, 1e-9, 1e-12, "h"));
        assertTrue(e.getMessage().contains("g[1]"), e.getMessage());
    }

    @Test
    void thatThrowsOnlyWhenFalse() {
        assertDoesNotThrow(() -> Checks.that(true, "the loss to fall", "h"));
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.that(false, "the loss to fall", "lower the learning rate"));
        assertTrue(e.getMessage().contains("the loss to fall"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }
}
