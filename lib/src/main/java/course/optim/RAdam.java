package course.optim;

/**
 * RAdam, rectified Adam (Liu et al., 2020): Adam whose adaptive step is switched on only once the
 * second moment has averaged enough gradients to be trusted, and then scaled by a rectification
 * factor r_t that corrects the variance of the early steps (what a learning-rate warm-up does by
 * hand). With ρ_∞ = 2/(1−β₂) − 1, the length of the average, and its value at step t,
 * <pre>
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,   m̂ = m/(1−β₁^t)
 *   ρ_t = ρ_∞ − 2t·β₂^t/(1−β₂^t)
 *   ρ_t &gt; 5:  r_t = √((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t));   θ ← θ − lr·m̂·r_t·√(1−β₂^t)/(√v + eps)
 *   ρ_t ≤ 5:  θ ← θ − lr·m̂                        (momentum SGD, with bias correction)
 * </pre>
 * PyTorch {@code RAdam} (2.x): lr 0.001, betas (0.9, 0.999), eps 1e-8 (added to the uncorrected √v,
 * as Keras's Adam does), weight decay coupled (L2) unless {@link #decoupledWeightDecay(double)}
 * ({@code decoupled_weight_decay=True}: θ ← (1 − lr·λ)θ first). With the default β₂ = 0.999, ρ_t
 * passes 5 at step 6: the first five steps are plain momentum steps of size lr·m̂. Keras 3 has no RAdam.
 * State: {@code m}, {@code v}.
 */
public final class RAdam extends AdamFamily<RAdam> {

    private RAdam() {
        super("RAdam", Convention.PYTORCH, 0.001, 1e-8);
    }

    /** PyTorch's {@code RAdam}: lr 0.001, betas (0.9, 0.999), eps 1e-8, coupled weight decay. */
    public static RAdam pytorch() {
        return new RAdam();
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("m", 0);
        state.addArray("v", 0);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] m = state.array("m"), v = state.array("v");
        double b1 = beta1, b2 = beta2, eps = epsilon, decay = coupledDecay(), shrink = decoupledShrink();
        double lr = learningRate();
        double correction1 = 1 - Math.pow(b1, t), correction2 = 1 - Math.pow(b2, t);
        double rhoInfinity = 2 / (1 - b2) - 1;
        double rho = rhoInfinity - 2 * t * Math.pow(b2, t) / correction2;
        boolean rectified = rho > 5;
        double rectification = rectified ? Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity
                / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)) : 0;
        double rootCorrection2 = Math.sqrt(correction2);
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            double mi = b1 * m[i] + (1 - b1) * g;
            double vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            double step = mi / correction1 * lr;
            params[i] = rectified ? p - step * (rootCorrection2 / (Math.sqrt(vi) + eps)) * rectification : p - step;
        }
    }

    @Override
    protected String hyperparameters() {
        return adamHyperparameters();
    }
}
