package course.schedule;

import course.Validate;

/**
 * Keras 3's {@code CosineDecayRestarts} (SGDR, Loshchilov and Hutter): cosine cycles of S, S·t,
 * S·t², … steps (S = {@code first_decay_steps}, t = {@code t_mul}), each starting lower by a factor
 * m = {@code m_mul}. With f = k/S, cycle i is the one with s_i ≤ f &lt; s_{i+1}, where
 * s_i = (t^i − 1)/(t − 1) (s_i = i when t = 1), and
 *
 * <pre>
 *   x   = (f − s_i) / t^i                                  the fraction of cycle i done, in [0, 1)
 *   ε_k = ε₀ · ((1 − α) · m^i · (1 + cos(π x)) / 2 + α)
 * </pre>
 *
 * Defaults as Keras: t_mul = 2.0, m_mul = 1.0, α = 0.0; ε₀ and S have none. The floor α·ε₀ is not
 * scaled by m^i, so with m &lt; 1 the peaks ε₀((1 − α)m^i + α) sink towards the floor, never below.
 * Keras finds i in closed form, ⌊log(1 + f(t − 1)) / log t⌋; this class does too and then moves i to
 * the cycle that really holds f, so a logarithm an ulp short of a whole number cannot put a restart
 * one step late.
 *
 * <p>How it differs from PyTorch's {@link CosineWarmRestarts} ({@code CosineAnnealingWarmRestarts}):
 * cycles double by default (PyTorch: T_mult = 1), t may be any real number ≥ 1 (PyTorch: a whole
 * number), the peaks may shrink (PyTorch has no m_mul) and the floor is a fraction of ε₀ (PyTorch's
 * eta_min is a rate). With m = 1 and a whole t the two are one schedule:
 * {@code new CosineDecayRestarts(ε₀, S, t, 1, α)} is {@code new CosineWarmRestarts(ε₀, S, t, α·ε₀)}.
 * On its JAX and PyTorch backends Keras computes the cosine and the logarithm in float32 even
 * when asked for float64 (its type promotion maps float64 to float32 there); this class computes in
 * double, as Keras's TensorFlow backend does.
 */
public final class CosineDecayRestarts implements LearningRateSchedule {
    private final double initial;
    private final long firstDecaySteps;
    private final double tMul;
    private final double mMul;
    private final double alpha;

    /** t_mul = 2, m_mul = 1, α = 0: Keras's defaults. */
    public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
        this(initialLearningRate, firstDecaySteps, 2.0, 1.0, 0.0);
    }

    public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul, double mMul,
            double alpha) {
        this.initial = Validate.positive("initial learning rate", initialLearningRate);
        this.firstDecaySteps = Steps.positive("first_decay_steps", firstDecaySteps);
        if (!(tMul >= 1) || Double.isInfinite(tMul)) {
            throw new IllegalArgumentException("t_mul must be a finite number ≥ 1 (1: every cycle first_decay_steps "
                    + "long, 2: each twice as long as the one before), got " + tMul
                    + (tMul < 1 && tMul > 0 ? " (shrinking cycles end after first_decay_steps/(1 − t_mul) steps, "
                            + "where Keras's formula gives NaN)" : ""));
        }
        this.tMul = tMul;
        this.mMul = Validate.nonNegative("m_mul", mMul);
        this.alpha = Validate.fraction("alpha", alpha);
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        double f = (double) step / firstDecaySteps;
        double cycle;
        double done;
        if (tMul == 1) {
            cycle = Math.floor(f);
            done = f - cycle;
        } else {
            cycle = Math.floor(Math.log(1 - f * (1 - tMul)) / Math.log(tMul));
            while (cycle > 0 && f < cycleStart(cycle)) {
                cycle--;
            }
            while (f >= cycleStart(cycle + 1)) {
                cycle++;
            }
            done = (f - cycleStart(cycle)) / Math.pow(tMul, cycle);
        }
        double cosine = 0.5 * Math.pow(mMul, cycle) * (1 + Math.cos(Math.PI * done));
        return initial * ((1 - alpha) * cosine + alpha);
    }

    /** s_i = (1 − t^i)/(1 − t), where cycle i starts, in units of first_decay_steps (Keras's sum_r). */
    private double cycleStart(double cycle) {
        return (1 - Math.pow(tMul, cycle)) / (1 - tMul);
    }

    @Override
    public String toString() {
        return "CosineDecayRestarts[Keras](initial_learning_rate=" + initial + ", first_decay_steps="
                + firstDecaySteps + ", t_mul=" + tMul + ", m_mul=" + mMul + ", alpha=" + alpha + ")";
    }
}
