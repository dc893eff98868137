package course.schedule;

import course.Validate;

/**
 * PyTorch's {@code CosineAnnealingLR}, in its closed form: the learning rate follows half a cosine
 * from ε₀ down to η_min over {@code T_max} steps,
 *
 * <pre>
 *   ε_k = η_min + (ε₀ − η_min) · (1 + cos(π k / T_max)) / 2
 * </pre>
 *
 * Defaults as PyTorch: η_min = 0; {@code T_max} has none. The formula is not capped at
 * {@code T_max}: past it the learning rate climbs back to ε₀ at 2·T_max and so on (period
 * 2·T_max), as PyTorch's scheduler does if stepped on. For a sharp restart use
 * {@link CosineWarmRestarts}; for a cosine that stays at its floor, Keras's {@link CosineDecay}.
 * With η_min = 0 the learning rate is exactly 0 at step {@code T_max}.
 *
 * <p>PyTorch computes this in a chainable form: each step multiplies (ε − η_min) by the ratio of
 * consecutive cosine factors, with a special additive case at the bottom of each period. It agrees
 * with the closed form (to about 1e-13 relative over a few hundred steps) as long as nothing else
 * changes the learning rate.
 */
public final class CosineAnnealing implements LearningRateSchedule {
    private final double initial;
    private final long tMax;
    private final double etaMin;

    /** η_min = 0, PyTorch's default. */
    public CosineAnnealing(double learningRate, long tMax) {
        this(learningRate, tMax, 0);
    }

    public CosineAnnealing(double learningRate, long tMax, double etaMin) {
        this.initial = Validate.positive("learning rate", learningRate);
        this.tMax = Steps.positive("T_max", tMax);
        this.etaMin = Validate.nonNegative("eta_min", etaMin);
        if (etaMin > learningRate) {
            throw new IllegalArgumentException("eta_min (" + etaMin + ") must not exceed the learning rate ("
                    + learningRate + "): it is the floor the cosine falls to");
        }
    }

    @Override
    public double learningRate(long step) {
        Steps.check(step);
        return etaMin + (initial - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
    }

    @Override
    public String toString() {
        return "CosineAnnealing[PyTorch CosineAnnealingLR](lr=" + initial + ", T_max=" + tMax + ", eta_min=" + etaMin
                + ")";
    }
}
