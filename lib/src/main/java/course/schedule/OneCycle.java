package course.schedule;

import course.Validate;
import java.util.Locale;

/**
 * PyTorch's {@code OneCycleLR} (Smith's one-cycle policy, as fastai runs it), exactly as PyTorch
 * defines it, with its momentum cycling. With T = {@code total_steps}, p = {@code pct_start},
 * ε_max = {@code max_lr}:
 *
 * <pre>
 *   ε_initial = ε_max / div_factor          ε_min = ε_initial / final_div_factor
 *
 *   two phases (default)                         three phases (three_phase = True)
 *   phase 1: steps 0 … pT − 1                    phase 1: steps 0 … pT − 1
 *            ε_initial → ε_max, β_max → β_base            ε_initial → ε_max, β_max → β_base
 *   phase 2: … T − 1                             phase 2: … 2pT − 2
 *            ε_max → ε_min, β_base → β_max                ε_max → ε_initial, β_base → β_max
 *                                                phase 3: … T − 1
 *                                                         ε_initial → ε_min, β_max constant
 * </pre>
 *
 * Within a phase from step a to step b (the phase ends above may be fractional, e.g. pT − 1 =
 * 29.0 for T = 100, 39.4 for T = 101 and p = 0.4), with x = (k − a)/(b − a):
 * <pre>
 *   cos:    value = end + (start − end)/2 · (cos(π x) + 1)      (anneal_strategy 'cos', default)
 *   linear: value = (end − start) · x + start                    (anneal_strategy 'linear')
 * </pre>
 * A step belongs to the first phase whose end it does not exceed; phase 1 starts at a = 0. The
 * momentum β (SGD's momentum, Adam's β₁) moves against the learning rate: from β_max down to β_base
 * while the rate rises, back up while it falls.
 *
 * <p>Defaults as PyTorch: {@code pct_start = 0.3}, {@code anneal_strategy = 'cos'},
 * {@code cycle_momentum = True}, {@code base_momentum = 0.85}, {@code max_momentum = 0.95},
 * {@code div_factor = 25}, {@code final_div_factor = 1e4}, {@code three_phase = False};
 * {@code max_lr} and {@code total_steps} have none.
 *
 * <p>The schedule is defined for steps 0 … T − 1, the T optimizer steps of the cycle; a later
 * step is refused. (PyTorch lets its scheduler be stepped once more, to step T, where it
 * extrapolates the last phase past its end: with 'cos' the rate mirrors step T − 2, 5.1e-5
 * instead of ε_min = 4e-7 for max_lr 0.1 and T = 100; with 'linear' it overshoots to a negative
 * rate, −0.0014.) PyTorch accepts any {@code pct_start} in [0, 1]; here the phases must
 * each span more than a step, so 0 &lt; p &lt; 1, pT &gt; 1 and, with three phases, 2pT − 2 &lt; T − 1.
 */
public final class OneCycle implements LearningRateSchedule {

    /** How a phase moves from its start value to its end value. */
    public enum Anneal {
        COS, LINEAR;

        /** 'cos' or 'linear', PyTorch's names. */
        public static Anneal of(String name) {
            if ("cos".equals(name)) {
                return COS;
            }
            if ("linear".equals(name)) {
                return LINEAR;
            }
            throw new IllegalArgumentException("anneal_strategy must be 'cos' or 'linear', got '" + name + "'");
        }

        double between(double start, double end, double x) {
            if (this == COS) {
                double cosOut = Math.cos(Math.PI * x) + 1;
                return end + (start - end) / 2.0 * cosOut;
            }
            return (end - start) * x + start;
        }
    }

    private final double maxLr;
    private final long totalSteps;
    private final double pctStart;
    private final Anneal anneal;
    private final boolean cycleMomentum;
    private final double baseMomentum;
    private final double maxMomentum;
    private final double divFactor;
    private final double finalDivFactor;
    private final boolean threePhase;

    // the phases: last step (possibly fractional), start and end learning rate and momentum
    private final double[] phaseEnd;
    private final double[] startLr;
    private final double[] endLr;
    private final double[] startMomentum;
    private final double[] endMomentum;

    /** A cycle of {@code totalSteps} steps peaking at {@code maxLr}, with PyTorch's defaults. */
    public OneCycle(double maxLr, long totalSteps) {
        this(maxLr, totalSteps, 0.3, Anneal.COS, true, 0.85, 0.95, 25.0, 1e4, false);
    }

    private OneCycle(double maxLr, long totalSteps, double pctStart, Anneal anneal, boolean cycleMomentum,
            double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
        this.maxLr = Validate.positive("max_lr", maxLr);
        this.totalSteps = Steps.positive("total_steps", totalSteps);
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pct_start must lie strictly between 0 and 1 (the fraction of the "
                    + "cycle spent raising the learning rate), got " + pctStart);
        }
        this.pctStart = pctStart;
        this.anneal = Steps.notNull("anneal_strategy", anneal);
        this.cycleMomentum = cycleMomentum;
        this.baseMomentum = Validate.unitInterval("base_momentum", baseMomentum);
        this.maxMomentum = Validate.unitInterval("max_momentum", maxMomentum);
        if (baseMomentum > maxMomentum) {
            throw new IllegalArgumentException("base_momentum (" + baseMomentum + ") must not exceed max_momentum ("
                    + maxMomentum + "): the momentum falls from max_momentum to base_momentum while the learning "
                    + "rate rises");
        }
        this.divFactor = Validate.positive("div_factor", divFactor);
        this.finalDivFactor = Validate.positive("final_div_factor", finalDivFactor);
        this.threePhase = threePhase;

