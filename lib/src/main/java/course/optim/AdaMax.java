package course.optim;

import course.Validate;

/**
 * AdaMax (Kingma and Ba, 2015, Algorithm 2): Adam with the L² norm of past gradients replaced by
 * the L∞ norm, u ← max(β₂u, |g|), which needs no bias correction:
 * θ ← θ − (lr/(1−β₁^t))·m/u.
 * <ul>
 * <li>textbook (the paper): no epsilon; lr 0.002, β (0.9, 0.999). While every gradient so far was
 *     zero, u and m are both zero and the step is taken as zero.</li>
 * <li>PyTorch {@code Adamax}: u ← max(β₂u, |g| + eps), eps inside the max; lr 0.002, eps 1e-8.</li>
 * <li>Keras 3 {@code Adamax}: u ← max(β₂u, |g|); θ ← θ − lr_t·m/(u + eps); lr 0.001, eps 1e-7.</li>
 * </ul>
 * DL4J's {@code AdaMax} (tested) is the paper's: its configured epsilon does not enter the update.
 * State: {@code m}, {@code u}.
 */
public final class AdaMax extends AdamFamily<AdaMax> {

    private AdaMax(Convention convention, double learningRate) {
        super("AdaMax", convention, learningRate, switch (convention) {
            case PYTORCH -> 1e-8;
            case KERAS -> 1e-7;
            case TEXTBOOK -> 0;
        });
    }

    public static AdaMax pytorch() {
        return new AdaMax(Convention.PYTORCH, 0.002);
    }

    public static AdaMax keras() {
        return new AdaMax(Convention.KERAS, 0.001);
    }

    public static AdaMax textbook() {
        return new AdaMax(Convention.TEXTBOOK, 0.002);
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("m", 0);
        state.addArray("u", 0);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] m = state.array("m"), u = state.array("u");
        double b1 = beta1, b2 = beta2, decay = coupledDecay(), shrink = decoupledShrink();
        double stepSize = learningRate() / (1 - Math.pow(b1, t));
        double epsInMax = convention() == Convention.PYTORCH ? epsilon : 0;
        double epsOnU = convention() == Convention.PYTORCH ? 0 : epsilon;
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            double mi = b1 * m[i] + (1 - b1) * g;
            double ui = Math.max(b2 * u[i], Math.abs(g) + epsInMax);
            m[i] = mi;
            u[i] = ui;
            // u = 0 only while every gradient so far was 0, and then m = 0 too: take the step as 0, not 0/0
            double denominator = Math.max(ui + epsOnU, Double.MIN_NORMAL);
            params[i] = p - stepSize * (mi / denominator);
        }
    }

    @Override
    protected String hyperparameters() {
        return adamHyperparameters();
    }
}
