package course.schedule;

import course.optim.Convention;
import course.optim.GradientDescent;
import course.optim.MomentumAware;
import course.optim.Optimizer;
import course.optim.OptimizerState;
import course.optim.TunableOptimizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Applying schedules to optimizers between steps. */
class ApplyToOptimizerTest {

    /** A heavy-ball optimizer just for these tests: v = βv + g, θ = θ − εv. */
    static final class HeavyBall extends TunableOptimizer<HeavyBall> implements MomentumAware {
        private double momentum;

        HeavyBall(double learningRate, double momentum) {
            super("HeavyBall", Convention.PYTORCH, learningRate);
            this.momentum = momentum;
        }

        @Override
        protected void initState(OptimizerState state) {
            state.addArray("velocity", 0);
        }

        @Override
        protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
            double[] v = state.array("velocity");
            for (int i = from; i < to; i++) {
                v[i] = momentum * v[i] + grad[i];
                params[i] -= learningRate() * v[i];
            }
        }

        @Override
        protected String hyperparameters() {
            return "lr=" + learningRate() + ", momentum=" + momentum;
        }

        @Override
        public double momentum() {
            return momentum;
        }

        @Override
        public void setMomentum(double momentum) {
            this.momentum = momentum;
        }
    }

    @Test
    void stepDecayDrivesGradientDescent() {
        // f(x) = x^2: x <- x (1 - 2 eps_k), eps = 0.1, 0.1, 0.01, 0.01, 0.001, 0.001
        GradientDescent gd = GradientDescent.textbook().learningRate(1.0);
        StepDecay schedule = new StepDecay(0.1, 2);
        double[] x = {1.0};
        for (int k = 0; k < 6; k++) {
            assertEquals(schedule.learningRate(k), schedule.applyTo(gd, k), 0.0);
            assertEquals(schedule.learningRate(k), gd.learningRate(), 0.0);
            gd.step(x, new double[] {2 * x[0]});
        }
        double expected = 0.8 * 0.8 * 0.98 * 0.98 * 0.998 * 0.998;
        assertEquals(expected, x[0], 1e-15);
    }

    @Test
    void oneCycleSetsMomentumOnMomentumAwareOptimizers() {
        OneCycle schedule = new OneCycle(0.1, 100);
        HeavyBall hb = new HeavyBall(1.0, 0.5);
        for (int k = 0; k < 100; k++) {
            schedule.applyTo(hb, k);
            assertEquals(schedule.learningRate(k), hb.learningRate(), 0.0);
            assertEquals(schedule.momentum(k), hb.momentum(), 0.0);
        }
        assertEquals(0.95, hb.momentum(), 1e-12);
        // an optimizer without momentum just gets the learning rate
        GradientDescent gd = GradientDescent.textbook().learningRate(1.0);
        assertEquals(schedule.learningRate(40), schedule.applyTo(gd, 40), 0.0);
        assertEquals(schedule.learningRate(40), gd.learningRate(), 0.0);
    }

    @Test
    void schedulesWithoutMomentumLeaveItAlone() {
        HeavyBall hb = new HeavyBall(1.0, 0.7);
        new CosineAnnealing(0.1, 10).applyTo(hb, 3);
        new OneCycle(0.1, 100).cycleMomentum(false).applyTo(hb, 3);
        assertEquals(0.7, hb.momentum(), 0.0);
    }

    @Test
    void warmupPassesTheInnerMomentumThrough() {
        OneCycle inner = new OneCycle(0.1, 100);
        LinearWarmup before = LinearWarmup.before(inner, 0.5, 10);
        assertEquals(inner.momentum(0), before.momentum(5), 0.0);
        assertEquals(inner.momentum(20), before.momentum(30), 0.0);
        LinearWarmup scaling = LinearWarmup.scaling(inner, 0.5, 10);
        assertEquals(inner.momentum(30), scaling.momentum(30), 0.0);
    }

    @Test
    void plateauStepSetsTheOptimizer() {
        GradientDescent gd = GradientDescent.textbook().learningRate(1.0);
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(0.1).patience(0);
        plateau.step(1.0, gd);
        assertEquals(0.1, gd.learningRate(), 0.0);
        plateau.step(1.0, gd); // no improvement, patience 0: 0.1 * 0.1
        assertEquals(0.1 * 0.1, gd.learningRate(), 0.0);
        assertEquals(0.1 * 0.1, plateau.applyTo(GradientDescent.textbook().learningRate(1.0), 2), 0.0);
    }

    @Test
    void aScheduleMayEndAtZeroAndThenTheStepChangesNothing() {
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        assertEquals(0.0, PolynomialDecay.pytorch(0.1).applyTo(gd, 5), 0.0);
        double[] x = {1.5, -2.0};
        gd.step(x, new double[] {3.0, 4.0});
        assertEquals(1.5, x[0], 0.0);
        assertEquals(-2.0, x[1], 0.0);
    }
}
