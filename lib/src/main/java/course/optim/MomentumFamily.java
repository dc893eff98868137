package course.optim;

import course.Validate;

/**
 * What the optimizers with a momentum coefficient μ in [0, 1) share (heavy ball, Nesterov, RMSProp
 * with momentum): its fluent setter, and the {@link MomentumAware} pair a schedule uses to change it
 * between steps. Changing μ may add a velocity array at the next step (none is kept while μ = 0
 * where the convention keeps none).
 */
public abstract class MomentumFamily<O extends MomentumFamily<O>> extends TunableOptimizer<O> implements MomentumAware {
    /** μ; read it in the update loop, change it through {@link #setMomentum}. */
    protected double momentum;

    protected MomentumFamily(String algorithm, Convention convention, double learningRate, double momentum) {
        super(algorithm, convention, learningRate);
        this.momentum = Validate.unitInterval("momentum", momentum);
    }

    public O momentum(double momentum) {
        setMomentum(momentum);
        return self();
    }

    @Override
    public double momentum() {
        return momentum;
    }

    @Override
    public void setMomentum(double momentum) {
        boolean wasZero = this.momentum == 0;
        this.momentum = Validate.unitInterval("momentum", momentum);
        if (wasZero != (momentum == 0)) {  // a schedule changing μ every step re-checks the state only when it must
            stateLayoutChanged();
        }
    }
}
