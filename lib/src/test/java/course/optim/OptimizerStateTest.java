package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.Cases.Case;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** State: sized on the first step, shown as copies, forgotten by reset, duplicated by copy. */
class OptimizerStateTest {
    private static final double[] START = {0.4, -1.3, 2.2, 0.0};

    private static void assertSameState(Map<String, double[]> expected, Map<String, double[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0.0, what + ": " + name);
        }
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void stateIsSizedOnTheFirstStep(Case c) {
        Optimizer o = c.make().get();
        assertEquals(0, o.stepCount());
        Map<String, double[]> before = o.state();
        if (!(o instanceof GradientDescent)) {
            assertFalse(before.isEmpty(), "every optimizer but plain descent keeps state: " + before.keySet());
        }
        for (Map.Entry<String, double[]> e : before.entrySet()) {
            assertEquals(0, e.getValue().length, e.getKey() + " before any step");
            assertEquals(0, o.state(e.getKey()).length, e.getKey() + " by name before any step");
        }
        double[] p = START.clone();
        Cases.quadraticStep(c, o, p);
        assertEquals(1, o.stepCount());
        for (Map.Entry<String, double[]> e : o.state().entrySet()) {
            assertEquals(START.length, e.getValue().length, e.getKey() + " after the first step");
        }
        Cases.quadraticStep(c, o, p);
        Cases.quadraticStep(c, o, p);
        assertEquals(3, o.stepCount());
    }

    @Test
    void plainGradientDescentHasNoState() {
        GradientDescent gd = GradientDescent.keras();
        assertTrue(gd.state().isEmpty());
        gd.step(new double[]{1, 2}, new double[]{1, 1});
        assertTrue(gd.state().isEmpty());
        assertEquals(1, gd.stepCount());
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void stateIsACopyThatCannotChangeTheOptimizer(Case c) {
        Optimizer o = c.make().get();
        double[] p = START.clone();
        Cases.quadraticStep(c, o, p);
        Cases.quadraticStep(c, o, p);
        Optimizer twin = o.copy();
        Map<String, double[]> shown = o.state();
        for (String name : shown.keySet()) {
            double[] byName = o.state(name);
            assertNotSame(byName, o.state(name), "a fresh copy on every call");
            Arrays.fill(byName, Double.NaN);
            Arrays.fill(shown.get(name), 1e6);
        }
        shown.clear();
        assertSameState(twin.state(), o.state(), c.name());
        double[] q = p.clone();
        Cases.quadraticStep(c, o, p);
        Cases.quadraticStep(c, twin, q);
        assertArrayEquals(q, p, 0.0, "mutating what state() returned changed the next step");
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void resetMakesTheNextStepAFirstStep(Case c) {
        double[] fresh = START.clone();
        Cases.quadraticStep(c, c.make().get(), fresh);

        Optimizer o = c.make().get();
        double[] p = {5, 6, 7, 8};
        for (int k = 0; k < 4; k++) {
            Cases.quadraticStep(c, o, p);
        }
        o.reset();
        assertEquals(0, o.stepCount());
        for (double[] s : o.state().values()) {
            assertEquals(0, s.length, "reset forgets the state");
        }
        double[] again = START.clone();
        Cases.quadraticStep(c, o, again);
        assertArrayEquals(fresh, again, 0.0, "after reset the step must equal a fresh optimizer's first step");
        assertEquals(1, o.stepCount());
    }

    @Test
    void resetAlsoLetsTheOptimizerTakeAnotherSize() {
        Adam adam = Adam.keras();
        adam.step(new double[3], new double[]{1, 1, 1});
        adam.reset();
        adam.step(new double[5], new double[]{1, 1, 1, 1, 1});
        assertEquals(5, adam.state("m").length);
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void copyContinuesIdenticallyAndIndependently(Case c) {
        Optimizer o = c.make().get();
        double[] p = START.clone();
        for (int k = 0; k < 3; k++) {
            Cases.quadraticStep(c, o, p);
        }
        Optimizer copy = o.copy();
        assertNotSame(o, copy);
        assertEquals(o.getClass(), copy.getClass());
        assertEquals(3, copy.stepCount());
        assertEquals(o.toString(), copy.toString());
        double[] q = p.clone();
        for (int k = 0; k < 3; k++) {
            Cases.quadraticStep(c, o, p);
            Cases.quadraticStep(c, copy, q);
            assertArrayEquals(p, q, 0.0, "the copy must continue exactly as the original, step " + k);
        }
        assertSameState(o.state(), copy.state(), c.name());
        // independence: stepping the original leaves the copy as it was, and the other way round
        Map<String, double[]> copyState = copy.state();
        Cases.quadraticStep(c, o, p);
        assertSameState(copyState, copy.state(), "the copy after the original stepped");
        assertEquals(7, o.stepCount());
        assertEquals(6, copy.stepCount());
        Map<String, double[]> originalState = o.state();
        Cases.quadraticStep(c, copy, q);
        Cases.quadraticStep(c, copy, q);
        assertSameState(originalState, o.state(), "the original after the copy stepped");
        // a copy's learning rate is its own
        copy.setLearningRate(0.123);
        assertEquals(0.123, copy.learningRate(), 0.0);
        assertFalse(o.learningRate() == 0.123);
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void reusingOnAnotherSizeThrowsWithBothSizes(Case c) {
        Optimizer o = c.make().get();
        Cases.quadraticStep(c, o, START.clone());
        double[] other = {1, 2, 3, 4, 5, 6, 7};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cases.quadraticStep(c, o, other));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("7"), e.getMessage());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7}, other, 0.0, "params untouched");
        assertEquals(1, o.stepCount());
    }

    @Test
    void stateNamesAreDocumentedAndUnknownNamesAreRefused() {
        assertEquals(List.of("velocity"), List.copyOf(Momentum.keras().state().keySet()));
        assertEquals(List.of("velocity"), List.copyOf(Nesterov.textbook().state().keySet()));
        assertEquals(List.of("sum"), List.copyOf(AdaGrad.keras().state().keySet()));
        assertEquals(List.of("square_avg", "grad_avg", "momentum_buffer"), List.copyOf(RmsProp.keras().state().keySet()));
        assertEquals(List.of("square_avg", "velocity"), List.copyOf(RmsPropNesterov.textbook().state().keySet()));
        assertEquals(List.of("square_avg", "acc_delta"), List.copyOf(AdaDelta.keras().state().keySet()));
        assertEquals(List.of("m", "v", "v_max"), List.copyOf(AdamW.keras().state().keySet()));
        assertEquals(List.of("m", "u"), List.copyOf(AdaMax.keras().state().keySet()));
        assertEquals(List.of("m", "v"), List.copyOf(NAdam.keras().state().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Adam.keras().state("velocity"));
        assertTrue(e.getMessage().contains("velocity") && e.getMessage().contains("[m, v, v_max]"), e.getMessage());
    }

    @Test
    void adaGradKerasAccumulatorStartsAtItsInitialValue() {
        AdaGrad adagrad = AdaGrad.keras();
        adagrad.step(new double[]{1, 1}, new double[]{0, 0.5});
        assertArrayEquals(new double[]{0.1, 0.1 + 0.25}, adagrad.state("sum"), 0.0);
        adagrad.reset();
        adagrad.step(new double[]{1, 1}, new double[]{0, 0});
        assertArrayEquals(new double[]{0.1, 0.1}, adagrad.state("sum"), 0.0, "the initial value is restored by reset");
    }
}
