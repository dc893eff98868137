package course.train;

import course.Validate;
import course.data.Dataset;
import course.display.Table;
import course.models.Model;
import course.optim.Convergence;
import course.optim.Differentiable;
import course.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.LongFunction;

/**
 * One optimizer run over a grid of learning rates × seeds, to measure how forgiving it is: the
 * fraction of runs that reach a target ("stability" in the lessons' comparison tables), the widest
 * range of consecutive rates at which every seed gets there, and the best rate.
 *
 * <pre>
 * LearningRateGrid grid = LearningRateGrid.onProblem("Adam", r -> Adam.keras().learningRate(r), banana,
 *         seed -> LearningRateGrid.perturbedStart(banana.startPoint(), seed, 0.1), 1e-4, 5000,
 *         new double[]{1e-3, 1e-2, 1e-1}, new long[]{0, 1, 2});
 * grid.fractionReached();   // share of the 9 runs that reached 1e-4 and stayed there
 * grid.bestRate();          // the rate with the most seeds reaching it, then the fewest median steps
 * </pre>
 *
 * <p>A run on a function is measured with {@link Convergence#measure} (reaching the target means
 * staying below it); a training run with {@link Trainer}, where the target applies to the epoch's
 * mean training loss (the loss Keras prints after each epoch) and reaching it means that every later
 * epoch stays at or below it, the last one included. A training run that the trainer's divergence
 * guard stops counts as diverged.
 */
public final class LearningRateGrid {

    /**
     * How one run ended: whether it reached the target (and stayed), whether it diverged, the steps
     * until it reached the target for good (−1 if not), the wall-clock seconds until then (NaN where
     * not reached or not timed), and the last value recorded (+∞ for a diverged run).
     */
    public record Outcome(boolean reached, boolean diverged, int steps, double seconds, double finalValue) {

        /** The outcome of a run on a function (seconds are not timed: NaN). */
        public static Outcome of(Convergence run) {
            Validate.notNull("run", run);
            return new Outcome(run.reached(), run.diverged(), run.stepsToTarget(), Double.NaN,
                    run.diverged() ? Double.POSITIVE_INFINITY : run.finalValue());
        }

        /**
         * The outcome of a training run, read from its history: the target applies to the epochs'
         * mean training losses; the steps and seconds are those at the end of the first epoch from
         * which every epoch's loss is at or below the target.
         */
        public static Outcome of(History history, double target) {
            Validate.notNull("history", history);
            double[] losses = history.trainLosses();
            if (losses.length == 0) {
                throw new IllegalArgumentException("the history '" + history.label() + "' has no epoch: train first");
            }
            int settledAt = -1;
            for (int e = losses.length - 1; e >= 0 && losses[e] <= target; e--) {
                settledAt = e;
            }
            double last = losses[losses.length - 1];
            if (settledAt < 0) {
                return new Outcome(false, false, -1, Double.NaN, last);
            }
            int steps = 0;
            for (int epoch : history.stepEpochs()) {
                if (epoch <= settledAt) {
                    steps++;
                }
            }
            return new Outcome(true, false, steps, history.epochSeconds()[settledAt], last);
        }

        /** A run stopped because it blew up. */
        public static Outcome divergedRun() {
            return new Outcome(false, true, -1, Double.NaN, Double.POSITIVE_INFINITY);
        }
    }

    /** One cell of the grid: the rate, the seed, how the run ended, and how long the whole run took. */
    public record Cell(double learningRate, long seed, Outcome outcome, double runSeconds) {
    }

    /** Runs one cell. */
    @FunctionalInterface
    public interface Runner {
        Outcome run(double learningRate, long seed);
    }

    private final String label;
    private final double[] rates;
    private final long[] seeds;
    private final Cell[][] cells; // [rate][seed]

    private LearningRateGrid(String label, double[] rates, long[] seeds, Cell[][] cells) {
        this.label = label;
        this.rates = rates;
        this.seeds = seeds;
        this.cells = cells;
    }