        double initialLr = maxLr / divFactor;
        double minLr = initialLr / finalDivFactor;
        double end1 = pctStart * totalSteps - 1;
        if (!(end1 > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pct_start × total_steps must exceed 1 so "
                    + "that the rising phase spans more than one step, got %s × %d = %s: raise pct_start or "
                    + "total_steps", pctStart, totalSteps, pctStart * totalSteps));
        }
        double last = totalSteps - 1;
        if (threePhase) {
            double end2 = 2 * pctStart * totalSteps - 2;
            if (!(end2 < last)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "with three_phase the first two phases "
                        + "end at step 2 × pct_start × total_steps − 2 = %s, which must be below the last step "
                        + "total_steps − 1 = %d: use a pct_start below about 0.5", end2, totalSteps - 1));
            }
            phaseEnd = new double[] {end1, end2, last};
            startLr = new double[] {initialLr, maxLr, initialLr};
            endLr = new double[] {maxLr, initialLr, minLr};
            startMomentum = new double[] {maxMomentum, baseMomentum, maxMomentum};
            endMomentum = new double[] {baseMomentum, maxMomentum, maxMomentum};
        } else {
            phaseEnd = new double[] {end1, last};
            startLr = new double[] {initialLr, maxLr};
            endLr = new double[] {maxLr, minLr};
            startMomentum = new double[] {maxMomentum, baseMomentum};
            endMomentum = new double[] {baseMomentum, maxMomentum};
        }
    }

    private OneCycle with(double pctStart, Anneal anneal, boolean cycleMomentum, double baseMomentum,
            double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
        return new OneCycle(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor,
                finalDivFactor, threePhase);
    }

    /** A copy with another {@code pct_start} (default 0.3). */
    public OneCycle pctStart(double pctStart) {
        return with(pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy with another annealing strategy (default {@link Anneal#COS}). */
    public OneCycle annealStrategy(Anneal strategy) {
        return with(pctStart, strategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor,
                threePhase);
    }

    /** A copy with another annealing strategy by PyTorch's name: 'cos' or 'linear'. */
    public OneCycle annealStrategy(String strategy) {
        return annealStrategy(Anneal.of(strategy));
    }

    /** A copy with another {@code div_factor} (default 25): ε_initial = max_lr / div_factor. */
    public OneCycle divFactor(double divFactor) {
        return with(pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy with another {@code final_div_factor} (default 1e4): ε_min = ε_initial / final_div_factor. */
    public OneCycle finalDivFactor(double finalDivFactor) {
        return with(pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy with or without the third phase (default without). */
    public OneCycle threePhase(boolean threePhase) {
        return with(pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy cycling the momentum between these bounds (defaults 0.85 and 0.95). */
    public OneCycle momentum(double baseMomentum, double maxMomentum) {
        return with(pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy that cycles the momentum or leaves it alone (default: cycles). */
    public OneCycle cycleMomentum(boolean cycle) {
        return with(pctStart, anneal, cycle, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** The number of steps in the cycle. */
    public long totalSteps() {
        return totalSteps;
    }

    private int phase(long step) {
        Steps.check(step);
        if (step >= totalSteps) {
            throw new IllegalArgumentException("step " + step + " is past the cycle: OneCycle is defined for steps 0 to "
                    + (totalSteps - 1) + " (total_steps = " + totalSteps + ")");
        }
        int i = 0;
        while (i < phaseEnd.length - 1 && step > phaseEnd[i]) {
            i++;
        }
        return i;
    }

    private double position(int phase, long step) {
        double start = phase == 0 ? 0 : phaseEnd[phase - 1];
        return (step - start) / (phaseEnd[phase] - start);
    }

    @Override
    public double learningRate(long step) {
        int i = phase(step);
        return anneal.between(startLr[i], endLr[i], position(i, step));
    }

    /** The momentum coefficient of this step, or NaN if the momentum is not cycled. */
    @Override
    public double momentum(long step) {
        int i = phase(step);
        return cycleMomentum ? anneal.between(startMomentum[i], endMomentum[i], position(i, step)) : Double.NaN;
    }

    @Override
    public String toString() {
        return "OneCycle[PyTorch OneCycleLR](max_lr=" + maxLr + ", total_steps=" + totalSteps + ", pct_start="
                + pctStart + ", anneal_strategy='" + anneal.name().toLowerCase(Locale.ROOT) + "', div_factor="
                + divFactor + ", final_div_factor=" + finalDivFactor + ", three_phase=" + threePhase
                + (cycleMomentum ? ", base_momentum=" + baseMomentum + ", max_momentum=" + maxMomentum
                        : ", cycle_momentum=false") + ")";
    }
}
