package course.schedule;

import course.Validate;
import course.optim.Optimizer;
import java.util.Arrays;

/**
 * PyTorch's {@code ReduceLROnPlateau}: the one schedule with state. Fed one metric value per epoch
 * (a validation loss, an accuracy), it multiplies the learning rate by {@code factor} once the
 * metric has not improved for more than {@code patience} epochs. PyTorch's rules, per metric value m:
 *
 * <pre>
 *   improved?  mode min, threshold_mode rel: m &lt; best · (1 − threshold)
 *              mode min, threshold_mode abs: m &lt; best − threshold
 *              mode max, threshold_mode rel: m &gt; best · (1 + threshold)
 *              mode max, threshold_mode abs: m &gt; best + threshold
 *   if improved: best = m, bad epochs = 0;  else bad epochs += 1
 *   if in cooldown: cooldown counter −= 1, bad epochs = 0   (bad epochs do not count in cooldown)
 *   if bad epochs &gt; patience:
 *       new = max(lr · factor, min_lr);  if lr − new &gt; eps: lr = new
 *       cooldown counter = cooldown;  bad epochs = 0
 * </pre>
 *
 * best starts at +∞ (min) or −∞ (max), so the first value always counts as an improvement.
 * Defaults as PyTorch: mode min, factor 0.1, patience 10, threshold 1e-4, threshold_mode rel,
 * cooldown 0, min_lr 0, eps 1e-8. Note PyTorch's 'rel' rule on negative metrics: best·(1 ± threshold)
 * then lies on the wrong side of best, so a value slightly <em>worse</em> than best counts as an
 * improvement (use 'abs' for metrics that can be negative). Unlike PyTorch this refuses a NaN or
 * infinite metric (PyTorch counts it as a bad epoch) and a factor of 0 or ≥ 1.
 *
 * <p>As a {@link LearningRateSchedule}: {@code learningRate(k)} is the learning rate of epoch k
 * (epoch 0 before any metric, epoch k after the k-th), known once k metrics have been fed.
 * Configure with the copy methods ({@code new ReduceLROnPlateau(0.1).patience(3).factor(0.5)}),
 * which return a fresh scheduler, then call {@link #step(double)} after each epoch.
 */
public final class ReduceLROnPlateau implements LearningRateSchedule {

    /** Whether the metric should go down (a loss) or up (an accuracy). */
    public enum Mode {
        MIN, MAX;

        /** 'min' or 'max', PyTorch's names. */
        public static Mode of(String name) {
            if ("min".equals(name)) {
                return MIN;
            }
            if ("max".equals(name)) {
                return MAX;
            }
            throw new IllegalArgumentException("mode must be 'min' (the metric should fall, e.g. a loss) or 'max' "
                    + "(it should rise, e.g. an accuracy), got '" + name + "'");
        }
    }

    /** Whether {@code threshold} is relative to the best value or absolute. */
    public enum ThresholdMode {
        REL, ABS;

        /** 'rel' or 'abs', PyTorch's names. */
        public static ThresholdMode of(String name) {
            if ("rel".equals(name)) {
                return REL;
            }
            if ("abs".equals(name)) {
                return ABS;
            }
            throw new IllegalArgumentException("threshold_mode must be 'rel' (relative to the best value) or 'abs' "
                    + "(absolute), got '" + name + "'");
        }
    }

    private final double initialLr;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;

    private double lr;
    private double best;
    private int badEpochs;
    private int cooldownCounter;
    private int reductions;
    private double[] history = new double[16];
    private int epochs;

    /** Starting at {@code learningRate}, with PyTorch's defaults. */
    public ReduceLROnPlateau(double learningRate) {
        this(learningRate, Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8);
    }

