package course.optim;

import course.Validate;
import java.util.Arrays;

/**
 * How one optimizer run went, measured the way the lessons compare optimizers: the number of steps
 * until the cost falls to a target and stays there, whether the run diverged (and at which step), and
 * how much it oscillated on the way (the steps on which the cost went up, and by how much in all).
 *
 * <pre>
 * Convergence run = Convergence.measure(Momentum.textbook().learningRate(0.1), bowl, bowl.startPoint(), 1e-6, 5000);
 * run.stepsToTarget();   // 107, or -1 if the target was not reached
 * run.versus(other, 0.05);  // WIN, TIE or LOSS against another run on the same problem
 * </pre>
 *
 * <p>The cost is read at the parameters θ after every step (for the textbook's Nesterov also at θ,
 * not at its look-ahead point), with a separate evaluation of the objective.
 *
 * <p>Reaching the target means staying there: a ball with momentum can fly through the minimum, its
 * cost dipping below the target for one step and rising again. So {@link #stepsToTarget()} is the
 * step from which the cost stays at or below the target until the run ends, and {@link #firstHit()}
 * the first step at which it was there at all. A run does not stop at the target: it goes on until
 * the cost is {@value #SETTLE} times the target (for a positive target; at the target itself
 * otherwise), a margin that a fly-through does not reach in practice, after {@code maxSteps} steps, or
 * when it diverges: a cost or parameter that is NaN or infinite, a cost whose size exceeds
 * {@link Divergence#LIMIT} times max(1, |f(θ₀)|), or a gradient the optimizer refuses as non-finite.
 */
public final class Convergence {
    /** A run with a positive target stops once the cost is this fraction of the target. */
    public static final double SETTLE = 1e-4;

    /** The result of comparing two runs on the same problem, seen from the first. */
    public enum Outcome {
        /** Reached the target in clearly fewer steps, or reached it where the other did not. */
        WIN,
        /** Both reached it within the tie margin of each other, or neither reached it. */
        TIE,
        /** The mirror image of a win. */
        LOSS
    }

    private final String label;
    private final double target;
    private final int maxSteps;
    private final int stepsToTarget;
    private final int firstHit;
    private final int divergedAt;
    private final double[] values;
    private final int rises;
    private final double climb;

    private Convergence(String label, double target, int maxSteps, int stepsToTarget, int firstHit, int divergedAt,
                        double[] values, int rises, double climb) {
        this.label = label;
        this.target = target;
        this.maxSteps = maxSteps;
        this.stepsToTarget = stepsToTarget;
        this.firstHit = firstHit;
        this.divergedAt = divergedAt;
        this.values = values;
        this.rises = rises;
        this.climb = climb;
    }

    /** {@link #measure(String, Optimizer, Differentiable, double[], double, int)} labelled by the optimizer. */
    public static Convergence measure(Optimizer optimizer, Differentiable objective, double[] start, double target,
                                      int maxSteps) {
        return measure(optimizer == null ? "?" : optimizer.toString(), optimizer, objective, start, target, maxSteps);
    }

    /**
     * Runs a copy of {@code optimizer} (with whatever state it has; pass a fresh one) from {@code start}
     * until the cost has settled below {@code target} (see the class comment), for at most
     * {@code maxSteps} steps, or until it diverges. Neither the optimizer nor {@code start} is changed.
     */
    public static Convergence measure(String label, Optimizer optimizer, Differentiable objective, double[] start,
                                      double target, int maxSteps) {
        Validate.notNull("optimizer", optimizer);
        Validate.notNull("objective", objective);
        Validate.finite("start", Validate.notEmpty("start", start));
        Validate.positive("maxSteps", maxSteps);
        if (Double.isNaN(target)) {
            throw new IllegalArgumentException("target must be a number, got NaN");
        }
        Optimizer run = optimizer.copy();
        double[] params = start.clone();
        double[] grad = new double[params.length];
        double[] values = new double[maxSteps + 1];
        double first = objective.valueAndGradient(params, grad);
        if (!Double.isFinite(first)) {
            throw new IllegalArgumentException("the objective must return a finite value at the start (Convergence "
                    + "reads the cost after every step), got " + first);
        }
        values[0] = first;
        int rises = 0;
        double climb = 0;
        int k = 0;
        int firstHit = first <= target ? 0 : -1;
        int lastAbove = first <= target ? -1 : 0;
        int divergedAt = -1;
        double settle = target > 0 ? target * SETTLE : target;
        while (first > settle && k < maxSteps) {
            try {
                run.step(params, objective);
            } catch (Divergence refused) {
                // the optimizer refuses a non-finite gradient: the run has blown up
                divergedAt = k + 1;
                break;
            }
            k++;
            double value = objective.valueAndGradient(params, grad);
            if (Double.isNaN(value) || Divergence.escaped(first, value, params)) {
                divergedAt = k;
                k--;  // this step's cost is not recorded
                break;
            }
            values[k] = value;
            if (value > values[k - 1]) {
                rises++;
                climb += value - values[k - 1];
            }
            if (value > target) {
                lastAbove = k;
            } else if (firstHit < 0) {
                firstHit = k;
            }
            if (value <= settle) {
                break;
            }
        }
        boolean endsBelow = divergedAt < 0 && values[k] <= target;
        return new Convergence(label, target, maxSteps, endsBelow ? lastAbove + 1 : -1, firstHit, divergedAt,
                Arrays.copyOf(values, k + 1), rises, climb);
    }

