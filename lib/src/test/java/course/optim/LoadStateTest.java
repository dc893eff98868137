package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.Cases.Case;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** loadState restores what state() and stepCount() saved: the continued run is the uninterrupted one (checkpoints). */
class LoadStateTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("course.optim.Cases#all")
    void aRestoredOptimizerContinuesExactlyWhereTheSavedOneWas(Case c) {
        Optimizer original = c.make().get();
        double[] params = {0.4, -1.3, 2.2, 0.0};
        for (int k = 0; k < 5; k++) {
            Cases.quadraticStep(c, original, params);
        }
        Optimizer restored = c.make().get();
        restored.loadState(original.state(), original.stepCount());
        assertEquals(5, restored.stepCount());
        double[] copy = params.clone();
        for (int k = 0; k < 5; k++) {
            Cases.quadraticStep(c, original, params);
            Cases.quadraticStep(c, restored, copy);
        }
        assertArrayEquals(params, copy, 0.0, c.name());
        assertEquals(original.stepCount(), restored.stepCount());
    }

    @Test
    void badSavedStateIsRefusedWithWhatIsWrong() {
        Adam adam = Adam.keras();
        Map<String, double[]> wrongNames = new LinkedHashMap<>();
        wrongNames.put("m", new double[2]);
        wrongNames.put("velocity", new double[2]);
        refused(() -> adam.loadState(wrongNames, 3), "has the state [m, v, v_max]");
        Map<String, double[]> lengths = new LinkedHashMap<>();
        lengths.put("m", new double[2]);
        lengths.put("v", new double[3]);
        lengths.put("v_max", new double[2]);
        refused(() -> adam.loadState(lengths, 3), "differ in length");
        refused(() -> adam.loadState(Map.of(), -1), "0 or more");
        refused(() -> adam.loadState(Map.of(), 4), "has the state");
        adam.loadState(Map.of(), 0);
        assertEquals(0, adam.stepCount());
    }

    private static void refused(Runnable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
