package course.schedule;

import course.display.Table;
import java.util.Locale;

/**
 * A numerical look at the Robbins–Monro conditions for a learning-rate schedule: SGD with noisy
 * gradients converges (under the usual assumptions) when
 *
 * <pre>
 *   Σ ε_k = ∞     (the steps add up to any distance: the iterate can reach the minimum)
 *   Σ ε_k² &lt; ∞   (the accumulated gradient noise, whose variance grows like Σ ε_k², stays bounded)
 * </pre>
 *
 * (Deep Learning, §8.3.1.) {@link #check} adds up ε_k and ε_k² for k = 0 … 10ⁿ − 1
 * with compensated (Neumaier) summation and reports the partial sums at the horizons 10, 100, …, 10ⁿ
 * (default n = 7, ten million steps), for tables and plots.
 *
 * <h2>The verdict, and why it is only an indication</h2>
 * No finite computation can decide whether a series diverges. The criterion used: let Δ and Δ' be
 * the growth of the partial sum over the last two decades, Δ = S(10ⁿ) − S(10ⁿ⁻¹),
 * Δ' = S(10ⁿ⁻¹) − S(10ⁿ⁻²), and r = Δ / Δ'. If every later decade kept shrinking the growth by the
 * same ratio r (exactly what happens for ε_k ∝ k^(−p), where r = 10^(1−p)), the part of the sum
 * beyond the horizon would be Δ·r/(1 − r). The series <em>appears to converge</em> when this
 * projected remainder is at most {@code tolerance} (default 1%) of the partial sum, i.e. the sum
 * has visibly settled; it <em>appears to diverge</em> otherwise, in particular when r ≥ 1 (a
 * constant grows ten times more each decade; 1/k by the same amount, ln 10, each decade).
 *
 * <p>It reads the four classic cases right: a constant rate (Σε² diverges), ε₀/(k+1) (Σε diverges,
 * Σε² converges: both conditions hold), ε₀/(k+1)² (Σε converges) and an exponential decay (Σε
 * converges, after a few hundred steps). It can be wrong about series that settle more slowly than
 * the horizon shows: Σ k^(−1.1) converges, but its remainder after 10⁷ terms is still about 20% of
 * the sum, so it is reported as diverging; a schedule that is constant for 10⁸ steps and decays
 * afterwards looks constant. It reads Σ 1/(k ln k) (which diverges) as diverging.
 */
public final class RobbinsMonro {
    /** Horizons up to 10⁷ steps by default. */
    public static final int DEFAULT_DECADES = 7;
    /** The projected remainder allowed for "appears to converge": 1% of the partial sum. */
    public static final double DEFAULT_TOLERANCE = 0.01;

    private RobbinsMonro() {
    }

    /**
     * One series' partial sums at the horizons, the growth ratio r of the last decade over the one
     * before, the projected remainder beyond the last horizon (∞ when r ≥ 1) and the verdict.
     */
    public record Series(double[] partialSums, double lastRatio, double projectedRemainder, boolean converges) {
        public Series {
            partialSums = partialSums.clone();
        }

        @Override
        public double[] partialSums() {
            return partialSums.clone();
        }

        /** The partial sum at the last horizon. */
        public double last() {
            return partialSums[partialSums.length - 1];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (sum %.6g at the last horizon, last-decade growth ratio %.4g, "
                    + "projected remainder %.4g)", converges ? "appears to converge" : "appears to diverge", last(),
                    lastRatio, projectedRemainder);
        }
    }

    /** The partial sums of ε_k and ε_k² at the horizons, and the verdicts. */
    public record Report(String schedule, long[] horizons, Series sum, Series sumOfSquares, double tolerance) {
        public Report {
            horizons = horizons.clone();
        }

        @Override
        public long[] horizons() {
            return horizons.clone();
        }

        /** Σε_k appears to diverge (the first Robbins–Monro condition holds). */
        public boolean sumDiverges() {
            return !sum.converges();
        }

        /** Σε_k² appears to converge (the second condition holds). */
        public boolean sumOfSquaresConverges() {
            return sumOfSquares.converges();
        }

        /** Both conditions appear to hold. */
        public boolean conditionsHold() {
            return sumDiverges() && sumOfSquaresConverges();
        }

