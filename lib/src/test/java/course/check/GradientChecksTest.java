package course.check;

import course.optim.Differentiable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks.gradient against central finite differences. */
class GradientChecksTest {
    /** J(x) = x0² + 3·x0·x1 + sin(x1), with its true gradient. */
    private static final Differentiable J = (x, g) -> {
        g[0] = 2 * x[0] + 3 * x[1];
        g[1] = 3 * x[0] + Math.cos(x[1]);
        return x[0] * x[0] + 3 * x[0] * x[1] + Math.sin(x[1]);
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
    void finiteDifferencesMatchTheTrueGradientAndLeaveXAlone() {
        double[] x = {1.5, -0.7};
        double[] numeric = Checks.finiteDifferences(J, x);
        assertArrayEquals(new double[]{2 * 1.5 + 3 * -0.7, 3 * 1.5 + Math.cos(-0.7)}, numeric, 1e-8);
        assertArrayEquals(new double[]{1.5, -0.7}, x);
        // Large coordinates: the step scales with |x_i|.
        double[] far = Checks.finiteDifferences((p, g) -> p[0] * p[0], new double[]{1e6});
        assertArrayEquals(new double[]{2e6}, far, 1e-3);
    }

    @Test
    void aCorrectGradientPasses() {
        assertDoesNotThrow(() -> Checks.gradient(J, new double[]{1, 2}, new double[]{2 + 6, 3 + Math.cos(2)}, 1e-6));
        assertDoesNotThrow(() -> Checks.gradient("∇J", J, new double[]{-3, 0.5}, 1e-6, "h"));
    }

    @Test
    void aWrongComponentIsNamed() {
        String m = message(() -> Checks.gradient(J, new double[]{1, 2}, new double[]{8, 3 * 1 - Math.cos(2)}, 1e-6));
        contains(m, "the gradient at x = [1.0, 2.0], component 1", "central finite differences", "got");
        String m2 = message(() -> Checks.gradient("∇J", J, new double[]{1, 2}, new double[]{4, 3 + Math.cos(2)}, 1e-6,
                "the derivative of x0² is 2·x0"));
        contains(m2, "∇J at x = [1.0, 2.0], component 0, to be about 8.0", "got 4.0", ": the derivative of x0² is 2·x0");
    }

    @Test
    void aFunctionsOwnWrongGradientFails() {
        Differentiable forgotFactor = (x, g) -> {
            g[0] = x[0];           // should be 2·x0
            return x[0] * x[0];
        };
        contains(message(() -> Checks.gradient("the gradient of θ²", forgotFactor, new double[]{3}, 1e-6, "g = 2θ")),
                "component 0, to be about 6.0", "got 3.0", ": g = 2θ");
        Differentiable forgotComponent = (x, g) -> {
            g[0] = 2 * x[0];       // g[1] never written
            return x[0] * x[0] + x[1] * x[1];
        };
        contains(message(() -> Checks.gradient("∇J", forgotComponent, new double[]{1, 1}, 1e-6, "h")),
                "component 1", "got NaN");
    }

    @Test
    void aFunctionThatChangesXOrHasNoValueIsCaught() {
        Differentiable moves = (x, g) -> {
            g[0] = 2 * x[0];
            x[0] += 1;
            return x[0] * x[0];
        };
        contains(message(() -> Checks.gradient("∇J", moves, new double[]{1}, 1e-6, "h")), "leave x unchanged");
        Differentiable noValue = (x, g) -> {
            g[0] = 2 * x[0];
            return Double.NaN;
        };
        contains(message(() -> Checks.gradient("∇J", noValue, new double[]{1}, 1e-6, "h")), "return f(x), not NaN");
    }

    @Test
    void wrongLengthAndBadArgumentsAreReported() {
        contains(message(() -> Checks.gradient(J, new double[]{1, 2}, new double[]{1}, 1e-6)), "one entry per coordinate",
                "1 entries");
        contains(message(() -> Checks.gradient(J, new double[]{1, 2}, null, 1e-6)), "got null");
        assertThrows(IllegalArgumentException.class, () -> Checks.gradient(J, new double[]{1, 2}, new double[]{1, 2}, -1));
        assertThrows(IllegalArgumentException.class, () -> Checks.finiteDifferences(J, new double[0]));
    }
}
