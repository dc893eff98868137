package course.optim;

/**
 * A run has diverged: a gradient or a cost stopped being a finite number, or the cost grew beyond
 * {@link #LIMIT} times its start. One exception and one rule for the whole course: an optimizer's
 * step throws it for a non-finite gradient; {@link Trajectory}, {@link Convergence} and
 * {@code course.train.Trainer} stop a run by {@link #costEscaped} and report it as diverged.
 */
public class Divergence extends RuntimeException {
    /** A cost beyond this many times max(1, |cost at the start|) counts as divergence. */
    public static final double LIMIT = 1e6;

    public Divergence(String message) {
        super(message);
    }

    protected Divergence(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when {@code cost} is not finite or beyond {@link #LIMIT}·max(1, |start|) in magnitude. */
    public static boolean costEscaped(double start, double cost) {
        return costEscaped(start, cost, LIMIT);
    }

    /** The same rule with another factor in place of {@link #LIMIT} (a trainer's blow-up factor). */
    public static boolean costEscaped(double start, double cost, double factor) {
        return !(Math.abs(cost) <= factor * Math.max(1, Math.abs(start)));
    }

    /**
     * The rule for a run that records its cost: diverged when a parameter is not finite, or the cost
     * escaped ({@link #costEscaped(double, double)}); where the objective gives no cost (NaN, which
     * {@link Differentiable} allows), when a coordinate exceeds {@link #LIMIT} in magnitude.
     */
    public static boolean escaped(double startCost, double cost, double[] params) {
        boolean costKnown = !Double.isNaN(startCost) && !Double.isNaN(cost);
        for (double p : params) {
            if (!Double.isFinite(p) || (!costKnown && Math.abs(p) > LIMIT)) {
                return true;
            }
        }
        return costKnown && costEscaped(startCost, cost);
    }

    /** Throws a Divergence naming the first entry of {@code values} that is not finite. */
    static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new Divergence(name + "[" + i + "] is " + values[i] + ": " + name + " must be finite "
                        + "(training has diverged? lower the learning rate or clip the gradient)");
            }
        }
    }
}
