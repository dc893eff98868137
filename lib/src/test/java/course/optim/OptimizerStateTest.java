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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** State: sized on the first step, shown as copies, forgotten by reset, duplicated by copy. */
class OptimizerStateTest {
    private static final double[] START = {0.4, -1.3, 2.2, 0.0};

    private static void assertSameState(OptimizerState expected, OptimizerState actual, String what) {
        assertEquals(expected.steps(), actual.steps(), what + ": steps");
        assertEquals(expected.arrayNames(), actual.arrayNames(), what);
        assertEquals(expected.scalarNames(), actual.scalarNames(), what);
        for (String name : expected.arrayNames()) {
            assertArrayEquals(expected.array(name), actual.array(name), 0.0, what + ": " + name);
        }
        for (String name : expected.scalarNames()) {
            assertEquals(expected.scalar(name), actual.scalar(name), 0.0, what + ": " + name);
        }
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void stateIsSizedOnTheFirstStep(Case c) {
        Optimizer o = c.make().get();
        assertEquals(0, o.stepCount());
        OptimizerState before = o.state();
        assertEquals(0, before.parameters());
        assertEquals(0, before.arrayCount(), "nothing is allocated before the first step");
        double[] p = START.clone();
        Cases.quadraticStep(c, o, p);
        assertEquals(1, o.stepCount());
        OptimizerState after = o.state();
        if (!(o instanceof GradientDescent)) {
            assertTrue(after.arrayCount() > 0, "every optimizer but plain descent keeps state");
        }
        for (String name : after.arrayNames()) {
            assertEquals(START.length, after.array(name).length, name + " after the first step");
        }
        Cases.quadraticStep(c, o, p);
        Cases.quadraticStep(c, o, p);
        assertEquals(3, o.stepCount());
    }

    @Test
    void plainGradientDescentHasNoState() {
        GradientDescent gd = GradientDescent.keras();
        assertEquals(0, gd.state().arrayCount());
        gd.step(new double[]{1, 2}, new double[]{1, 1});
        assertEquals(0, gd.state().arrayCount());
        assertEquals(0, gd.state().bytes());
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
        OptimizerState shown = o.state();
        assertNotSame(shown, o.state(), "a fresh copy on every call");
        for (String name : shown.arrayNames()) {
            assertNotSame(shown.array(name), o.state().array(name));
            Arrays.fill(shown.array(name), 1e6);
        }
        for (String name : shown.scalarNames()) {
            shown.setScalar(name, Double.NaN);
        }
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
        assertEquals(0, o.state().arrayCount(), "reset forgets the state");
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
        assertEquals(5, adam.state().array("m").length);
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
        OptimizerState copyState = copy.state();
        Cases.quadraticStep(c, o, p);
        assertSameState(copyState, copy.state(), "the copy after the original stepped");
        assertEquals(7, o.stepCount());
        assertEquals(6, copy.stepCount());
        OptimizerState originalState = o.state();
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
        assertEquals(List.of("velocity"), names(Momentum.keras().momentum(0.9)));
        assertEquals(List.of("velocity"), names(Nesterov.textbook()));
        assertEquals(List.of("sum"), names(AdaGrad.keras()));
        assertEquals(List.of("square_avg", "grad_avg", "momentum_buffer"), names(RmsProp.keras().centered(true).momentum(0.5)));
        assertEquals(List.of("square_avg", "velocity"), names(RmsPropNesterov.textbook()));
        assertEquals(List.of("square_avg", "acc_delta"), names(AdaDelta.keras()));
        assertEquals(List.of("m", "v"), names(AdamW.keras()));
        assertEquals(List.of("m", "u"), names(AdaMax.keras()));
        assertEquals(List.of("m", "v"), names(NAdam.keras()));
        assertEquals(List.of("mu_product"), List.copyOf(NAdam.keras().initialState(2).scalarNames()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Adam.keras().initialState(2).array("velocity"));
        assertTrue(e.getMessage().contains("velocity") && e.getMessage().contains("[m, v]"), e.getMessage());
    }

    private static List<String> names(Optimizer o) {
        return List.copyOf(o.initialState(2).arrayNames());
    }

    @Test
    void adaGradKerasAccumulatorStartsAtItsInitialValue() {
        AdaGrad adagrad = AdaGrad.keras();
        adagrad.step(new double[]{1, 1}, new double[]{0, 0.5});
        assertArrayEquals(new double[]{0.1, 0.1 + 0.25}, adagrad.state().array("sum"), 0.0);
        adagrad.reset();
        adagrad.step(new double[]{1, 1}, new double[]{0, 0});
        assertArrayEquals(new double[]{0.1, 0.1}, adagrad.state().array("sum"), 0.0, "the initial value is restored by reset");
    }
}
