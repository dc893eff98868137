package course.train;

import course.Validate;
import course.data.Dataset;
import course.data.Minibatches;
import course.models.Model;
import course.models.Objective;
import course.optim.Differentiable;
import course.optim.Divergence;
import course.optim.GradientClipping;
import course.optim.Optimizer;
import course.schedule.LearningRateSchedule;

/**
 * The training loop of the course: epochs over minibatches with any optimizer and schedule.
 * <pre>
 * Trainer.Result run = Trainer.of(model, Adam.pytorch())
 *         .batchSize(32).epochs(20).seed(7)
 *         .validation(split.validation())
 *         .earlyStopping(3)
 *         .fit(params, split.train());
 * </pre>
 * Every step goes through {@link Optimizer#step(double[], Differentiable)} with the model's loss on
 * the current batch as the closure, so look-ahead optimizers (textbook Nesterov) work too; the loss
 * recorded for a step is the one the optimizer evaluated (at the look-ahead point for those).
 *
 * <p>A schedule sets the learning rate before each step ({@link #schedule(LearningRateSchedule)}) or
 * before each epoch ({@link #schedulePerEpoch(LearningRateSchedule)}, PyTorch's usual
 * {@code scheduler.step()} once per epoch). After each epoch the schedule is told the validation loss
 * ({@link LearningRateSchedule#endEpoch}; only {@code ReduceLROnPlateau} uses it) (the
 * training loss without a validation set) after each epoch.
 *
 * <p>Divergence guard: a loss or gradient that is NaN or infinite, or a loss above
 * {@link #blowUpFactor(double)} times max(1, |first loss|) ({@link Divergence#costEscaped}), stops training with {@link TrainingDiverged},
 * whose message names the step, the epoch and the learning rate.
 */
