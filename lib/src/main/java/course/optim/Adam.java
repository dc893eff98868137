package course.optim;

import course.Validate;

/**
 * Adam (Kingma and Ba, 2015; Deep Learning, Algorithm 8.7): momentum on the gradient (first moment
 * s) and RMSProp's scaling (second moment r), both exponential averages started at zero and
 * therefore bias-corrected by 1/(1−ρ^t). {@link #biasCorrection(boolean)} turns the correction off,
 * to show what it is for: s and r both start at zero, but the step divides s (short by 1−β₁) by √r
 * (short by √(1−β₂)), so the uncorrected first step is (1−β₁)/√(1−β₂) times the corrected one:
 * √10 ≈ 3.16 times too LARGE with the default betas (too small only where 1−β₁ &lt; √(1−β₂),
 * e.g. β₁ = 0.99).
 * {@link #amsgrad(boolean)} keeps the running maximum of r (Reddi, Kale and Kumar, 2018).
 *
 * <table>
 * <caption>The three conventions</caption>
 * <tr><th>convention</th><th>update</th><th>defaults</th></tr>
 * <tr><td>textbook (the course's Algorithm 8.7)</td><td>ŝ = s/(1−ρ₁^t), r̂ = r/(1−ρ₂^t);
 *     θ ← θ − ε·ŝ/√(r̂ + δ). The course text puts δ inside the root; the printed book and the paper
 *     write ŝ/(√r̂ + δ): {@link #epsilonInsideSqrt(boolean)} switches.</td>
 *     <td>ε 0.001, ρ₁ 0.9, ρ₂ 0.999, δ 1e-8</td></tr>
 * <tr><td>PyTorch {@code Adam}</td><td>θ ← θ − (lr/(1−β₁^t))·m/(√v/√(1−β₂^t) + eps): eps added to
 *     √v̂, as in the paper; amsgrad: max over the raw v, then corrected</td>
 *     <td>lr 0.001, betas (0.9, 0.999), eps 1e-8</td></tr>
 * <tr><td>Keras 3 {@code Adam}</td><td>α = lr·√(1−β₂^t)/(1−β₁^t); θ ← θ − α·m/(√v + eps): eps added
 *     to the uncorrected √v, so it weighs √(1−β₂^t) times less than PyTorch's early on
 *     (DL4J does the same); amsgrad: max over the raw v</td><td>lr 0.001, betas (0.9, 0.999),
 *     eps 1e-7</td></tr>
 * </table>
 * Weight decay is coupled (L2, added to g) in PyTorch's Adam and the textbook, decoupled in Keras;
 * {@link AdamW} decouples it in every convention. DL4J's {@code Adam} and {@code AMSGrad} (tested) are
 * Keras's form with eps 1e-8. State: {@code m}, {@code v}, and {@code v_max}
 * with AMSGrad only.
 */
public final class Adam extends AdamFamily<Adam> {
    private boolean amsgrad;
    private boolean biasCorrection = true;
    private boolean epsilonInsideSqrt;

    private Adam(Convention convention) {
        super("Adam", convention, 0.001, convention == Convention.KERAS ? 1e-7 : 1e-8);
        epsilonInsideSqrt = convention == Convention.TEXTBOOK;
    }

    /** PyTorch's {@code Adam}: lr 0.001, betas (0.9, 0.999), eps 1e-8. */
    public static Adam pytorch() {
        return new Adam(Convention.PYTORCH);
    }

    /** Keras 3's {@code Adam}: lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public static Adam keras() {
        return new Adam(Convention.KERAS);
    }

    /** Algorithm 8.7: ε 0.001, ρ₁ 0.9, ρ₂ 0.999, δ 1e-8 inside the square root. */
    public static Adam textbook() {
        return new Adam(Convention.TEXTBOOK);
    }

    /** AMSGrad (Reddi, Kale and Kumar, 2018): divide by the running maximum of v; see {@link AmsGrad}. */
    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        stateLayoutChanged();
        return this;
    }

    /**
     * AdamW's weight decay (see {@link AdamW}): the weights shrink by lr·λ (by λ in the textbook's
     * paper form) before the Adam step, instead of λθ joining the gradient.
     */
    @Override
    public Adam decoupledWeightDecay(double weightDecay) {
        return super.decoupledWeightDecay(weightDecay);
    }

    public Adam biasCorrection(boolean on) {
        this.biasCorrection = on;
        return this;
    }

    /** Only the textbook convention places ε differently; the frameworks' placement is fixed. */
    public Adam epsilonInsideSqrt(boolean inside) {
        if (convention() != Convention.TEXTBOOK && inside) {
            throw new IllegalArgumentException("epsilon inside the square root is the course text's Adam; "
                    + "use Adam.textbook() for it");
        }
        this.epsilonInsideSqrt = inside;
        return this;
    }

    @Override
    protected double decoupledShrink() {
        return decoupledByChoice() && convention() == Convention.TEXTBOOK ? 1 - weightDecay() : super.decoupledShrink();
    }

    @Override
    public String algorithm() {
        return decoupledByChoice() ? "AdamW" : amsgrad ? "AMSGrad" : "Adam";
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("m", 0);
        state.addArray("v", 0);
        if (amsgrad) {
            state.addArray("v_max", 0);
        }
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] m = state.array("m"), v = state.array("v"), vMax = amsgrad ? state.array("v_max") : null;
        double b1 = beta1, b2 = beta2, eps = epsilon, decay = coupledDecay(), shrink = decoupledShrink();
        double correction1 = biasCorrection ? 1 - Math.pow(b1, t) : 1;
        double correction2 = biasCorrection ? 1 - Math.pow(b2, t) : 1;
        boolean max = amsgrad;
        if (convention() == Convention.KERAS) {
            double alpha = learningRate() * Math.sqrt(correction2) / correction1;
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                double g = grad[i];
                double mi = m[i] + (g - m[i]) * (1 - b1);
                double vi = v[i] + (g * g - v[i]) * (1 - b2);
                m[i] = mi;
                v[i] = vi;
                if (max) {
                    vi = Math.max(vMax[i], vi);
                    vMax[i] = vi;
                }
                params[i] = p - alpha * mi / (Math.sqrt(vi) + eps);
            }
        } else {
            double stepSize = learningRate() / correction1, rootCorrection2 = Math.sqrt(correction2);
            boolean inside = epsilonInsideSqrt;
            for (int i = from; i < to; i++) {
                double p = params[i] * shrink;
                double g = grad[i] + decay * p;
                double mi = b1 * m[i] + (1 - b1) * g;
                double vi = b2 * v[i] + (1 - b2) * g * g;
                m[i] = mi;
                v[i] = vi;
                if (max) {
                    vi = Math.max(vMax[i], vi);
                    vMax[i] = vi;
                }
                double denominator = inside ? Math.sqrt(vi / correction2 + eps) : Math.sqrt(vi) / rootCorrection2 + eps;
                params[i] = p - stepSize * (mi / denominator);
            }
        }
    }

    @Override
    protected String hyperparameters() {
        return adamHyperparameters()
                + (epsilonInsideSqrt ? " (inside √)" : "") + (amsgrad ? ", amsgrad" : "")
                + (biasCorrection ? "" : ", no bias correction");
    }
}
