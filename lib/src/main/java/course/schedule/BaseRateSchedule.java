package course.schedule;

import course.optim.Optimizer;
import java.util.function.DoubleFunction;

/**
 * {@link LearningRateSchedule#fromBaseRate}: a schedule waiting for its base rate. It has no rates of its
 * own; {@link #forOptimizer} builds the real one from the optimizer's learning rate.
 */
final class BaseRateSchedule implements LearningRateSchedule {
    private final DoubleFunction<? extends LearningRateSchedule> shape;

    BaseRateSchedule(DoubleFunction<? extends LearningRateSchedule> shape) {
        this.shape = shape;
    }

    @Override
    public LearningRateSchedule forOptimizer(Optimizer optimizer) {
        Steps.notNull("optimizer", optimizer);
        double base = optimizer.learningRate();
        LearningRateSchedule bound = shape.apply(base);
        if (bound == null) {
            throw new IllegalArgumentException("fromBaseRate's function returned null for base rate " + base
                    + ": it must return the schedule for that rate, e.g. η₀ -> new StepDecay(η₀, 30)");
        }
        // a shape that returns another fromBaseRate schedule would never get its rates
        return bound.forOptimizer(optimizer);
    }

    @Override
    public double learningRate(long step) {
        throw unbound();
    }

    @Override
    public double momentum(long step) {
        throw unbound();
    }

    @Override
    public double applyTo(Optimizer optimizer, long step) {
        throw unbound();
    }

    @Override
    public void endEpoch(double metric) {
        throw unbound();
    }

    private static IllegalStateException unbound() {
        return new IllegalStateException("this schedule takes its base rate from an optimizer (fromBaseRate) and "
                + "has no rates until it gets one: give it to Trainer.schedule(...), or call "
                + "schedule.forOptimizer(optimizer) once before the loop and use what it returns");
    }

    @Override
    public String toString() {
        return "LearningRateSchedule.fromBaseRate(η₀ = the optimizer's learning rate)";
    }
}
