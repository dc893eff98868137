package course.train;

import course.Validate;
import course.display.Table;
import course.optim.Convergence;
import course.optim.Optimizer;
import course.problems.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Lesson 10's showdown: every contestant on every arena function over one grid of learning rates ×
 * starts ({@link LearningRateGrid#onProblem}, starts from {@link LearningRateGrid#perturbedStart}), and
 * what the lesson reads from it: each one's share of runs that reach the target, its all-round rate
 * (one rate for all functions) and the podium of each function at the all-round rates.
 *
 * <pre>
 * Arena arena = Arena.run(contestants, new Problem[]{new Rosenbrock(), new Saddle()}, new String[]{"Rosenbrock", "saddle"},
 *         new double[]{1e-4, -1}, new double[]{1e-3, 1e-2, 0.1}, new long[]{0, 1, 2}, 5000, 0.1);
 * arena.share(arena.index("Adam"));   // the share of Adam's 2 × 3 × 3 runs that reached their target
 * arena.podium(0);                    // Rosenbrock from its usual start, each at its all-round rate, fastest first
 * </pre>
 */
public final class Arena {

    /** A named optimizer: {@code make} gives a fresh one for a learning rate. */
    public record Contestant(String name, DoubleFunction<Optimizer> make) {
        public Contestant {
            Validate.notNull("name", name);
            Validate.notNull("make (the optimizer for a learning rate)", make);
        }
    }

    private final List<Contestant> contestants;
    private final Problem[] problems;
    private final String[] names;
    private final double[] targets;
    private final double[] rates;
    private final long[] starts;
    private final int budget;
    private final LearningRateGrid[][] grids;
    private final double seconds;
    private final double[] allRound;
    private final int[] allRoundReached;
    private final Convergence[][] atAllRound;

    private Arena(List<Contestant> contestants, Problem[] problems, String[] names, double[] targets, double[] rates,
                  long[] starts, int budget, LearningRateGrid[][] grids, double seconds) {
        this.contestants = contestants;
        this.problems = problems;
        this.names = names;
        this.targets = targets;
        this.rates = rates;
        this.starts = starts;
        this.budget = budget;
        this.grids = grids;
        this.seconds = seconds;
        this.allRound = new double[contestants.size()];
        this.allRoundReached = new int[contestants.size()];
        this.atAllRound = new Convergence[contestants.size()][problems.length];
        for (int c = 0; c < contestants.size(); c++) {
            chooseAllRound(c);
        }
    }

    /**
     * Runs every contestant on every problem: at each rate of {@code rates}, from each start of
     * {@code starts} (seed 0 the problem's usual start, others moved by N(0, startSd²) per coordinate),
     * to {@code targets[q]} on problem q ({@link Convergence}: reached means stayed there), for at most
     * {@code budget} steps. {@code names[q]} names problem q in the tables.
     */
    public static Arena run(List<Contestant> contestants, Problem[] problems, String[] names, double[] targets,
                            double[] rates, long[] starts, int budget, double startSd) {
        Validate.notNull("contestants", contestants);
        if (contestants.isEmpty()) {
            throw new IllegalArgumentException("contestants is empty: give at least one optimizer");
        }
        Validate.notNull("problems", problems);
        Validate.notNull("names", names);
        Validate.notNull("targets", targets);
        if (problems.length == 0 || names.length != problems.length || targets.length != problems.length) {
            throw new IllegalArgumentException("give one name and one target per problem: " + problems.length
                    + " problems, " + names.length + " names, " + targets.length + " targets");
        }
        Validate.notNull("starts", starts);
        Validate.positive("budget", budget);
        Validate.nonNegative("startSd", startSd);
        LearningRateGrid[][] grids = new LearningRateGrid[problems.length][contestants.size()];
        long began = System.nanoTime();
        for (int q = 0; q < problems.length; q++) {
            Problem p = Validate.notNull("problems[" + q + "]", problems[q]);
            for (int c = 0; c < contestants.size(); c++) {
                Contestant k = contestants.get(c);
                grids[q][c] = LearningRateGrid.onProblem(k.name(), k.make(), p,
                        seed -> LearningRateGrid.perturbedStart(p.startPoint(), seed, startSd), targets[q], budget, rates, starts);
            }
        }
        return new Arena(List.copyOf(contestants), problems.clone(), names.clone(), targets.clone(), grids[0][0].rates(),
                starts.clone(), budget, grids, (System.nanoTime() - began) / 1e9);
    }

    /** The position of the contestant called {@code name} in {@code contestants}. */
    public static int indexOf(List<Contestant> contestants, String name) {
        for (int c = 0; c < contestants.size(); c++) {
            if (contestants.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no contestant called " + name + "; the contestants are "
                + contestants.stream().map(Contestant::name).toList());
    }

    /** A learning rate as the tables write it: 0.03 as is, 3e-04 below 0.01. */
    public static String rateText(double rate) {
        return rate >= 0.01 ? String.valueOf(rate) : String.format(java.util.Locale.ROOT, "%.0e", rate);
    }

    public int index(String name) {
        return indexOf(contestants, name);
    }

    /** The grid of contestant c on problem q. */
    public LearningRateGrid grid(int q, int c) {
        return grids[problem(q)][contestant(c)];
    }

    /** All grids, [problem][contestant]. */
    public LearningRateGrid[][] grids() {
        LearningRateGrid[][] copy = new LearningRateGrid[grids.length][];
        for (int q = 0; q < grids.length; q++) {
            copy[q] = grids[q].clone();
        }
        return copy;
    }

    /** How many runs the arena made: problems × contestants × rates × starts. */
    public int runCount() {
        return problems.length * contestants.size() * rates.length * starts.length;
    }

    /** Wall-clock seconds of all the runs. */
    public double seconds() {
        return seconds;
    }

    /** The share of contestant c's runs, over all problems, rates and starts, that reached the target. */
    public double share(int c) {
        int reached = 0;
        for (int q = 0; q < problems.length; q++) {
            for (double r : rates) {
                reached += grid(q, c).reachedCount(r);
            }
        }
        return (double) reached / (problems.length * rates.length * starts.length);
    }

    /**
     * Contestant c's all-round rate: the grid rate at which the most of its runs over all problems reach
     * the target; ties go to the fewest steps in total (a problem not solved from every start counts the
     * whole budget), then to the smaller rate.
     */
    public double allRoundRate(int c) {
        return allRound[contestant(c)];
    }

    /** How many of contestant c's runs reach the target at its all-round rate. */
    public int allRoundReached(int c) {
        return allRoundReached[contestant(c)];
    }

    private void chooseAllRound(int c) {
        double bestTotal = Double.POSITIVE_INFINITY;
        int bestReached = -1;
        for (double r : rates) {
            int reached = 0;
            double total = 0;
            for (int q = 0; q < problems.length; q++) {
                reached += grids[q][c].reachedCount(r);
                total += grids[q][c].reachedCount(r) == starts.length ? grids[q][c].medianSteps(r) : budget;
            }
            if (reached > bestReached || (reached == bestReached && total < bestTotal)) {
                bestReached = reached;
                bestTotal = total;
                allRound[c] = r;
            }
        }
        allRoundReached[c] = bestReached;
    }

    /** Contestant c on problem q from its usual start at the all-round rate (run once, then kept). */
    public Convergence atAllRound(int c, int q) {
        int k = contestant(c), p = problem(q);
        if (atAllRound[k][p] == null) {
            atAllRound[k][p] = Convergence.measure(contestants.get(k).make().apply(allRound[k]), problems[p],
                    problems[p].startPoint(), targets[p], budget);
        }
        return atAllRound[k][p];
    }

    /** The contestants that reach problem q's target at their all-round rates, fastest first (ties: list order). */
    public List<String> order(int q) {
        return ranked(q).stream().filter(c -> atAllRound(c, q).reached()).map(c -> contestants.get(c).name()).toList();
    }

    private List<Integer> ranked(int q) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < contestants.size(); c++) {
            all.add(c);
        }
        all.sort(Comparator.comparingInt(c -> atAllRound(c, q).reached() ? atAllRound(c, q).stepsToTarget() : Integer.MAX_VALUE));
        return all;
    }

    /** One row per contestant: its best rate and median steps on each problem, and its {@link #share}. */
    public Table bestRatesTable() {
        List<String> headers = new ArrayList<>(List.of("optimizer"));
        for (int q = 0; q < problems.length; q++) {
            headers.add(q == 0 ? names[q] + ": best η, steps" : names[q]);
        }
        headers.add("share of its runs that reach the target");
        Table table = Table.of(headers.toArray(String[]::new));
        for (int c = 0; c < contestants.size(); c++) {
            Object[] row = new Object[problems.length + 2];
            row[0] = contestants.get(c).name();
            for (int q = 0; q < problems.length; q++) {
                LearningRateGrid g = grids[q][c];
                double best = g.bestRate();
                int n = g.reachedCount(best);
                row[q + 1] = n == 0 ? "never" : rateText(best) + ": " + (int) g.medianSteps(best)
                        + (n < starts.length ? " (" + n + " of " + starts.length + ")" : "");
            }
            row[problems.length + 1] = String.format(java.util.Locale.ROOT, "%.0f%%", 100 * share(c));
            table.row(row);
        }
        return table;
    }

    /** One row per contestant: its all-round rate, the runs reaching the target there, the problems solved from every start. */
    public Table allRoundTable() {
        Table table = Table.of("optimizer", "all-round η", "runs reaching the target at that η", "functions solved from every start");
        for (int c = 0; c < contestants.size(); c++) {
            int solved = 0;
            for (int q = 0; q < problems.length; q++) {
                if (grids[q][c].reachedCount(allRound[c]) == starts.length) {
                    solved++;
                }
            }
            table.row(contestants.get(c).name(), rateText(allRound[c]), allRoundReached[c], solved + " of " + problems.length);
        }
        return table;
    }

    /** Problem q from its usual start, every contestant at its all-round rate, placed by steps to the target. */
    public Table podium(int q) {
        Table table = Table.of("place", "optimizer", "η", names[problem(q)] + ": steps to the target");
        int place = 1;
        for (int c : ranked(q)) {
            Convergence run = atAllRound(c, q);
            table.row(run.reached() ? String.valueOf(place++) : "–", contestants.get(c).name(), rateText(allRound[c]), run.summary());
        }
        return table;
    }

    private int problem(int q) {
        if (q < 0 || q >= problems.length) {
            throw new IllegalArgumentException("problem index " + q + " is outside 0.." + (problems.length - 1));
        }
        return q;
    }

    private int contestant(int c) {
        if (c < 0 || c >= contestants.size()) {
            throw new IllegalArgumentException("contestant index " + c + " is outside 0.." + (contestants.size() - 1)
                    + "; find one by name with index(name)");
        }
        return c;
    }
}
