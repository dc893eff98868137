package course.optim;

import course.Validate;

/**
 * AdaDelta (Zeiler, 2012): RMSProp's denominator, and in the numerator a running RMS of the past
 * updates instead of a learning rate, so the step has the units of θ:
 * <pre>
 *   E[g²] ← ρE[g²] + (1−ρ)g²
 *   Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g
 *   E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²
 *   θ ← θ − lr·Δ
 * </pre>
 * All conventions share the formula; they differ in defaults only. Textbook (Zeiler's paper, which
 * has no learning rate): lr 1, ρ 0.95, ε 1e-6. PyTorch {@code Adadelta}: lr 1.0, rho 0.9, eps 1e-6.
 * Keras 3 {@code Adadelta}: lr 0.001, rho 0.95, eps 1e-7 — at that rate it barely moves, because
 * Keras multiplies a step that is already in θ's units by 0.001.
 * DL4J's {@code AdaDelta} (tested) has no learning rate at all: lr 1, as in the paper.
 * State: {@code square_avg} (E[g²]), {@code acc_delta} (E[Δ²]).
 */
public final class AdaDelta extends TunableOptimizer<AdaDelta> {
    private double rho;
    private double epsilon;

    private AdaDelta(Convention convention, double learningRate, double rho, double epsilon) {
        super("AdaDelta", convention, learningRate);
        this.rho = Validate.unitInterval("rho", rho);
        this.epsilon = Validate.positive("epsilon", epsilon);
    }

    public static AdaDelta pytorch() {
        return new AdaDelta(Convention.PYTORCH, 1.0, 0.9, 1e-6);
    }

    public static AdaDelta keras() {
        return new AdaDelta(Convention.KERAS, 0.001, 0.95, 1e-7);
    }

    public static AdaDelta textbook() {
        return new AdaDelta(Convention.TEXTBOOK, 1.0, 0.95, 1e-6);
    }

    public AdaDelta rho(double rho) {
        this.rho = Validate.unitInterval("rho", rho);
        return this;
    }

    /** ε must be positive here: it is what lets the very first update move at all. */
    public AdaDelta epsilon(double epsilon) {
        this.epsilon = Validate.positive("epsilon", epsilon);
        return this;
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("square_avg", 0);
        state.addArray("acc_delta", 0);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] squareAvg = state.array("square_avg"), accDelta = state.array("acc_delta");
        double lr = learningRate(), r = rho, eps = epsilon, decay = coupledDecay(), shrink = decoupledShrink();
        for (int i = from; i < to; i++) {
            double p = params[i] * shrink;
            double g = grad[i] + decay * p;
            double v = r * squareAvg[i] + (1 - r) * g * g;
            squareAvg[i] = v;
            double delta = Math.sqrt(accDelta[i] + eps) / Math.sqrt(v + eps) * g;
            accDelta[i] = r * accDelta[i] + (1 - r) * delta * delta;
            params[i] = p - lr * delta;
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", rho=" + rho + ", eps=" + epsilon;
    }
}
