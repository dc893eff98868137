package course.optim;

import course.Validate;

/**
 * What Adam, AdaMax, NAdam and RAdam share: the decays β₁ of the first moment (the momentum, which the
 * one-cycle policy cycles) and β₂ of the second, both 0.9 and 0.999 by default in every convention,
 * an ε whose default and place depend on the convention, and decoupled weight decay as an option.
 */
public abstract class AdamFamily<O extends AdamFamily<O>> extends TunableOptimizer<O> implements MomentumAware {
    protected double beta1 = 0.9;
    protected double beta2 = 0.999;
    protected double epsilon;
    private boolean decoupled;

    protected AdamFamily(String algorithm, Convention convention, double learningRate, double epsilon) {
        super(algorithm, convention, learningRate);
        this.epsilon = epsilon;
    }

    public O betas(double beta1, double beta2) {
        this.beta1 = Validate.unitInterval("beta1", beta1);
        this.beta2 = Validate.unitInterval("beta2", beta2);
        return self();
    }

    public O epsilon(double epsilon) {
        this.epsilon = Validate.nonNegative("epsilon", epsilon);
        return self();
    }

    /**
     * Weight decay decoupled from the gradient: the weights shrink by lr·λ before the step,
     * θ ← (1 − lr·λ)θ, instead of λθ joining the gradient (AdamW; PyTorch's
     * {@code decoupled_weight_decay=True} of NAdam and RAdam; Keras decouples always). Build-time, like
     * PyTorch's flag: it stays on.
     */
    public O decoupledWeightDecay(double weightDecay) {
        decoupled = true;
        return weightDecay(weightDecay);
    }

    /** Whether {@link #decoupledWeightDecay(double)} was chosen (Keras decouples without it). */
    protected final boolean decoupledByChoice() {
        return decoupled;
    }

    @Override
    protected boolean decoupledWeightDecay() {
        return decoupled || super.decoupledWeightDecay();
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    /** β₁, the first moment's decay. */
    @Override
    public double momentum() {
        return beta1;
    }

    @Override
    public void setMomentum(double momentum) {
        this.beta1 = Validate.unitInterval("beta1", momentum);
    }

    /** "lr=…, betas=(…, …), eps=…", the start of every member's description. */
    protected final String adamHyperparameters() {
        return "lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon;
    }
}
