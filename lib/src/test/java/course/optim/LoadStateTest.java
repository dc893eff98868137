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
        restored.loadState(original.state());
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
        refused(() -> adam.loadState(OptimizerState.of(2, 3, wrongNames, Map.of())), "keeps the arrays [m, v]");
        Map<String, double[]> lengths = new LinkedHashMap<>();
        lengths.put("m", new double[2]);
        lengths.put("v", new double[3]);
        refused(() -> OptimizerState.of(2, 3, lengths, Map.of()), "has 3 values for 2 parameters");
        refused(() -> OptimizerState.of(2, -1, Map.of(), Map.of()), "0 or more");
        refused(() -> adam.loadState(OptimizerState.of(0, 4, Map.of(), Map.of())), "how many parameters");
        Map<String, double[]> withMax = new LinkedHashMap<>(Map.of("m", new double[2], "v", new double[2]));
        withMax.put("v_max", new double[2]);
        refused(() -> adam.loadState(OptimizerState.of(2, 3, withMax, Map.of())), "the same options");
        adam.loadState(OptimizerState.of(0, 0, Map.of(), Map.of()));
        assertEquals(0, adam.stepCount());
    }

    /** The bug of the old NAdam: Π_t rebuilt from the step count with the current β₁ was wrong after a schedule changed β₁. */
    @Test
    void aNadamCheckpointTakenWhileAScheduleChangesBeta1ContinuesExactly() {
        NAdam original = NAdam.keras().learningRate(0.01);
        double[] params = {0.4, -1.3, 2.2};
        for (int k = 0; k < 6; k++) {
            original.setMomentum(0.95 - 0.01 * k);  // what OneCycle does to β₁
            original.step(params, Cases.QUADRATIC);
        }
        NAdam restored = NAdam.keras().learningRate(0.01);
        restored.loadState(original.state());
        assertEquals(original.state().scalar("mu_product"), restored.state().scalar("mu_product"), 0.0);
        double[] copy = params.clone();
        for (int k = 0; k < 4; k++) {
            original.step(params, Cases.QUADRATIC);
            restored.setMomentum(original.momentum());
            restored.step(copy, Cases.QUADRATIC);
        }
        assertArrayEquals(params, copy, 0.0);
    }

    private static void refused(Runnable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
