package course.schedule;

import course.Validate;
import java.util.Locale;

/**
 * PyTorch's {@code CyclicLR} (Smith, Cyclical Learning Rates, 2017): the learning rate climbs
 * linearly from {@code base_lr} to {@code max_lr} over {@code step_size_up} steps, falls back over
 * {@code step_size_down} steps, and repeats; the momentum (SGD's momentum, Adam's β₁) moves the
 * other way, from {@code max_momentum} down to {@code base_momentum} at the peak. With
 * L = up + down, r = up/L and, at step k, c = ⌊1 + k/L⌋ (the cycle, from 1) and x = 1 + k/L − c,
 *
 * <pre>
 *   h = x/r            if x ≤ r      (rising)
 *   h = (x − 1)/(r − 1) otherwise    (falling)
 *   ε_k = base_lr + (max_lr − base_lr) · h · s,    β_k = max_momentum − (max_momentum − base_momentum) · h · s
 *   s = 1 (triangular),  1/2^(c−1) (triangular2: each cycle half as high),  γ^k (exp_range)
 * </pre>
 *
 * Defaults as PyTorch: step_size_up = 2000, step_size_down = step_size_up, mode triangular,
 * γ = 1, momentum cycled between 0.8 and 0.9. base_lr and max_lr have none. PyTorch's custom
 * {@code scale_fn} is not offered. PyTorch's {@code cycle_momentum=True} (its default) also turns
 * momentum on for an SGD built without any (it sets the group's momentum, 0 before, to 0.9);
 * here the momentum reaches only optimizers that have one ({@link course.optim.MomentumAware}), so
 * plain gradient descent stays plain.
 */
public final class Cyclic implements LearningRateSchedule {

    /** How the height of each cycle is scaled. */
    public enum Mode {
        /** Every cycle as high as the first. */
        TRIANGULAR("triangular"),
        /** Each cycle half as high as the one before: s = 1/2^(cycle − 1). */
        TRIANGULAR2("triangular2"),
        /** The height shrinks every step: s = γ^k. */
        EXP_RANGE("exp_range");

        private final String torchName;

        Mode(String torchName) {
            this.torchName = torchName;
        }

        /** The mode by PyTorch's name: 'triangular', 'triangular2' or 'exp_range'. */
        public static Mode of(String name) {
            for (Mode mode : values()) {
                if (mode.torchName.equals(name)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("mode must be 'triangular', 'triangular2' or 'exp_range', got '" + name
                    + "'");
        }

        @Override
        public String toString() {
            return torchName;
        }
    }

    private final double baseLr;
    private final double maxLr;
    private final long stepSizeUp;
    private final long stepSizeDown;
    private final Mode mode;
    private final double gamma;
    private final boolean cycleMomentum;
    private final double baseMomentum;
    private final double maxMomentum;

    /** Up and down over {@code stepSizeUp} steps each, triangular, momentum 0.9 → 0.8 → 0.9: PyTorch's defaults. */
    public Cyclic(double baseLr, double maxLr, long stepSizeUp) {
        this(baseLr, maxLr, stepSizeUp, stepSizeUp, Mode.TRIANGULAR, 1.0, true, 0.8, 0.9);
    }

    /** PyTorch's defaults with its default {@code step_size_up = 2000}. */
    public Cyclic(double baseLr, double maxLr) {
        this(baseLr, maxLr, 2000);
    }

    private Cyclic(double baseLr, double maxLr, long stepSizeUp, long stepSizeDown, Mode mode, double gamma,
            boolean cycleMomentum, double baseMomentum, double maxMomentum) {
        this.baseLr = Validate.positive("base_lr", baseLr);
        this.maxLr = Validate.positive("max_lr", maxLr);
        this.stepSizeUp = Steps.positive("step_size_up", stepSizeUp);
        this.stepSizeDown = Steps.positive("step_size_down", stepSizeDown);
        this.mode = Steps.notNull("mode", mode);
        this.gamma = Steps.decayFactor("gamma", gamma);
        this.cycleMomentum = cycleMomentum;
        this.baseMomentum = Validate.unitInterval("base_momentum", baseMomentum);
        this.maxMomentum = Validate.unitInterval("max_momentum", maxMomentum);
    }

    private Cyclic with(long down, Mode mode, double gamma, boolean cycle, double baseMomentum, double maxMomentum) {
        return new Cyclic(baseLr, maxLr, stepSizeUp, down, mode, gamma, cycle, baseMomentum, maxMomentum);
    }

    /** A copy falling over {@code steps} steps (default: as many as it rises). */
    public Cyclic stepSizeDown(long steps) {
        return with(steps, mode, gamma, cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with another mode (default {@link Mode#TRIANGULAR}). */
    public Cyclic mode(Mode mode) {
        return with(stepSizeDown, mode, gamma, cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with another mode by PyTorch's name. */
    public Cyclic mode(String mode) {
        return mode(Mode.of(mode));
    }

    /** A copy with another γ, in (0, 1], which only {@link Mode#EXP_RANGE} uses (default 1). */
    public Cyclic gamma(double gamma) {
        return with(stepSizeDown, mode, gamma, cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy cycling the momentum between these bounds (defaults 0.8 and 0.9). */
    public Cyclic momentum(double baseMomentum, double maxMomentum) {
        return with(stepSizeDown, mode, gamma, cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy that cycles the momentum or leaves it alone (default: cycles). */
    public Cyclic cycleMomentum(boolean cycle) {
        return with(stepSizeDown, mode, gamma, cycle, baseMomentum, maxMomentum);
    }

    /** h · s of step {@code step}: 0 at base_lr, 1 at the first peak. */
    private double height(long step) {
        Steps.check(step);
        double total = stepSizeUp + stepSizeDown;
        double ratio = stepSizeUp / total;
        double cycle = Math.floor(1 + step / total);
        double x = 1.0 + step / total - cycle;
        double h = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        double scale = switch (mode) {
            case TRIANGULAR -> 1.0;
            case TRIANGULAR2 -> 1 / Math.pow(2.0, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, step);
        };
        return h * scale;
    }

    @Override
    public double learningRate(long step) {
        return baseLr + (maxLr - baseLr) * height(step);
    }

    /** The momentum of this step: max_momentum at base_lr, base_momentum at the peak; NaN if not cycled. */
    @Override
    public double momentum(long step) {
        double h = height(step);
        return cycleMomentum ? maxMomentum - (maxMomentum - baseMomentum) * h : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Cyclic[PyTorch CyclicLR](base_lr=%s, max_lr=%s, step_size_up=%d, "
                + "step_size_down=%d, mode=%s%s%s)", baseLr, maxLr, stepSizeUp, stepSizeDown, mode,
                mode == Mode.EXP_RANGE ? ", gamma=" + gamma : "",
                cycleMomentum ? ", base_momentum=" + baseMomentum + ", max_momentum=" + maxMomentum
                        : ", cycle_momentum=false");
    }
}
