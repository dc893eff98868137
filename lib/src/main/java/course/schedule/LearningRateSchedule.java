package course.schedule;

import course.optim.MomentumAware;
import course.optim.Optimizer;
import java.util.function.DoubleFunction;

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
 *
 * <p>Two forms, as the frameworks have them. Built with its rates ({@code new StepDecay(0.1, 30)}), a
 * schedule <em>is</em> the learning rate, as in Keras ({@code SGD(learning_rate=ExponentialDecay(0.1,
 * …))}): whatever rate the optimizer was built with is overwritten from the first step. Built with
 * {@link #fromBaseRate} ({@code fromBaseRate(η₀ -> new StepDecay(η₀, 30))}), it reads its base rate η₀ from
 * the optimizer it is given to, as PyTorch's {@code StepLR(optimizer, 30)} reads the optimizer's
 * {@code lr}: the rate is then written once, on the optimizer.
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

    /**
     * The schedule to run with {@code optimizer}. A schedule built with its rates returns itself; one built
     * with {@link #fromBaseRate} returns the schedule for the optimizer's current learning rate, a fresh one
     * each call (so a stateful schedule such as {@link ReduceLROnPlateau} starts afresh). A training loop
     * calls it once, before the first step ({@code Trainer.schedule} does); reading the rate then, not at
     * every step, matters because the schedule itself changes the optimizer's rate.
     */
    default LearningRateSchedule forOptimizer(Optimizer optimizer) {
        Steps.notNull("optimizer", optimizer);
        return this;
    }

    /**
     * A schedule that takes its base rate η₀ from the optimizer, PyTorch's form:
     * {@code fromBaseRate(η₀ -> new CosineAnnealing(η₀, 1000))} is PyTorch's
     * {@code CosineAnnealingLR(optimizer, T_max=1000)}, and {@code fromBaseRate(η₀ -> new OneCycle(2 * η₀,
     * 1000))} peaks at twice the optimizer's rate. {@code shape} is called with η₀ by
     * {@link #forOptimizer(Optimizer)}; until then the schedule has no rates, and asking it for one is an
     * error that says so.
     */
    static LearningRateSchedule fromBaseRate(DoubleFunction<? extends LearningRateSchedule> shape) {
        return new BaseRateSchedule(Steps.notNull("shape (a function from the base rate to a schedule)", shape));
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
