package course.schedule;

import course.Validate;

/**
 * PyTorch's {@code CosineAnnealingWarmRestarts} (SGDR, Loshchilov and Hutter): a cosine from ε₀
 * down towards η_min over a cycle of T_i steps, then a jump back to ε₀ ("warm restart") and a
 * cycle T_mult times as long,
 *
 * <pre>
 *   ε_k = η_min + (ε₀ − η_min) · (1 + cos(π T_cur / T_i)) / 2
 *   T_0, T_0·T_mult, T_0·T_mult², …  are the cycle lengths; T_cur = steps since the last restart
 * </pre>
 *
 * (with T_mult = 1: T_cur = k mod T_0, T_i = T_0). Defaults as PyTorch: T_mult = 1, η_min = 0;
 * T_0 has none. Within a cycle T_cur &lt; T_i, so the rate never quite reaches η_min: the step
 * that would reach it is the restart.
 */
public final class CosineWarmRestarts implements LearningRateSchedule {
    private final double initial;
    private final long t0;
    private final long tMult;
    private final double etaMin;

    /** T_mult = 1, η_min = 0: PyTorch's defaults. */
    public CosineWarmRestarts(double learningRate, long t0) {
        this(learningRate, t0, 1, 0);
    }

    public CosineWarmRestarts(double learningRate, long t0, long tMult, double etaMin) {
        this.initial = Validate.positive("learning rate", learningRate);
        this.t0 = Steps.positive("T_0", t0);
        if (tMult < 1) {
            throw new IllegalArgumentException("T_mult must be a whole number ≥ 1 (1: every cycle T_0 steps long, "
                    + "2: each cycle twice as long as the one before), got " + tMult);
        }
        this.tMult = tMult;
        this.etaMin = Validate.nonNegative("eta_min", etaMin);
        if (etaMin > learningRate) {
            throw new IllegalArgumentException("eta_min (" + etaMin + ") must not exceed the learning rate ("
                    + learningRate + "): it is the floor the cosine falls towards");
        }
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        long cycle = t0;
        long sinceRestart;
        if (tMult == 1) {
            sinceRestart = step % t0;
        } else {
            sinceRestart = step;
            while (sinceRestart >= cycle) {
                sinceRestart -= cycle;
                cycle = cycle > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : cycle * tMult;
            }
        }
        return etaMin + (initial - etaMin) * (1 + Math.cos(Math.PI * sinceRestart / cycle)) / 2;
    }

    @Override
    public String toString() {
        return "CosineWarmRestarts[PyTorch CosineAnnealingWarmRestarts](lr=" + initial + ", T_0=" + t0 + ", T_mult="
                + tMult + ", eta_min=" + etaMin + ")";
    }
}