public final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private LearningRateSchedule schedule;
    private boolean perEpoch;
    private int batchSize = 32;
    private boolean withReplacement;
    private int epochs = 10;
    private long seed;
    private Dataset validation;
    private int patience = -1;
    private double minDelta;
    private double blowUpFactor = Divergence.LIMIT;
    private Progress progress;
    private String label;

    private Trainer(Model model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    public static Trainer of(Model model, Optimizer optimizer) {
        Validate.notNull("model", model);
        Validate.notNull("optimizer", optimizer);
        return new Trainer(model, optimizer);
    }

    /** Called after every epoch (and, if it wants, every step) with what was just recorded. */
    public interface Progress {
        void epochEnded(int epoch, int epochs, History history);

        default void stepEnded(long step, History history) {
        }
    }

    /** Rows per batch: 1 is SGD; the training set's size is full-batch gradient descent. */
    public Trainer batchSize(int batchSize) {
        this.batchSize = Validate.positive("batch size", batchSize);
        return this;
    }

    /** Draws batches with replacement (the textbook's i.i.d. sampling) instead of epoch permutations. */
    public Trainer withReplacement(boolean withReplacement) {
        this.withReplacement = withReplacement;
        return this;
    }

    public Trainer epochs(int epochs) {
        this.epochs = Validate.positive("epochs", epochs);
        return this;
    }

    /** The seed of the batch order: the same seed, the same run. */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Sets the learning rate before every step k (k from 0). A schedule built with
     * {@link LearningRateSchedule#fromBaseRate} reads its base rate from this trainer's optimizer now.
     */
    public Trainer schedule(LearningRateSchedule schedule) {
        this.schedule = bound(schedule);
        this.perEpoch = false;
        return this;
    }

    /** Sets the learning rate before every epoch e (e from 0), as PyTorch schedulers stepped per epoch. */
    public Trainer schedulePerEpoch(LearningRateSchedule schedule) {
        this.schedule = bound(schedule);
        this.perEpoch = true;
        return this;
    }

    private LearningRateSchedule bound(LearningRateSchedule schedule) {
        return schedule == null ? null : schedule.forOptimizer(optimizer);
    }

    public Trainer validation(Dataset validation) {
        this.validation = validation;
        return this;
    }

    /**
     * Stops when the validation loss has not improved by more than {@code minDelta} for
     * {@code patience} epochs in a row (Keras's rule; 0 counts as 1), and restores the parameters of
     * the best epoch.
     */
    public Trainer earlyStopping(int patience, double minDelta) {
        this.patience = (int) Validate.nonNegative("patience", patience);
        this.minDelta = Validate.nonNegative("minDelta", minDelta);
        return this;
    }

    public Trainer earlyStopping(int patience) {
        return earlyStopping(patience, 0);
    }

    /** A loss above this multiple of the first step's loss counts as divergence (default 10⁶). */
    public Trainer blowUpFactor(double factor) {
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the blow-up factor must be a finite number above 1, got " + factor);
        }
        this.blowUpFactor = factor;
        return this;
    }

    public Trainer progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** The run's name in tables and legends (default: the optimizer's description). */
    public Trainer label(String label) {
        this.label = label;
        return this;
    }

    /** What {@link #fit} returns. */
    public record Result(History history, double[] params, int bestEpoch, boolean stoppedEarly) {
    }

    /**
     * Trains {@code params} (updated in place) on {@code train}. Returns the history, the final
     * parameters (the best epoch's with early stopping), the best epoch (from 1; 0 without a
     * validation set) and whether early stopping ended the run.
     */
    public Result fit(double[] params, Dataset train) {
        Validate.notNull("training set", train);
        Validate.notNull("params", params);
        if (params.length != model.parameterCount()) {
            throw new IllegalArgumentException(model.name() + " has " + model.parameterCount()
                    + " parameters but params has " + params.length + ": start from model.initialParameters(seed)");
        }
        if (batchSize > train.size()) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the training set ("
                    + train.size() + " rows): use at most " + train.size() + " (full batch)");
        }
        checkFeatures("training set", train);
        if (validation != null) {
            checkFeatures("validation set", validation);
        }
        Minibatches batches = withReplacement ? Minibatches.withReplacement(train.size(), batchSize, seed)
                : Minibatches.withoutReplacement(train.size(), batchSize, seed);
        Objective batchLoss = model.objective(train, batches);
        NormRecorder closure = new NormRecorder(batchLoss);
        History history = new History(label != null ? label : optimizer.toString(), model.metricName());

        long start = System.nanoTime();
        long step = 0;
        double firstLoss = Double.NaN;
        double bestValidation = Double.POSITIVE_INFINITY;
        double[] best = null;
        int bestEpoch = 0, sinceBest = 0;
        boolean stoppedEarly = false;
        for (int epoch = 0; epoch < epochs && !stoppedEarly; epoch++) {
            if (schedule != null && perEpoch) {
                schedule.applyTo(optimizer, epoch);
            }
            double lossSum = 0;
            int batchCount = 0;
            while (batches.next()) {
                if (schedule != null && !perEpoch) {
                    schedule.applyTo(optimizer, step);
                }
                double loss;
                try {
                    loss = optimizer.step(params, closure);
                } catch (Divergence e) {
                    throw diverged("the gradient is not finite (" + e.getMessage() + ")", step + 1, epoch, history, e);
                }
                step++;
                if (Double.isNaN(firstLoss)) {
                    firstLoss = loss;
                }
                if (!Double.isFinite(loss)) {
                    throw diverged("the loss is " + loss, step, epoch, history, null);
                }
                if (Divergence.costEscaped(firstLoss, loss, blowUpFactor)) {
                    throw diverged("the loss blew up from " + firstLoss + " to " + loss, step, epoch, history, null);
                }
                history.addStep(epoch, loss, optimizer.learningRate(), closure.lastNorm, seconds(start));
                if (progress != null) {
                    progress.stepEnded(step, history);
                }
                lossSum += loss;
                batchCount++;
            }
            for (double p : params) {
                if (!Double.isFinite(p)) {
                    throw diverged("a parameter is not finite after the epoch", step, epoch, history, null);
                }
            }
            double validationLoss = validation == null ? Double.NaN : model.loss(params, validation);
            double validationMetric = validation == null ? Double.NaN : model.metric(params, validation);
            history.addEpoch(lossSum / batchCount, validationLoss, validationMetric, optimizer.learningRate(),
                    seconds(start));
            if (schedule != null) {
                schedule.endEpoch(validation == null ? lossSum / batchCount : validationLoss);
            }
            if (validation != null && patience >= 0) {
                if (validationLoss < bestValidation - minDelta) {
                    bestValidation = validationLoss;
                    best = params.clone();
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                } else if (++sinceBest >= Math.max(1, patience)) {
                    stoppedEarly = true;
                }
            } else if (validation != null && validationLoss < bestValidation) {
                bestValidation = validationLoss;
                bestEpoch = epoch + 1;
            }
            if (progress != null) {
                progress.epochEnded(epoch + 1, epochs, history);
            }
        }
        if (stoppedEarly && best != null) {
            System.arraycopy(best, 0, params, 0, params.length);
        }
        return new Result(history, params, bestEpoch, stoppedEarly);
    }

    private void checkFeatures(String what, Dataset data) {
        if (data.featureCount() != model.featureCount()) {
            throw new IllegalArgumentException("the " + what + " has " + data.featureCount() + " features but "
                    + model.name() + " reads " + model.featureCount());
        }
    }

    private TrainingDiverged diverged(String what, long step, int epoch, History history, Throwable cause) {
        double lr = optimizer.learningRate();
        return new TrainingDiverged("training diverged at step " + step + " (epoch " + (epoch + 1) + "): " + what
                + ", with learning rate " + lr + " (" + optimizer + "). Lower the learning rate (try " + lr / 10
                + "), clip the gradient (Clipped.byGlobalNorm), or standardize the features.", step, history, cause);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The batch loss as a closure that also remembers the norm of the gradient it produced. */
    private static final class NormRecorder implements Differentiable {
        private final Differentiable objective;
        private double lastNorm = Double.NaN;

        NormRecorder(Differentiable objective) {
            this.objective = objective;
        }

        @Override
        public double valueAndGradient(double[] x, double[] grad) {
            double value = objective.valueAndGradient(x, grad);
            lastNorm = GradientClipping.norm(grad);
            return value;
        }
    }
}