        /** Steps, Σε and Σε² at each horizon. */
        public Table table() {
            Table table = Table.of("steps", "Σε", "Σε²");
            double[] s = sum.partialSums();
            double[] s2 = sumOfSquares.partialSums();
            for (int i = 0; i < horizons.length; i++) {
                table.row(horizons[i], s[i], s2[i]);
            }
            return table;
        }

        @Override
        public String toString() {
            return schedule + ":\n  Σε  " + sum + (sumDiverges() ? ": condition Σε = ∞ holds" : ": Σε = ∞ fails")
                    + "\n  Σε² " + sumOfSquares + (sumOfSquaresConverges() ? ": condition Σε² < ∞ holds"
                            : ": Σε² < ∞ fails")
                    + "\n  (a numerical indication from " + horizons[horizons.length - 1] + " steps, tolerance "
                    + tolerance + ")";
        }
    }

    /** Sums up to 10⁷ steps, 1% tolerance. */
    public static Report check(LearningRateSchedule schedule) {
        return check(schedule, DEFAULT_DECADES, DEFAULT_TOLERANCE);
    }

    /** Sums up to 10^decades steps (3 to 9), 1% tolerance. */
    public static Report check(LearningRateSchedule schedule, int decades) {
        return check(schedule, decades, DEFAULT_TOLERANCE);
    }

    /**
     * Sums up to 10^decades steps (3 to 9; 10⁷ takes well under a second for a simple schedule) and
     * judges each series with the given tolerance (in (0, 1)).
     */
    public static Report check(LearningRateSchedule schedule, int decades, double tolerance) {
        Steps.notNull("schedule", schedule);
        if (decades < 3 || decades > 9) {
            throw new IllegalArgumentException("decades must be between 3 and 9 (horizons 10 … 10^decades steps; "
                    + "the verdict compares the last two decades), got " + decades);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie strictly between 0 and 1 (the projected "
                    + "remainder allowed, as a fraction of the partial sum; e.g. 0.01), got " + tolerance);
        }
        long[] horizons = new long[decades];
        double[] sums = new double[decades];
        double[] squares = new double[decades];
        Neumaier s = new Neumaier();
        Neumaier s2 = new Neumaier();
        long horizon = 1;
        long k = 0;
        for (int j = 0; j < decades; j++) {
            horizon *= 10;
            for (; k < horizon; k++) {
                double lr = schedule.learningRate(k);
                if (!(lr >= 0) || Double.isInfinite(lr)) {
                    throw new IllegalArgumentException("the schedule gives learning rate " + lr + " at step " + k
                            + ": the Robbins–Monro sums need finite learning rates ≥ 0");
                }
                s.add(lr);
                s2.add(lr * lr);
            }
            horizons[j] = horizon;
            sums[j] = s.value();
            squares[j] = s2.value();
        }
        return new Report(schedule.toString(), horizons, judge(sums, tolerance), judge(squares, tolerance), tolerance);
    }

    /** The verdict described in the class comment, from the last three partial sums. */
    static Series judge(double[] sums, double tolerance) {
        int n = sums.length;
        double growth = sums[n - 1] - sums[n - 2];
        double previous = sums[n - 2] - sums[n - 3];
        double ratio;
        double remainder;
        if (growth <= 0) {
            ratio = 0;
            remainder = 0;
        } else if (previous <= 0) {
            ratio = Double.POSITIVE_INFINITY;
            remainder = Double.POSITIVE_INFINITY;
        } else {
            ratio = growth / previous;
            remainder = ratio >= 1 ? Double.POSITIVE_INFINITY : growth * ratio / (1 - ratio);
        }
        return new Series(sums, ratio, remainder, remainder <= tolerance * sums[n - 1]);
    }

    /** Compensated summation (Neumaier's variant of Kahan's): accurate over 10⁷ terms. */
    private static final class Neumaier {
        private double sum;
        private double compensation;

        void add(double x) {
            double t = sum + x;
            if (Math.abs(sum) >= Math.abs(x)) {
                compensation += (sum - t) + x;
            } else {
                compensation += (x - t) + sum;
            }
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }
}
