package course.optim;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with weight decay taken out of the gradient, built as
 * {@link Adam} with {@link Adam#decoupledWeightDecay(double)}; the factories here carry each
 * framework's AdamW defaults, and the result prints as AdamW. Coupled
 * L2 decay in Adam is divided by √v̂ like the rest of the gradient, so weights with large
 * gradients are barely regularized; decoupled decay shrinks every weight by the same factor.
 * <ul>
 * <li>PyTorch {@code AdamW}: θ ← θ·(1 − lr·weight_decay), then the Adam step; weight_decay 0.01.</li>
 * <li>Keras 3 {@code AdamW}: θ ← θ − θ·weight_decay·lr, then Keras's Adam step; weight_decay 0.004.</li>
 * <li>textbook (the paper's Algorithm 2, schedule multiplier 1): θ ← θ − λθ − α·m̂/(√v̂ + ε): λ is
 *     NOT multiplied by the learning rate, so PyTorch's weight_decay = λ/lr. Default λ = 1e-5, which
 *     equals PyTorch's default decay at lr 0.001.</li>
 * </ul>
 */
public final class AdamW {

    private AdamW() {
    }

    /** PyTorch's {@code AdamW}: lr 0.001, betas (0.9, 0.999), eps 1e-8, weight_decay 0.01. */
    public static Adam pytorch() {
        return Adam.pytorch().decoupledWeightDecay(0.01);
    }

    /** Keras 3's {@code AdamW}: lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7, weight_decay 0.004. */
    public static Adam keras() {
        return Adam.keras().decoupledWeightDecay(0.004);
    }

    /** The paper's Algorithm 2: α 0.001, ε 1e-8 outside the root, λ 1e-5 (not multiplied by α). */
    public static Adam textbook() {
        return Adam.textbook().epsilonInsideSqrt(false).decoupledWeightDecay(1e-5);
    }
}
