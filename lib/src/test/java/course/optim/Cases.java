package course.optim;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every optimizer of the library in every convention it has, for the tests that cover them all. */
final class Cases {
    private Cases() {
    }

    /** An optimizer to build fresh, and whether it must be stepped through a closure (look-ahead). */
    record Case(String name, Supplier<Optimizer> make, boolean lookAhead) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> ALL = List.of(
            new Case("GradientDescent.pytorch", () -> GradientDescent.pytorch().learningRate(0.01), false),
            new Case("GradientDescent.keras", GradientDescent::keras, false),
            new Case("GradientDescent.textbook", () -> GradientDescent.textbook().learningRate(0.01), false),
            new Case("Momentum.pytorch", () -> Momentum.pytorch().learningRate(0.01).momentum(0.9).dampening(0.1).weightDecay(0.01), false),
            new Case("Momentum.keras", () -> Momentum.keras().momentum(0.9).weightDecay(0.01), false),
            new Case("Momentum.textbook", Momentum::textbook, false),
            new Case("Nesterov.pytorch", () -> Nesterov.pytorch().learningRate(0.01).momentum(0.9), false),
            new Case("Nesterov.keras", () -> Nesterov.keras().momentum(0.9), false),
            new Case("Nesterov.textbook", Nesterov::textbook, true),
            new Case("AdaGrad.pytorch", () -> AdaGrad.pytorch().lrDecay(0.01), false),
            new Case("AdaGrad.keras", AdaGrad::keras, false),
            new Case("AdaGrad.textbook", AdaGrad::textbook, false),
            new Case("RmsProp.pytorch", RmsProp::pytorch, false),
            new Case("RmsProp.pytorch centered momentum", () -> RmsProp.pytorch().centered(true).momentum(0.9), false),
            new Case("RmsProp.keras", RmsProp::keras, false),
            new Case("RmsProp.keras centered momentum", () -> RmsProp.keras().centered(true).momentum(0.9), false),
            new Case("RmsProp.textbook", RmsProp::textbook, false),
            new Case("RmsPropNesterov.textbook", RmsPropNesterov::textbook, true),
            new Case("AdaDelta.pytorch", AdaDelta::pytorch, false),
            new Case("AdaDelta.keras", AdaDelta::keras, false),
            new Case("AdaDelta.textbook", AdaDelta::textbook, false),
            new Case("Adam.pytorch", Adam::pytorch, false),
            new Case("Adam.keras", () -> Adam.keras().weightDecay(0.01), false),
            new Case("Adam.textbook", Adam::textbook, false),
            new Case("AmsGrad.pytorch", AmsGrad::pytorch, false),
            new Case("AmsGrad.keras", AmsGrad::keras, false),
            new Case("AmsGrad.textbook", AmsGrad::textbook, false),
            new Case("AdamW.pytorch", AdamW::pytorch, false),
            new Case("AdamW.keras", AdamW::keras, false),
            new Case("AdamW.textbook", AdamW::textbook, false),
            new Case("AdaMax.pytorch", AdaMax::pytorch, false),
            new Case("AdaMax.keras", AdaMax::keras, false),
            new Case("AdaMax.textbook", AdaMax::textbook, false),
            new Case("NAdam.pytorch", NAdam::pytorch, false),
            new Case("NAdam.keras", NAdam::keras, false),
            new Case("NAdam.textbook", NAdam::textbook, false),
            new Case("Adam.keras.clipByGlobalNorm", () -> Adam.keras().clipByGlobalNorm(0.5), false),
            new Case("Momentum.pytorch.clipByValue", () -> Momentum.pytorch().learningRate(0.01).momentum(0.9).clipByValue(0.2), false),
            new Case("Nesterov.textbook.clipByGlobalNorm", () -> Nesterov.textbook().clipByGlobalNorm(0.5), true),
            new Case("NAdam.pytorch.betas(0.95, 0.99)", () -> NAdam.pytorch().betas(0.95, 0.99), false),
            new Case("NAdam.pytorch decoupled", () -> NAdam.pytorch().decoupledWeightDecay(0.01), false),
            new Case("RAdam.pytorch", RAdam::pytorch, false),
            new Case("RAdam.pytorch decoupled", () -> RAdam.pytorch().decoupledWeightDecay(0.01), false),
            new Case("ASGD.pytorch t0=2", () -> ASGD.pytorch().t0(2).weightDecay(0.01), false),
            new Case("Rprop.pytorch", Rprop::pytorch, false),
            new Case("Lion.keras", () -> Lion.keras().weightDecay(0.01), false),
            new Case("Adam.pytorch.maximize", () -> Adam.pytorch().maximize(true), false),
            new Case("Nesterov.textbook.maximize", () -> Nesterov.textbook().maximize(true), true));

    static Stream<Arguments> all() {
        return ALL.stream().map(Arguments::of);
    }

    /** A closure that hands out a copy of {@code grad}, whatever point it is asked about. */
    static Differentiable constant(double[] grad) {
        return (x, g) -> {
            System.arraycopy(grad, 0, g, 0, grad.length);
            return Double.NaN;
        };
    }

    /** One step with {@code grad}: directly, or through a closure for the look-ahead optimizers. */
    static void step(Case c, Optimizer optimizer, double[] params, double[] grad) {
        if (c.lookAhead()) {
            optimizer.step(params, constant(grad));
        } else {
            optimizer.step(params, grad);
        }
    }

    /** The test quadratic below as something that evaluates gradients (for closure steps; captures nothing). */
    static final Differentiable QUADRATIC = (x, g) -> {
        quadraticGradient(x, g);
        return Double.NaN;
    };

    /**
     * One step on the test quadratic from where {@code params} is: through {@link #QUADRATIC} for the
     * look-ahead optimizers, else with its gradient at {@code params} written into {@code grad}.
     */
    static void quadraticStep(Case c, Optimizer optimizer, double[] params, double[] grad) {
        if (c.lookAhead()) {
            optimizer.step(params, QUADRATIC);
        } else {
            quadraticGradient(params, grad);
            optimizer.step(params, grad);
        }
    }

    /** {@link #quadraticStep(Case, Optimizer, double[], double[])} with a fresh gradient array. */
    static void quadraticStep(Case c, Optimizer optimizer, double[] params) {
        quadraticStep(c, optimizer, params, new double[params.length]);
    }

    /** The gradient at θ of f(θ) = Σ ½·(i%5 + 1)·(θᵢ − 1)², a well-behaved quadratic. */
    static void quadraticGradient(double[] x, double[] grad) {
        for (int i = 0; i < x.length; i++) {
            grad[i] = (i % 5 + 1) * (x[i] - 1);
        }
    }
}
