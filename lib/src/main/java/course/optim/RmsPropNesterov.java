package course.optim;

import course.Validate;

/**
 * RMSProp with Nesterov momentum, the textbook's algorithm (Deep Learning, Algorithm 8.6):
 * <pre>
 *   θ̃ ← θ + αv;  g ← ∇f(θ̃)
 *   r ← ρr + (1−ρ)g²
 *   v ← αv − ε/(δ + √r)·g
 *   θ ← θ + v
 * </pre>
 * The course text's box writes ε/√r and lists δ without using it; we put δ where its RMSProp box
 * does (δ + √r) so the first step cannot divide by zero. Neither framework has this optimizer
 * (Keras's and PyTorch's RMSProp momentum is heavy-ball, at the current point), so it exists in the
 * textbook convention only, and it must be stepped with {@link #step(double[], Differentiable)}.
 * Defaults: ε 0.001, ρ 0.9, α 0.9, δ 1e-6. State: {@code square_avg}, {@code velocity}.
 */
public final class RmsPropNesterov extends MomentumFamily<RmsPropNesterov> {
    private double rho = 0.9;
    private double epsilon = 1e-6;

    private RmsPropNesterov(double learningRate) {
        super("RMSPropNesterov", Convention.TEXTBOOK, learningRate, 0.9);
    }

    public static RmsPropNesterov textbook() {
        return new RmsPropNesterov(0.001);
    }

    public RmsPropNesterov rho(double rho) {
        this.rho = Validate.unitInterval("rho", rho);
        return this;
    }

    public RmsPropNesterov epsilon(double epsilon) {
        this.epsilon = Validate.nonNegative("epsilon", epsilon);
        return this;
    }

    @Override
    protected boolean needsLookAhead() {
        return true;
    }

    @Override
    protected void lookAhead(double[] params, OptimizerState state, double[] point) {
        double[] velocity = state.array("velocity");
        for (int i = 0; i < params.length; i++) {
            point[i] = params[i] + momentum * velocity[i];
        }
    }

    @Override
    protected void initState(OptimizerState state) {
        state.addArray("square_avg", 0);
        state.addArray("velocity", 0);
    }

    @Override
    protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
        double[] squareAvg = state.array("square_avg"), velocity = state.array("velocity");
        double lr = learningRate(), r = rho, mu = momentum, eps = epsilon, decay = coupledDecay();
        for (int i = from; i < to; i++) {
            double g = grad[i] + decay * (params[i] + mu * velocity[i]);
            double s = r * squareAvg[i] + (1 - r) * g * g;
            squareAvg[i] = s;
            double v = mu * velocity[i] - lr / (eps + Math.sqrt(s)) * g;
            velocity[i] = v;
            params[i] += v;
        }
    }

    @Override
    protected String hyperparameters() {
        return "lr=" + learningRate() + ", rho=" + rho + ", momentum=" + momentum + ", eps=" + epsilon;
    }
}
