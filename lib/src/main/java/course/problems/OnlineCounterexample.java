package course.problems;

import course.Validate;
import course.optim.Optimizer;

/**
 * The online problem on which Adam fails to converge (Reddi, Kale and Kumar, "On the convergence of
 * Adam and beyond", ICLR 2018, section 3): linear losses on the interval [−1, 1],
 * <pre>
 *   f_t(x) = C·x   when t ≡ 1 (mod period),   f_t(x) = −x   otherwise   (t = 1, 2, ...).
 * </pre>
 * Over one period the losses add up to (C − (period − 1))·x, so for C &gt; period − 1 the best fixed
 * point is x* = −1. The paper's Theorem 1 uses period 3 and C &gt; 2: with β₁ = 0,
 * β₂ = 1/(1 + C²) and the step α/√t, Adam drifts to x = +1, the worst point, because the one large
 * gradient that points the right way is divided by a √v it has just inflated, while the small
 * gradients pointing the wrong way are divided by a √v that has decayed again by the time they come.
 * AMSGrad keeps the largest v and so cannot be pulled back. Section 5's synthetic experiment
 * (1010·x once every 101 steps, −10·x otherwise, β = (0.9, 0.99)) is the same problem scaled:
 * {@code new OnlineCounterexample(101, 101)}.
 *
 * <p>{@link #run} plays the online game with any optimizer: at step t it sets the learning rate to
 * α/√t, takes one step with the gradient of f_t at the current point, and projects back onto [−1, 1].
 */
public final class OnlineCounterexample {
    private final double c;
    private final int period;

    public OnlineCounterexample(double c, int period) {
        this.c = Validate.positive("C", c);
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2 (one large step and at least one small one), got "
                    + period);
        }
        this.period = period;
    }

    /** The paper's Theorem 1 instance: C = 3, period 3 (C·x once every three steps, −x otherwise). */
    public static OnlineCounterexample theorem() {
        return new OnlineCounterexample(3, 3);
    }

    /** The paper's synthetic experiment, divided by 10: 101·x once every 101 steps, −x otherwise. */
    public static OnlineCounterexample experiment() {
        return new OnlineCounterexample(101, 101);
    }

    public double c() {
        return c;
    }

    public int period() {
        return period;
    }

    /** True at the steps t (from 1) that carry the large loss C·x. */
    public boolean isLargeStep(long t) {
        checkStep(t);
        return t % period == 1 % period;
    }

    /** The derivative of f_t (the same everywhere: f_t is linear). */
    public double gradient(long t) {
        return isLargeStep(t) ? c : -1;
    }

    /** f_t(x). */
    public double loss(long t, double x) {
        return gradient(t) * x;
    }

    /** The sum of the losses over one period, per unit of x: C − (period − 1). */
    public double slopePerPeriod() {
        return c - (period - 1);
    }

    /** The best fixed point in hindsight over whole periods: −1 if C &gt; period − 1, +1 if less, 0 on a tie. */
    public double optimum() {
        return -Math.signum(slopePerPeriod());
    }

    /** x clamped to the feasible set [−1, 1]. */
    public static double project(double x) {
        return Math.max(-1, Math.min(1, x));
    }

    /**
     * Plays {@code steps} rounds from x₀: at round t the optimizer's learning rate is set to α/√t, it
     * steps with f_t'(x), and the result is projected onto [−1, 1]. Returns x₀, x₁, ..., x_steps. The
     * optimizer is reset first, so its state starts empty.
     */
    public double[] run(Optimizer optimizer, double alpha, int steps, double x0) {
        Validate.notNull("optimizer", optimizer);
        Validate.positive("alpha", alpha);
        Validate.positive("steps", steps);
        if (!(x0 >= -1 && x0 <= 1)) {
            throw new IllegalArgumentException("x0 must lie in [−1, 1], got " + x0);
        }
        optimizer.reset();
        double[] xs = new double[steps + 1];
        double[] point = {x0}, grad = new double[1];
        xs[0] = x0;
        for (int t = 1; t <= steps; t++) {
            optimizer.setLearningRate(alpha / Math.sqrt(t));
            grad[0] = gradient(t);
            optimizer.step(point, grad);
            point[0] = project(point[0]);
            xs[t] = point[0];
        }
        return xs;
    }

    /**
     * The regret after each round: R_T = Σ_{t≤T} f_t(x_t) − min over x in [−1, 1] of Σ_{t≤T} f_t(x),
     * for the points x_t at which the losses were suffered (x_t = xs[t − 1], the point before step t).
     * Entry T holds R_T; entry 0 is 0.
     */
    public double[] regret(double[] xs) {
        Validate.notEmpty("xs", xs);
        int rounds = xs.length - 1;
        double[] regret = new double[rounds + 1];
        double suffered = 0, slope = 0;
        for (int t = 1; t <= rounds; t++) {
            suffered += loss(t, xs[t - 1]);
            slope += gradient(t);
            regret[t] = suffered + Math.abs(slope);   // min over [−1, 1] of slope·x is −|slope|
        }
        return regret;
    }

    /** The mean of the last {@code count} entries of xs: where a run has settled. */
    public static double tailMean(double[] xs, int count) {
        Validate.positive("count", count);
        if (count > xs.length) {
            throw new IllegalArgumentException("count " + count + " exceeds the run's length " + xs.length);
        }
        double sum = 0;
        for (int i = xs.length - count; i < xs.length; i++) {
            sum += xs[i];
        }
        return sum / count;
    }

    private static void checkStep(long t) {
        if (t < 1) {
            throw new IllegalArgumentException("steps count from 1, got t = " + t);
        }
    }

    @Override
    public String toString() {
        return "f_t(x) = " + (c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c)) + "·x once every "
                + period + " steps, −x otherwise, on [−1, 1]";
    }
}
