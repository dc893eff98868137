package course.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks.decreasing and Checks.converging: what passes, what fails, and what the messages say. */
class SequenceChecksTest {
    private static String message(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void strictlyDecreasingPasses() {
        assertDoesNotThrow(() -> Checks.decreasing("the loss", new double[]{9, 4, 1, 0.5, 0.25}, "h"));
        assertDoesNotThrow(() -> Checks.decreasing("the loss", new double[]{1, -1e300}, "h"));
    }

    @Test
    void strictlyDecreasingNamesTheFirstStepThatRoseOrStayed() {
        String m = message(() -> Checks.decreasing("the loss", new double[]{9, 4, 5, 7}, "lower the learning rate"));
        contains(m, "the loss to decrease at every step", "from step 1 to step 2", "rose from 4.0 to 5.0",
                ": lower the learning rate");
        m = message(() -> Checks.decreasing("the loss", new double[]{9, 4, 4}, null));
        contains(m, "from step 1 to step 2", "stayed at 4.0");
        assertTrue(m.endsWith("stayed at 4.0"), m);
        m = message(() -> Checks.decreasing("the loss", new double[]{9, Double.NaN}, "h"));
        contains(m, "went from 9.0 to NaN");
    }

    @Test
    void decreasingNeedsTwoValues() {
        contains(message(() -> Checks.decreasing("the loss", new double[]{1}, "h")), "at least 2 values", "got 1");
        contains(message(() -> Checks.decreasing("the loss", null, "h")), "got null");
    }

    @Test
    void decreasingWithSlackAllowsSmallRisesAndPlateaus() {
        assertDoesNotThrow(() -> Checks.decreasing("the loss", new double[]{9, 4, 4, 4.05, 1}, 0.1, "h"));
        assertDoesNotThrow(() -> Checks.decreasing("the loss", new double[]{9, 9, 3}, 0, "h"));
        String m = message(() -> Checks.decreasing("the loss", new double[]{9, 4, 4.5, 1}, 0.1, "noisy"));
        contains(m, "never to rise by more than 0.1", "from step 1 to step 2", "rose from 4.0 to 4.5", ": noisy");
        m = message(() -> Checks.decreasing("the loss", new double[]{3, 3, 3}, 0, "h"));
        contains(m, "to end lower than it started", "3.0 at step 0", "3.0 at step 2");
        contains(message(() -> Checks.decreasing("the loss", new double[]{3, Double.NaN}, 1, "h")), "NaN");
        assertThrows(IllegalArgumentException.class, () -> Checks.decreasing("x", new double[]{2, 1}, -1, "h"));
        assertThrows(IllegalArgumentException.class, () -> Checks.decreasing("x", new double[]{2, 1}, Double.NaN, "h"));
    }

    @Test
    void convergingToALimit() {
        assertDoesNotThrow(() -> Checks.converging("θ", new double[]{3, 1, 0.1, 1e-7}, 0, 1e-6, "h"));
        String m = message(() -> Checks.converging("θ", new double[]{3, 1, 0.5, 0.25}, 0, 1e-6, "take more steps"));
        contains(m, "θ to converge to 0.0 (within 1.0E-6)", "after 3 steps it is 0.25", ": take more steps");
        m = message(() -> Checks.converging("θ", new double[]{3, 0.001, 0.5}, 0, 1e-6, "h"));
        contains(m, "came closest at step 1 (0.001)", "moved away again");
    }

    @Test
    void convergingReportsTheStepItBlewUp() {
        String m = message(() -> Checks.converging("θ", new double[]{3, -9, 27, Double.POSITIVE_INFINITY, Double.NaN},
                0, 1e-6, "check η"));
        contains(m, "to stay finite", "at step 3 it is Infinity", "diverged", ": check η");
        assertThrows(IllegalArgumentException.class, () -> Checks.converging("θ", new double[]{1}, Double.NaN, 1, "h"));
        assertThrows(IllegalArgumentException.class, () -> Checks.converging("θ", new double[]{1}, 0, -1, "h"));
        contains(message(() -> Checks.converging("θ", new double[0], 0, 1, "h")), "at least 1 value to converge");
    }

    @Test
    void convergingWithoutALimitSettles() {
        assertDoesNotThrow(() -> Checks.converging("the loss", new double[]{5, 2.1, 2.0001, 2.0}, 1e-3, "h"));
        String m = message(() -> Checks.converging("the loss", new double[]{5, 2, 1}, 1e-3, "run longer"));
        contains(m, "the loss to settle", "from step 1 to step 2 it fell from 2.0 to 1.0", ": run longer");
        contains(message(() -> Checks.converging("the loss", new double[]{1, Double.NaN}, 1, "h")), "step 1 it is NaN");
        contains(message(() -> Checks.converging("the loss", new double[]{1}, 1, "h")), "at least 2 values to settle");
    }
}
