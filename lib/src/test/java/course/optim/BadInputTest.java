package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.Cases.Case;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every optimizer refuses bad hyperparameters and bad steps with a message that says what is wrong. */
class BadInputTest {
    private static final double[] BAD_RATES = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static IllegalArgumentException refused(Executable action, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message should mention '" + fragment + "': " + e.getMessage());
        }
        return e;
    }

    private static void diverged(Executable action, String... fragments) {
        Divergence e = assertThrows(Divergence.class, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message should mention '" + fragment + "': " + e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void badLearningRatesAreRefusedAndLeaveTheOldOne(Case c) {
        Optimizer o = c.make().get();
        double before = o.learningRate();
        for (double rate : BAD_RATES) {
            if (rate == 0) {
                continue;  // a schedule may end at 0: setLearningRate allows it (the constructors do not)
            }
            refused(() -> o.setLearningRate(rate), "learning rate", String.valueOf(rate));
            assertEquals(before, o.learningRate(), 0.0);
        }
        o.setLearningRate(0);
        assertEquals(0.0, o.learningRate(), 0.0);
    }

    /** Zero too: a rate of 0 never moves (the old fluent setter let it through while the constructors refused it). */
    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void badLearningRatesAreRefusedByTheFluentSetter(Case c) {
        for (double rate : BAD_RATES) {
            Optimizer o = c.make().get();
            double before = o.learningRate();
            if (o instanceof TunableOptimizer<?> tunable) {
                refused(() -> tunable.learningRate(rate), "learning rate", String.valueOf(rate));
                assertEquals(before, o.learningRate(), 0.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void nonFiniteParametersAreRefusedAtTheFirstStep(Case c) {
        Optimizer o = c.make().get();
        double[] p = {0.5, Double.NaN, 2.0};
        refused(() -> Cases.step(c, o, p, new double[]{0.1, 0.2, 0.3}), "params[1] is NaN", "start point");
        assertEquals(0, o.stepCount());
    }

    /** Decay rates β, ρ and momenta must lie in [0, 1); 1 itself is refused with a hint. */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.5, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void decayRatesOutsideTheUnitIntervalAreRefused(double bad) {
        List<Consumer<Double>> setters = List.of(
                x -> Momentum.pytorch().learningRate(0.01).momentum(x),
                x -> Momentum.keras().momentum(0.9).setMomentum(x),
                x -> Momentum.textbook().learningRate(0.01).momentum(x),
                x -> Nesterov.keras().momentum(x),
                x -> Nesterov.textbook().learningRate(0.01).momentum(x),
                x -> RmsProp.keras().rho(x),
                x -> RmsProp.pytorch().learningRate(0.01).rho(x),
                x -> RmsProp.pytorch().momentum(x),
                x -> RmsProp.keras().momentum(x),
                x -> RmsPropNesterov.textbook().rho(x),
                x -> RmsPropNesterov.textbook().momentum(x),
                x -> AdaDelta.keras().rho(x),
                x -> AdaDelta.pytorch().learningRate(1.0).rho(x).epsilon(1e-6),
                x -> Adam.keras().betas(x, 0.999),
                x -> Adam.pytorch().betas(0.9, x),
                x -> Adam.textbook().setMomentum(x),
                x -> AmsGrad.keras().betas(0.9, x),
                x -> AdamW.pytorch().betas(x, 0.999),
                x -> AdaMax.keras().betas(x, 0.999),
                x -> AdaMax.pytorch().betas(0.9, x),
                x -> AdaMax.textbook().setMomentum(x),
                x -> NAdam.keras().betas(x, 0.999),
                x -> NAdam.pytorch().betas(0.9, x),
                x -> NAdam.textbook().setMomentum(x));
        for (Consumer<Double> setter : setters) {
            IllegalArgumentException e = refused(() -> setter.accept(bad), "[0, 1)", String.valueOf(bad));
            if (bad == 1.0) {
                assertTrue(e.getMessage().contains("never forget"), e.getMessage());
            }
        }
        // the message names the hyperparameter
        refused(() -> Adam.keras().betas(bad, 0.999), "beta1");
        refused(() -> Adam.keras().betas(0.9, bad), "beta2");
        refused(() -> RmsProp.keras().rho(bad), "rho");
        refused(() -> AdaDelta.keras().rho(bad), "rho");
        refused(() -> Momentum.keras().momentum(bad), "momentum");
    }

    @Test
    void zeroDecayRatesAreAllowed() {
        Momentum.keras().momentum(0);
        Adam.keras().betas(0, 0);
        RmsProp.keras().rho(0);
        AdaDelta.keras().rho(0);
    }

    @Test
    void badEpsilonsAndDecaysAreRefused() {
        refused(() -> Adam.keras().epsilon(-1e-8), "epsilon");
        refused(() -> Adam.keras().epsilon(Double.NaN), "epsilon");
        refused(() -> AdaGrad.keras().epsilon(Double.POSITIVE_INFINITY), "epsilon");
        refused(() -> AdaDelta.keras().epsilon(0), "epsilon");
        refused(() -> RmsProp.keras().epsilon(-1), "epsilon");
        refused(() -> AdaMax.keras().epsilon(-1), "epsilon");
        refused(() -> NAdam.keras().epsilon(-1), "epsilon");
        refused(() -> RmsPropNesterov.textbook().epsilon(-1), "epsilon");
        refused(() -> Adam.keras().weightDecay(-0.1), "weight decay");
        refused(() -> Momentum.pytorch().learningRate(0.01).momentum(0.9).weightDecay(Double.NaN), "weight decay");
        refused(() -> AdamW.pytorch().learningRate(0.001).weightDecay(-0.01), "weight decay");
        refused(() -> AdaGrad.pytorch().initialAccumulator(-1), "initial accumulator");
        refused(() -> AdaGrad.pytorch().lrDecay(-1), "lr_decay");
        refused(() -> Momentum.pytorch().learningRate(0.01).momentum(0.9).dampening(1.5), "dampening");
        refused(() -> NAdam.pytorch().momentumDecay(-1), "momentum decay");
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void nonFiniteGradientIsRefusedNamingTheIndexAndLeavesEverythingUntouched(Case c) {
        Optimizer o = c.make().get();
        double[] p = {0.5, -1.5, 2.0};
        Cases.step(c, o, p, new double[]{0.1, 0.2, 0.3});
        double[] kept = p.clone();
        var state = o.state();
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            diverged(() -> Cases.step(c, o, p, new double[]{0.1, bad, 0.3}), "grad[1]", String.valueOf(bad));
            assertArrayEquals(kept, p, 0.0, "params untouched");
            assertEquals(1, o.stepCount(), "no step counted");
            for (String name : state.arrayNames()) {
                assertArrayEquals(state.array(name), o.state().array(name), 0.0, name + " untouched");
            }
        }
        diverged(() -> Cases.step(c, o, p, new double[]{Double.NaN, 0, 0}), "grad[0]");
    }

    @ParameterizedTest
    @MethodSource("course.optim.Cases#all")
    void mismatchedEmptyAndNullArgumentsAreRefused(Case c) {
        Optimizer o = c.make().get();
        refused(() -> o.step(new double[0], (x, g) -> 0), "params", "empty");
        refused(() -> o.step(new double[]{1, 2}, (Differentiable) null), "objective", "null");
        refused(() -> o.step(null, (x, g) -> 0), "params", "null");
        if (!c.lookAhead()) {
            refused(() -> o.step(new double[3], new double[2]), "3", "2", "same length");
            refused(() -> o.step(new double[0], new double[0]), "params", "empty");
            refused(() -> o.step(null, new double[2]), "params", "null");
            refused(() -> o.step(new double[2], (double[]) null), "grad", "null");
        } else {
            refused(() -> o.step(new double[3], new double[3]), "look-ahead");
        }
        // a closure that writes a NaN is caught the same way
        double[] p = {1, 2, 3};
        diverged(() -> o.step(p, (x, g) -> {
            g[0] = 1;
            g[1] = 1;
            g[2] = Double.NaN;
            return 0;
        }), "grad[2]");
        assertArrayEquals(new double[]{1, 2, 3}, p, 0.0);
        assertEquals(0, o.stepCount());
    }

    @Test
    void optionsAConventionLacksNameTheConventionThatHasThem() {
        refused(() -> RmsProp.textbook().centered(true), "textbook", "RmsProp.pytorch()", "RmsProp.keras()");
        refused(() -> RmsProp.textbook().momentum(0.9), "textbook", "RmsPropNesterov");
        refused(() -> Momentum.keras().momentum(0.9).dampening(0.1), "PyTorch", "Keras", "Momentum.pytorch()");
        refused(() -> Momentum.textbook().dampening(0.1), "PyTorch", "textbook", "Momentum.pytorch()");
        refused(() -> Adam.pytorch().epsilonInsideSqrt(true), "Adam.textbook()");
        refused(() -> Adam.keras().epsilonInsideSqrt(true), "Adam.textbook()");
        refused(() -> AdamW.keras().epsilonInsideSqrt(true), "Adam.textbook()");
        refused(() -> AdaGrad.keras().lrDecay(0.1), "lr_decay", "Keras", "AdaGrad.pytorch()");
        refused(() -> AdaGrad.textbook().lrDecay(0.1), "lr_decay", "textbook", "AdaGrad.pytorch()");
        refused(() -> NAdam.keras().momentumDecay(0.004), "Keras", "NAdam.pytorch()");
        refused(() -> NAdam.textbook().momentumDecay(1), "textbook", "NAdam.pytorch()");
        // what each convention does have is accepted
        RmsProp.pytorch().centered(true).momentum(0.9);
        RmsProp.keras().centered(true).momentum(0.9);
        RmsProp.textbook().centered(false).momentum(0);
        Momentum.pytorch().learningRate(0.01).momentum(0.9).dampening(0.1);
        Momentum.keras().momentum(0.9).dampening(0);
        Adam.textbook().epsilonInsideSqrt(false).epsilonInsideSqrt(true);
        Adam.pytorch().epsilonInsideSqrt(false);
        AdaGrad.pytorch().lrDecay(0.1);
        AdaGrad.keras().lrDecay(0);
        NAdam.pytorch().momentumDecay(0.01);
        NAdam.keras().momentumDecay(1);
        NAdam.textbook().momentumDecay(0.004);
    }

    @Test
    void clippingRefusesBadLimitsAndNoTransform() {
        for (double bad : BAD_RATES) {
            refused(() -> Adam.keras().clipByGlobalNorm(bad), "max norm");
            refused(() -> Adam.keras().clipByValue(bad), "clip value");
        }
        refused(() -> Adam.keras().transformGradient(null), "gradient transform", "null");
    }

    @Test
    void nesterovInPyTorchsConventionRefusesZeroMomentumAsPyTorchDoes() {
        refused(() -> Nesterov.pytorch().step(new double[]{1}, new double[]{1}), "momentum above 0", ".momentum(0.9)");
        Nesterov.pytorch().learningRate(0.01).momentum(0.9).step(new double[]{1}, new double[]{1});
    }
}
