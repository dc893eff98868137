package course.optim;

import course.Validate;

/**
 * RMSProp: AdaGrad with a forgetting accumulator. The squared gradients are averaged with an
 * exponential moving average, so old gradients stop shrinking the step (Deep Learning,
 * Algorithm 8.5; Hinton's lecture 6e). Variants: centered (divides by an estimate of the gradient's
 * variance instead of its raw second moment) and with heavy-ball momentum on the scaled step.
 *
 * <table>
 * <caption>The three conventions</caption>
 * <tr><th>convention</th><th>update</th><th>defaults</th></tr>
 * <tr><td>textbook (the course's Algorithm 8.5)</td><td>r ← ρr + (1−ρ)g²; θ ← θ − ε/(δ + √r)·g.
 *     The course text writes δ + √r; the printed book writes √(δ + r):
 *     {@link #epsilonInsideSqrt(boolean)} switches.</td><td>δ = 1e-6; ε and ρ not given, here 0.001 and
 *     0.9 (Hinton's suggestion)</td></tr>
 * <tr><td>PyTorch {@code RMSprop}</td><td>v ← αv + (1−α)g²; centered: ḡ ← αḡ + (1−α)g, v̄ = v − ḡ²;
 *     d = √v̄ + eps; momentum μ &gt; 0: b ← μb + g/d, θ ← θ − lr·b; else θ ← θ − lr·g/d</td>
 *     <td>lr 0.01, alpha 0.99, eps 1e-8, momentum 0</td></tr>
 * <tr><td>Keras 3 {@code RMSprop}</td><td>v ← ρv + (1−ρ)g²; centered: ḡ as PyTorch;
 *     Δ = lr·g/√(v − ḡ² + eps): epsilon inside the root; momentum: m ← μm + Δ, θ ← θ − m</td>
 *     <td>lr 0.001, rho 0.9, eps 1e-7, momentum 0</td></tr>
 * </table>
 *
 * <p>PyTorch keeps lr outside its momentum buffer, Keras inside; they agree while lr is constant.
 * The textbook's momentum version looks ahead: {@link RmsPropNesterov}.
 * DL4J's {@code RmsProp} (tested) is PyTorch's plain form with the average starting at eps:
 * {@code pytorch().rho(0.95).epsilon(1e-8).initialSquareAverage(1e-8)}; its defaults are lr 0.1, decay 0.95.
 * State: {@code square_avg}, {@code grad_avg} (centered only), {@code momentum_buffer} (momentum
 * above 0 only).
 */
public final class RmsProp extends MomentumFamily<RmsProp> {
    private double rho;
    private double epsilon;
    private boolean centered;
    private boolean epsilonInsideSqrt;
    private double initialSquareAverage;

    private RmsProp(Convention convention, double learningRate, double rho) {
        super("RMSProp", convention, learningRate, 0);
        this.rho = Validate.unitInterval("rho (alpha)", rho);
        switch (convention) {
            case PYTORCH -> epsilon = 1e-8;
            case KERAS -> {
                epsilon = 1e-7;
                epsilonInsideSqrt = true;
            }
            case TEXTBOOK -> epsilon = 1e-6;
        }
    }

    public static RmsProp pytorch() {
        return new RmsProp(Convention.PYTORCH, 0.01, 0.99);
    }

    public static RmsProp keras() {
        return new RmsProp(Convention.KERAS, 0.001, 0.9);
    }

    public static RmsProp textbook() {
        return new RmsProp(Convention.TEXTBOOK, 0.001, 0.9);
    }

    /** The decay ρ of the squared-gradient average (PyTorch calls it alpha). */
    public RmsProp rho(double rho) {
        this.rho = Validate.unitInterval("rho (alpha)", rho);
        return this;
    }

    public RmsProp epsilon(double epsilon) {
        this.epsilon = Validate.nonNegative("epsilon", epsilon);
        return this;
    }

    /** What the squared-gradient average starts at: 0 in PyTorch, Keras and the textbook; DL4J starts it at eps. */
    public RmsProp initialSquareAverage(double value) {
        this.initialSquareAverage = Validate.nonNegative("initial square average", value);
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("square_avg", initialSquareAverage);
        if (centered) {
            state.addArray("grad_avg", 0);
        }
        if (momentum != 0) {
            state.addArray("momentum_buffer", 0);
        }
    }

    public RmsProp epsilonInsideSqrt(boolean inside) {
        this.epsilonInsideSqrt = inside;
        return this;
    }

    public RmsProp centered(boolean centered) {
        frameworkOnly("centered", centered);
        this.centered = centered;
        stateLayoutChanged();
        return this;
    }

    @Override
    public void setMomentum(double momentum) {
        frameworkOnly("momentum", momentum != 0);
        super.setMomentum(momentum);
    }

    private void frameworkOnly(String option, boolean used) {
        if (used && convention() == Convention.TEXTBOOK) {
            throw new IllegalArgumentException("the textbook's RMSProp box has no " + option
                    + " variant: use RmsProp.pytorch() or RmsProp.keras(), or RmsPropNesterov for the textbook's momentum version");
        }
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double lr = learningRate(), r = rho, eps = epsilon, mu = momentum;
        double[] squareAvg = state.array("square_avg");
        double[] gradAvg = centered ? state.array("grad_avg") : null;
        double[] buffer = mu != 0 ? state.array("momentum_buffer") : null;
        double decay = coupledDecay(), shrink = decoupledShrink();
        boolean inside = epsilonInsideSqrt, centre = centered, lrInside = convention() == Convention.KERAS;
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            double v = r * squareAvg[i] + (1 - r) * g * g;
            squareAvg[i] = v;
            if (centre) {
                double mean = r * gradAvg[i] + (1 - r) * g;
                gradAvg[i] = mean;
                v -= mean * mean;
            }
            double denominator = inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
            if (mu == 0) {
                params[i] = p - lr * g / denominator;
            } else if (lrInside) {
                double m = mu * buffer[i] + lr * g / denominator;
                buffer[i] = m;
                params[i] = p - m;
            } else {
                double b = mu * buffer[i] + g / denominator;
                buffer[i] = b;
                params[i] = p - lr * b;
            }
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", rho=" + rho + ", eps=" + epsilon + (epsilonInsideSqrt ? " (inside √)" : "")
                + (centered ? ", centered" : "") + (momentum == 0 ? "" : ", momentum=" + momentum);
    }
}
