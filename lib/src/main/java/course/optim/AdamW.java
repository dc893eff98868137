package course.optim;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with weight decay taken out of the gradient. Coupled
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
public final class AdamW extends Adam {

    public AdamW(Convention convention, double learningRate, double weightDecay) {
        super("AdamW", convention, learningRate);
        if (convention == Convention.TEXTBOOK) {
            epsilonInsideSqrt(false);
        }
        setWeightDecay(weightDecay);
    }

    public static AdamW pytorch() {
        return new AdamW(Convention.PYTORCH, 0.001, 0.01);
    }

    public static AdamW keras() {
        return new AdamW(Convention.KERAS, 0.001, 0.004);
    }

    public static AdamW textbook() {
        return new AdamW(Convention.TEXTBOOK, 0.001, 1e-5);
    }

    @Override
    protected boolean decoupledWeightDecay() {
        return true;
    }

    @Override
    protected double decoupledShrink() {
        return convention() == Convention.TEXTBOOK ? 1 - weightDecay() : 1 - learningRate() * weightDecay();
    }
}