    private ReduceLROnPlateau(double learningRate, Mode mode, double factor, int patience, double threshold,
            ThresholdMode thresholdMode, int cooldown, double minLr, double eps) {
        this.initialLr = Validate.positive("learning rate", learningRate);
        this.mode = Steps.notNull("mode", mode);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must lie strictly between 0 and 1 (the learning rate is "
                    + "multiplied by it on a plateau, e.g. 0.1 or 0.5), got " + factor);
        }
        this.factor = factor;
        this.patience = (int) Steps.nonNegative("patience", patience);
        this.thresholdMode = Steps.notNull("threshold_mode", thresholdMode);
        this.threshold = Validate.nonNegative("threshold", threshold);
        if (thresholdMode == ThresholdMode.REL && threshold >= 1) {
            throw new IllegalArgumentException("threshold must be below 1 with threshold_mode 'rel' (it is a fraction "
                    + "of the best value, e.g. 1e-4), got " + threshold);
        }
        this.cooldown = (int) Steps.nonNegative("cooldown", cooldown);
        this.minLr = Validate.nonNegative("min_lr", minLr);
        this.eps = Validate.nonNegative("eps", eps);
        this.lr = learningRate;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.history[0] = learningRate;
    }

    private ReduceLROnPlateau copy(Mode mode, double factor, int patience, double threshold,
            ThresholdMode thresholdMode, int cooldown, double minLr, double eps) {
        return new ReduceLROnPlateau(initialLr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler watching for a metric that should fall ({@link Mode#MIN}, default) or rise. */
    public ReduceLROnPlateau mode(Mode mode) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** {@link #mode(Mode)} by PyTorch's name, 'min' or 'max'. */
    public ReduceLROnPlateau mode(String mode) {
        return mode(Mode.of(mode));
    }

    /** A fresh scheduler with another reduction factor (default 0.1), in (0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler tolerating this many epochs without improvement (default 10). */
    public ReduceLROnPlateau patience(int patience) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler with another improvement threshold (default 1e-4). */
    public ReduceLROnPlateau threshold(double threshold) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler with a relative (default) or absolute threshold. */
    public ReduceLROnPlateau thresholdMode(ThresholdMode thresholdMode) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** {@link #thresholdMode(ThresholdMode)} by PyTorch's name, 'rel' or 'abs'. */
    public ReduceLROnPlateau thresholdMode(String thresholdMode) {
        return thresholdMode(ThresholdMode.of(thresholdMode));
    }

    /** A fresh scheduler that ignores this many epochs after each reduction (default 0). */
    public ReduceLROnPlateau cooldown(int cooldown) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler that never reduces below {@code minLr} (default 0). */
    public ReduceLROnPlateau minLr(double minLr) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A fresh scheduler that skips reductions smaller than {@code eps} (default 1e-8). */
    public ReduceLROnPlateau eps(double eps) {
        return copy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    private boolean improves(double value) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? value < best * (1. - threshold) : value < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? value > best * (threshold + 1.) : value > best + threshold;
    }

    /**
     * Feeds the metric of the epoch just finished; returns the learning rate for the next epoch.
     */
    public double step(double metric) {
        if (!Double.isFinite(metric)) {
            throw new IllegalArgumentException("metric is " + metric + ": ReduceLROnPlateau needs a finite value per "
                    + "epoch (training has diverged? lower the learning rate)");
        }
        if (improves(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double reduced = Math.max(lr * factor, minLr);
            if (lr - reduced > eps) {
                lr = reduced;
                reductions++;
            }
            cooldownCounter = cooldown;
            badEpochs = 0;
        }
        epochs++;
        if (epochs == history.length) {
            history = Arrays.copyOf(history, 2 * history.length);
        }
        history[epochs] = lr;
        return lr;
    }

    /** {@link #step(double)}: what a training loop calls after each epoch. */
    @Override
    public void endEpoch(double metric) {
        step(metric);
    }

    /**
     * Sets the optimizer's learning rate to this scheduler's current one, whatever the step: the rate
     * changes only when a metric is fed ({@link #endEpoch}), not with the step count.
     */
    @Override
    public double applyTo(Optimizer optimizer, long step) {
        Steps.notNull("optimizer", optimizer);
        optimizer.setLearningRate(lr);
        return lr;
    }

    /** {@link #step(double)}, then sets the optimizer's learning rate to the new value. */
    public double step(double metric, Optimizer optimizer) {
        Steps.notNull("optimizer", optimizer);
        double next = step(metric);
        optimizer.setLearningRate(next);
        return next;
    }

    /** The current learning rate (of the next epoch). */
    public double learningRate() {
        return lr;
    }

    /** The learning rate of epoch {@code epoch}: 0 ≤ epoch ≤ {@link #epochs()}. */
    @Override
    public double learningRate(long epoch) {
        Steps.check(epoch);
        if (epoch > epochs) {
            throw new IllegalArgumentException("epoch " + epoch + " is not known yet: this scheduler has been fed "
                    + epochs + " metric value(s), so it knows epochs 0 to " + epochs + "; call step(metric) after "
                    + "each epoch");
        }
        return history[(int) epoch];
    }

    /** Metric values fed so far. */
    public int epochs() {
        return epochs;
    }

    /** Learning-rate reductions made so far. */
    public int reductions() {
        return reductions;
    }

    /** The best metric value so far (±∞ before the first). */
    public double best() {
        return best;
    }

    /** Epochs without improvement counted now. */
    public int badEpochs() {
        return badEpochs;
    }

    /** Whether the scheduler is in a cooldown after a reduction. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau[PyTorch](lr=" + lr + ", mode='" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + "', factor=" + factor + ", patience=" + patience + ", threshold=" + threshold + ", threshold_mode='"
                + thresholdMode.name().toLowerCase(java.util.Locale.ROOT) + "', cooldown=" + cooldown + ", min_lr="
                + minLr + ", eps=" + eps + ", epochs=" + epochs + ", reductions=" + reductions + ")";
    }
}
