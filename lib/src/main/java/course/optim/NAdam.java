package course.optim;

import course.Validate;

/**
 * NAdam (Dozat, 2016): Adam with Nesterov's look-ahead folded into the first moment, and a momentum
 * coefficient that warms up: μ_t = β₁(1 − ½·0.96^(t·ψ)). With the product Π_t = μ₁⋯μ_t,
 * <pre>
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,   v̂ = v/(1−β₂^t)
 *   θ ← θ − lr·[ (1−μ_t)/(1−Π_t)·g + μ_{t+1}/(1−Π_t·μ_{t+1})·m ] / (√v̂ + eps)
 * </pre>
 * <ul>
 * <li>textbook (Dozat's paper, μ_t with 0.96^(t/250), i.e. ψ = 0.004) and PyTorch {@code NAdam}
 *     (momentum_decay ψ = 0.004): lr 0.002, β (0.9, 0.999), eps 1e-8.</li>
 * <li>Keras 3 {@code Nadam}: μ_t = β₁(1 − ½·0.96^t), i.e. ψ = 1: the momentum warms up within a
 *     few dozen steps instead of thousands; lr 0.001, eps 1e-7.</li>
 * </ul>
 * PyTorch 1.13's default (single-tensor) NAdam computed Π_{t+1} as Π_t·μ_t·μ_{t+1}, counting μ_t
 * twice; PyTorch 2.0 fixed it (pytorch/pytorch#92699). This class follows the corrected definition,
 * which the parity test checks against PyTorch 2.15's default implementation.
 * DL4J's {@code Nadam} (tested) is another algorithm under the same name: no momentum schedule and
 * no bias correction of v, θ ← θ − lr·(β₁m̂ + (1−β₁)g/(1−β₁^t))/(√v + eps), so its first steps are
 * up to 1/√(1−β₂) ≈ 31.6 times larger than PyTorch's or Keras's.
 * State: {@code m}, {@code v} and the scalar {@code mu_product} (Π_t), saved and restored with the
 * rest, so a checkpoint taken while a schedule changes β₁ continues exactly.
 */
public final class NAdam extends AdamFamily<NAdam> {
    private double momentumDecay;

    private NAdam(Convention convention, double learningRate) {
        super("NAdam", convention, learningRate, convention == Convention.KERAS ? 1e-7 : 1e-8);
        momentumDecay = convention == Convention.KERAS ? 1 : 0.004;
    }

    public static NAdam pytorch() {
        return new NAdam(Convention.PYTORCH, 0.002);
    }

    public static NAdam keras() {
        return new NAdam(Convention.KERAS, 0.001);
    }

    public static NAdam textbook() {
        return new NAdam(Convention.TEXTBOOK, 0.002);
    }

    /**
     * ψ in μ_t = β₁(1 − ½·0.96^(tψ)): PyTorch's momentum_decay (0.004). Keras's schedule is fixed at
     * ψ = 1 and Dozat's at ψ = 0.004, so only those values are accepted in their conventions.
     */
    public NAdam momentumDecay(double psi) {
        Validate.nonNegative("momentum decay", psi);
        double fixed = convention() == Convention.KERAS ? 1 : 0.004;
        if (convention() != Convention.PYTORCH && psi != fixed) {
            throw new IllegalArgumentException("momentum_decay is PyTorch's option; the " + convention().label()
                    + " convention fixes ψ = " + fixed + " (use NAdam.pytorch() to choose it)");
        }
        this.momentumDecay = psi;
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("m", 0);
        state.addArray("v", 0);
        state.addScalar("mu_product", 1);
    }

    /** Π_t = μ₁⋯μ_t with each μ taken at its own step's β₁ (a schedule may change β₁ between steps). */
    @Override
    protected void beginStep(OptimizerState state, long t) {
        state.setScalar("mu_product", state.scalar("mu_product") * momentumFactor(t));
    }

    /** μ_t = β₁(1 − ½·0.96^(tψ)), the momentum schedule. */
    private double momentumFactor(long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] m = state.array("m"), v = state.array("v");
        double b1 = beta1, b2 = beta2, eps = epsilon, decay = coupledDecay(), shrink = decoupledShrink();
        double mu = momentumFactor(t);
        double muNext = momentumFactor(t + 1);
        double lr = learningRate(), muProduct = state.scalar("mu_product");
        double gradientWeight = lr * (1 - mu) / (1 - muProduct);
        double momentWeight = lr * muNext / (1 - muProduct * muNext);
        double correction2 = 1 - Math.pow(b2, t);
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            double mi = b1 * m[i] + (1 - b1) * g;
            double vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            double denominator = Math.sqrt(vi / correction2) + eps;
            params[i] = p - gradientWeight * (g / denominator) - momentWeight * (mi / denominator);
        }
    }

    @Override
    protected String hyperparameters() {
        return adamHyperparameters()
                + ", momentum_decay=" + momentumDecay;
    }
}
