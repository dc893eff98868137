package course.schedule;

import course.optim.MomentumAware;
import course.optim.Optimizer;

/**
 * A learning rate for every step: {@code learningRate(k)} is the learning rate of optimizer step k,
 * counting from 0. A schedule may also set the momentum coefficient ({@link OneCycle} does); the
 * rest return NaN from {@link #momentum(long)}, meaning "leave the momentum alone".
 *
 * <p>Every schedule here is a pure function of the step except {@link ReduceLROnPlateau}, which
 * depends on the metric values it has been fed. A lambda is a schedule too:
 * {@code LearningRateSchedule oneOverK = k -> 0.1 / (k + 1);}
 *
 * <p>Use in a training loop: {@code schedule.applyTo(optimizer, k); optimizer.step(params, grad);}
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate of step {@code step} (0 for the first optimizer step). */
    double learningRate(long step);

    /**
     * The momentum coefficient this schedule sets at {@code step}, or NaN if it does not change the
     * momentum (the default).
     */
    default double momentum(long step) {
        return Double.NaN;
    }

    /**
     * Sets the optimizer up for step {@code step}: its learning rate to {@link #learningRate(long)}
     * and, where {@link #momentum(long)} is not NaN and the optimizer is {@link MomentumAware}, its
     * momentum. An optimizer without momentum (plain gradient descent) keeps only the learning rate,
     * as PyTorch's one-cycle policy with {@code cycle_momentum=False}. Returns the learning rate set.
     *
     * @throws IllegalArgumentException if the schedule's value is negative, NaN or infinite. Zero is
     *     allowed: schedules end there (PyTorch's {@code PolynomialLR} from {@code total_iters} on, a
     *     cosine with {@code eta_min = 0} at {@code T_max}) and the step then changes nothing
     */
    default double applyTo(Optimizer optimizer, long step) {
        Steps.notNull("optimizer", optimizer);
        double lr = learningRate(step);
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("the schedule gives learning rate " + lr + " at step " + step
                    + ", but an optimizer needs a finite learning rate ≥ 0: check the schedule's parameters");
        }
        optimizer.setLearningRate(lr);
        double momentum = momentum(step);
        if (!Double.isNaN(momentum) && optimizer instanceof MomentumAware aware) {
            aware.setMomentum(momentum);
        }
        return lr;
    }

    /**
     * Told the metric of the epoch just finished (the validation loss, or the training loss without a
     * validation set) by a training loop. A pure function of the step ignores it (the default);
     * {@link ReduceLROnPlateau}, the one schedule that depends on the metric, lowers its rate.
     */
    default void endEpoch(double metric) {
    }

    /** The learning rates of steps 0 to {@code steps - 1}, for tables and plots. */
    default double[] learningRates(int steps) {
        Steps.nonNegative("steps", steps);
        double[] values = new double[steps];
        for (int k = 0; k < steps; k++) {
            values[k] = learningRate(k);
        }
        return values;
    }

    /** The momentum coefficients of steps 0 to {@code steps - 1} (NaN where the schedule sets none). */
    default double[] momenta(int steps) {
        Steps.nonNegative("steps", steps);
        double[] values = new double[steps];
        for (int k = 0; k < steps; k++) {
            values[k] = momentum(k);
        }
        return values;
    }
}