    /** Runs {@code runner} for every rate and seed, rates in the outer loop, and times each run. */
    public static LearningRateGrid run(String label, double[] rates, long[] seeds, Runner runner) {
        Validate.notNull("runner", runner);
        double[] r = checkRates(rates);
        Validate.notNull("seeds", seeds);
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds is empty: give at least one seed");
        }
        Cell[][] cells = new Cell[r.length][seeds.length];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < seeds.length; j++) {
                long start = System.nanoTime();
                Outcome outcome = runner.run(r[i], seeds[j]);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (outcome == null) {
                    throw new IllegalArgumentException("the runner returned no outcome for rate " + r[i] + ", seed "
                            + seeds[j]);
                }
                cells[i][j] = new Cell(r[i], seeds[j], outcome, seconds);
            }
        }
        return new LearningRateGrid(label == null ? "grid" : label, r, seeds.clone(), cells);
    }

    /**
     * The grid on a function: {@code optimizer} makes a fresh optimizer for a rate, {@code start} the
     * start point for a seed (see {@link #perturbedStart}); each run is {@link Convergence#measure}d
     * against {@code target} for at most {@code maxSteps} steps.
     */
    public static LearningRateGrid onProblem(String label, DoubleFunction<Optimizer> optimizer, Differentiable objective,
                                             LongFunction<double[]> start, double target, int maxSteps, double[] rates,
                                             long[] seeds) {
        Validate.notNull("optimizer", optimizer);
        Validate.notNull("objective", objective);
        Validate.notNull("start", start);
        Validate.positive("maxSteps", maxSteps);
        return run(label, rates, seeds, (rate, seed) ->
                Outcome.of(Convergence.measure(optimizer.apply(rate), objective, start.apply(seed), target, maxSteps)));
    }

    /**
     * The grid on a model: for each rate and seed, {@code model.initialParameters(seed)} trained on
     * {@code train} with a fresh optimizer, batches in the order of {@code seed}, for {@code epochs}
     * epochs; the target applies to the epochs' mean training loss (see {@link Outcome#of(History, double)}).
     */
    public static LearningRateGrid training(String label, DoubleFunction<Optimizer> optimizer, Model model, Dataset train,
                                            int batchSize, int epochs, double target, double[] rates, long[] seeds) {
        Validate.notNull("optimizer", optimizer);
        Validate.notNull("model", model);
        Validate.notNull("training set", train);
        return run(label, rates, seeds, (rate, seed) -> {
            try {
                Trainer.Result result = Trainer.of(model, optimizer.apply(rate)).batchSize(batchSize).epochs(epochs)
                        .seed(seed).fit(model.initialParameters(seed), train);
                return Outcome.of(result.history(), target);
            } catch (TrainingDiverged diverged) {
                return Outcome.divergedRun();
            }
        });
    }

    /**
     * A start point for a seed: seed 0 is {@code start} itself, any other seed adds independent
     * normal noise of standard deviation {@code sd} to each coordinate (drawn with {@code new Random(seed)}).
     */
    public static double[] perturbedStart(double[] start, long seed, double sd) {
        Validate.finite("start", Validate.notEmpty("start", start));
        Validate.nonNegative("sd", sd);
        double[] point = start.clone();
        if (seed != 0) {
            Random random = new Random(seed);
            for (int i = 0; i < point.length; i++) {
                point[i] += sd * random.nextGaussian();
            }
        }
        return point;
    }

    private static double[] checkRates(double[] rates) {
        Validate.notEmpty("rates", rates);
        for (int i = 0; i < rates.length; i++) {
            Validate.positive("rates[" + i + "]", rates[i]);
            if (i > 0 && !(rates[i] > rates[i - 1])) {
                throw new IllegalArgumentException("rates must increase, but rates[" + i + "] = " + rates[i]
                        + " follows " + rates[i - 1]);
            }
        }
        return rates.clone();
    }

    public String label() {
        return label;
    }

    public double[] rates() {
        return rates.clone();
    }

    public long[] seeds() {
        return seeds.clone();
    }

    /** Every cell, rate by rate, seed by seed. */
    public List<Cell> cells() {
        List<Cell> all = new ArrayList<>();
        for (Cell[] row : cells) {
            all.addAll(Arrays.asList(row));
        }
        return all;
    }

    /** The cell of this rate (one of {@link #rates()}) and seed. */
    public Cell cell(double rate, long seed) {
        int i = rateIndex(rate);
        for (int j = 0; j < seeds.length; j++) {
            if (seeds[j] == seed) {
                return cells[i][j];
            }
        }
        throw new IllegalArgumentException("seed " + seed + " is not in the grid's seeds " + Arrays.toString(seeds));
    }

    private int rateIndex(double rate) {
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] == rate) {
                return i;
            }
        }
        throw new IllegalArgumentException("rate " + rate + " is not in the grid's rates " + Arrays.toString(rates));
    }

    /** How many seeds reached the target at this rate. */
    public int reachedCount(double rate) {
        int count = 0;
        for (Cell cell : cells[rateIndex(rate)]) {
            if (cell.outcome().reached()) {
                count++;
            }
        }
        return count;
    }

    /** The share of the seeds that reached the target at this rate. */
    public double fractionReached(double rate) {
        return (double) reachedCount(rate) / seeds.length;
    }

    /** The share of all runs of the grid that reached the target: the stability measure. */
    public double fractionReached() {
        int count = 0;
        for (double rate : rates) {
            count += reachedCount(rate);
        }
        return (double) count / (rates.length * seeds.length);
    }

    /** The share of all runs that diverged. */
    public double fractionDiverged() {
        int count = 0;
        for (Cell cell : cells()) {
            if (cell.outcome().diverged()) {
                count++;
            }
        }
        return (double) count / (rates.length * seeds.length);
    }

    /** The median steps to the target over the seeds that reached it at this rate; NaN if none did. */
    public double medianSteps(double rate) {
        List<Double> values = new ArrayList<>();
        for (Cell cell : cells[rateIndex(rate)]) {
            if (cell.outcome().reached()) {
                values.add((double) cell.outcome().steps());
            }
        }
        return median(values);
    }

    /** The median seconds to the target over the seeds that reached it at this rate; NaN if none did or untimed. */
    public double medianSeconds(double rate) {
        List<Double> values = new ArrayList<>();
        for (Cell cell : cells[rateIndex(rate)]) {
            if (cell.outcome().reached()) {
                values.add(cell.outcome().seconds());
            }
        }
        return median(values);
    }

    /** The median last value over all seeds at this rate (+∞ counts for a diverged run). */
    public double medianFinalValue(double rate) {
        List<Double> values = new ArrayList<>();
        for (Cell cell : cells[rateIndex(rate)]) {
            values.add(cell.outcome().finalValue());
        }
        return median(values);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The best rate of the grid: the most seeds reaching the target; among those, the fewest median
     * steps; where no seed reaches it anywhere, the lowest median last value. Ties go to the smaller rate.
     */
    public double bestRate() {
        double best = rates[0];
        for (int i = 1; i < rates.length; i++) {
            if (better(rates[i], best)) {
                best = rates[i];
            }
        }
        return best;
    }

    private boolean better(double a, double b) {
        int reachedA = reachedCount(a), reachedB = reachedCount(b);
        if (reachedA != reachedB) {
            return reachedA > reachedB;
        }
        if (reachedA > 0) {
            return medianSteps(a) < medianSteps(b);
        }
        return medianFinalValue(a) < medianFinalValue(b);
    }

    /**
     * The longest run of consecutive grid rates at which every seed reached the target, as
     * {lowest, highest} (the lower one where two runs are equally long); an empty array if there is none.
     */
    public double[] stableRange() {
        int bestFrom = -1, bestLength = 0, from = -1;
        for (int i = 0; i <= rates.length; i++) {
            boolean all = i < rates.length && reachedCount(rates[i]) == seeds.length;
            if (all && from < 0) {
                from = i;
            } else if (!all && from >= 0) {
                if (i - from > bestLength) {
                    bestLength = i - from;
                    bestFrom = from;
                }
                from = -1;
            }
        }
        return bestFrom < 0 ? new double[0] : new double[]{rates[bestFrom], rates[bestFrom + bestLength - 1]};
    }

    /** log₁₀(highest/lowest) of the {@link #stableRange()}: 0 for a single rate, NaN if there is none. */
    public double stableDecades() {
        double[] range = stableRange();
        return range.length == 0 ? Double.NaN : Math.log10(range[1] / range[0]);
    }

    /** One row per rate: seeds that reached the target, median steps and seconds, median last value. */
    public Table table() {
        Table table = Table.of("learning rate", "reached", "median steps", "median seconds", "median last value");
        for (double rate : rates) {
            table.row(rate, reachedCount(rate) + " of " + seeds.length, medianSteps(rate), medianSeconds(rate),
                    medianFinalValue(rate));
        }
        return table;
    }

    @Override
    public String toString() {
        double[] range = stableRange();
        return String.format(java.util.Locale.ROOT, "%s: %.0f%% of %d runs reached the target, best rate %s, stable %s",
                label, 100 * fractionReached(), rates.length * seeds.length, bestRate(),
                range.length == 0 ? "nowhere" : Arrays.toString(range));
    }
}