    public String label() {
        return label;
    }

    public double target() {
        return target;
    }

    /** The step budget the run was given. */
    public int maxSteps() {
        return maxSteps;
    }

    /** True when the cost reached the target and stayed there until the run ended (without diverging). */
    public boolean reached() {
        return stepsToTarget >= 0;
    }

    /**
     * The step k from which f(θ_j) ≤ target for every recorded j ≥ k (0 if the start already is and
     * it never rose above), or −1 if the run ended above the target or diverged.
     */
    public int stepsToTarget() {
        return stepsToTarget;
    }

    /** The first step k with f(θ_k) ≤ target, even if the cost rose above it again (−1 if never). */
    public int firstHit() {
        return firstHit;
    }

    /** True when the run blew up (see the class comment). */
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The step at which it blew up, or −1. */
    public int divergedAt() {
        return divergedAt;
    }

    /** The steps whose cost was recorded: until it settled, the budget, or the last finite step. */
    public int stepsRun() {
        return values.length - 1;
    }

    /** f(θ_k) for k = 0 … {@link #stepsRun()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The last recorded cost. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** How many steps raised the cost: a measure of oscillation. */
    public int rises() {
        return rises;
    }

    /** The share of the recorded steps that raised the cost (0 for a run of no steps). */
    public double riseFraction() {
        return stepsRun() == 0 ? 0 : (double) rises / stepsRun();
    }

    /** The total of all rises of the cost, Σ max(0, f_k − f_{k−1}): how far it climbed back uphill in all. */
    public double climb() {
        return climb;
    }

    /**
     * This run against {@code other} (on the same problem and target): a win when this one reached the
     * target and the other did not, or in fewer than (1 − tieMargin) times the other's steps; a tie
     * when neither reached it or the two step counts are within that margin; otherwise a loss.
     */
    public Outcome versus(Convergence other, double tieMargin) {
        Validate.notNull("other run", other);
        Validate.fraction("tie margin", tieMargin);
        if (!reached() && !other.reached()) {
            return Outcome.TIE;
        }
        if (!other.reached()) {
            return Outcome.WIN;
        }
        if (!reached()) {
            return Outcome.LOSS;
        }
        if (stepsToTarget < (1 - tieMargin) * other.stepsToTarget) {
            return Outcome.WIN;
        }
        if (other.stepsToTarget < (1 - tieMargin) * stepsToTarget) {
            return Outcome.LOSS;
        }
        return Outcome.TIE;
    }

    /** "107 steps", "diverged at step 12", "below at step 79, not settled in 5000 steps" or "not reached in 5000 steps". */
    public String summary() {
        if (reached()) {
            return stepsToTarget + " steps";
        }
        if (diverged()) {
            return "diverged at step " + divergedAt;
        }
        if (firstHit >= 0) {
            return "below at step " + firstHit + ", not settled in " + maxSteps + " steps";
        }
        return "not reached in " + maxSteps + " steps";
    }

    @Override
    public String toString() {
        return label + ": " + summary() + ", cost rose on " + rises + " of " + stepsRun() + " steps";
    }
}
