package course.dl4j;

import course.data.mnist.Mnist;
import course.display.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What lesson 11 compares our runs with: the source chapter's published Keras logs ("Hands-on
 * Optimizers": the five optimizers, batch 64, 10 epochs, each epoch's seconds, ms/step, loss,
 * accuracy, validation loss and validation accuracy, as printed there), and where a saved full sweep
 * ({@code bin/course mnist}) is: {@code data/results/mnist-results.csv} (committed) or
 * {@code target/mnist/results.csv} (a local run), looked for from the working directory upwards.
 */
public final class MnistLesson {
    /**
     * The settings key of the source's experiment as {@link MnistTraining#key()} writes it for the
     * default training path (the convolution by {@link BatchedConvolution}): the sweep the lesson shows.
     */
    public static final String FULL_SETTINGS = "images=60000 val=10000 batch=64 seed=1 FLOAT dropout batched-conv";
    /**
     * The same experiment on DL4J's own convolution path ({@code bin/course mnist --dl4j-conv}), the
     * first committed sweep; the runs beyond the chapter's five and the learning-rate runs were saved
     * under it.
     */
    public static final String DL4J_CONVOLUTION_SETTINGS = "images=60000 val=10000 batch=64 seed=1 FLOAT dropout";
    /** Epochs of the source's experiment. */
    public static final int EPOCHS = 10;

    /** One epoch of the source's Keras log. */
    public record SourceEpoch(String optimizer, int epoch, double seconds, double msPerStep, double loss,
                              double accuracy, double validationLoss, double validationAccuracy) {
    }

    private static final List<SourceEpoch> SOURCE = new ArrayList<>();

    static {
        // optimizer: {seconds, ms/step, loss, accuracy, val_loss, val_accuracy} per epoch, copied from the source's logs
        add("adadelta", new double[][] {
                {34, 35, 2.2782, 0.1459, 2.2228, 0.3174}, {40, 43, 2.1887, 0.3049, 2.1213, 0.6197},
                {39, 42, 2.0875, 0.4569, 2.0019, 0.7057}, {34, 36, 1.9704, 0.5544, 1.8638, 0.7474},
                {33, 35, 1.8359, 0.6152, 1.7099, 0.7736}, {34, 36, 1.6921, 0.6535, 1.5487, 0.7928},
                {34, 36, 1.5433, 0.6831, 1.3900, 0.8092}, {33, 35, 1.4021, 0.6992, 1.2432, 0.8194},
                {34, 36, 1.2757, 0.7164, 1.1137, 0.8275}, {35, 37, 1.1663, 0.7314, 1.0028, 0.8337}});
        add("adagrad", new double[][] {
                {33, 35, 1.7035, 0.5212, 0.8946, 0.8293}, {33, 35, 0.8019, 0.7735, 0.5032, 0.8791},
                {33, 35, 0.5975, 0.8243, 0.4045, 0.8958}, {32, 34, 0.5146, 0.8468, 0.3573, 0.9049},
                {33, 35, 0.4658, 0.8624, 0.3273, 0.9099}, {32, 34, 0.4346, 0.8717, 0.3056, 0.9163},
                {34, 36, 0.4090, 0.8789, 0.2895, 0.9204}, {35, 37, 0.3884, 0.8852, 0.2753, 0.9233},
                {31, 33, 0.3723, 0.8892, 0.2633, 0.9257}, {103, 110, 0.3609, 0.8935, 0.2535, 0.9282}});
        add("adam", new double[][] {
                {35, 37, 0.2290, 0.9317, 0.0656, 0.9788}, {36, 38, 0.0906, 0.9724, 0.0495, 0.9827},
                {35, 37, 0.0670, 0.9796, 0.0394, 0.9870}, {35, 37, 0.0537, 0.9828, 0.0418, 0.9865},
                {36, 38, 0.0460, 0.9855, 0.0338, 0.9884}, {33, 35, 0.0393, 0.9868, 0.0353, 0.9886},
                {34, 36, 0.0334, 0.9891, 0.0347, 0.9892}, {35, 37, 0.0318, 0.9897, 0.0323, 0.9897},
                {34, 36, 0.0260, 0.9911, 0.0331, 0.9895}, {34, 37, 0.0258, 0.9918, 0.0330, 0.9886}});
        add("rmsprop", new double[][] {
                {40, 41, 0.2360, 0.9282, 0.0721, 0.9777}, {38, 41, 0.0928, 0.9722, 0.0573, 0.9810},
                {38, 41, 0.0729, 0.9790, 0.0541, 0.9828}, {39, 41, 0.0641, 0.9814, 0.0480, 0.9857},
                {39, 41, 0.0600, 0.9828, 0.0453, 0.9862}, {68, 72, 0.0596, 0.9830, 0.0420, 0.9874},
                {47, 50, 0.0570, 0.9835, 0.0481, 0.9856}, {44, 47, 0.0552, 0.9840, 0.0447, 0.9870},
                {41, 43, 0.0580, 0.9837, 0.0488, 0.9869}, {41, 43, 0.0562, 0.9841, 0.0469, 0.9860}});
        add("sgd", new double[][] {
                {34, 36, 0.8495, 0.7438, 0.3122, 0.9119}, {33, 36, 0.3903, 0.8814, 0.2336, 0.9333},
                {34, 36, 0.3161, 0.9040, 0.1938, 0.9443}, {33, 36, 0.2748, 0.9183, 0.1687, 0.9515},
                {33, 35, 0.2467, 0.9244, 0.1492, 0.9566}, {32, 34, 0.2263, 0.9315, 0.1367, 0.9598},
                {33, 35, 0.2123, 0.9357, 0.1279, 0.9630}, {34, 36, 0.1982, 0.9405, 0.1189, 0.9644},
                {34, 36, 0.1896, 0.9430, 0.1144, 0.9663}, {35, 38, 0.1796, 0.9463, 0.1078, 0.9681}});
    }

    private static void add(String optimizer, double[][] epochs) {
        for (int e = 0; e < epochs.length; e++) {
            double[] r = epochs[e];
            SOURCE.add(new SourceEpoch(optimizer, e + 1, r[0], r[1], r[2], r[3], r[4], r[5]));
        }
    }

    private MnistLesson() {
    }

    /** The source's 50 logged epochs (five optimizers in its order, epochs 1–10). */
    public static List<SourceEpoch> source() {
        return List.copyOf(SOURCE);
    }

    /** One optimizer's logged epochs in the source. */
    public static List<SourceEpoch> source(String optimizer) {
        List<SourceEpoch> rows = SOURCE.stream().filter(r -> r.optimizer().equals(optimizer)).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the source ran " + MnistOptimizer.SOURCE + ", not '" + optimizer + "'");
        }
        return rows;
    }

    /** The source's validation accuracy after {@code epoch} epochs. */
    public static double sourceAccuracy(String optimizer, int epoch) {
        return source(optimizer).get(epoch - 1).validationAccuracy();
    }

    /** The source's validation accuracy after its 10 epochs (its table's headline numbers). */
    public static Map<String, Double> sourceFinalAccuracy() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String name : MnistOptimizer.SOURCE) {
            map.put(name, sourceAccuracy(name, EPOCHS));
        }
        return map;
    }

    /** The source's total seconds over epochs {@code from}..{@code to} for one optimizer. */
    public static double sourceSeconds(String optimizer, int from, int to) {
        return source(optimizer).stream().filter(r -> r.epoch() >= from && r.epoch() <= to)
                .mapToDouble(SourceEpoch::seconds).sum();
    }

    /**
     * The course checkout: from the working directory upwards, the first folder holding
     * {@code bin/course}; failing that (a notebook run from a temporary folder, as the student-version
     * tests do) the same search from where lib's classes are (the kernel's jars sit inside the
     * checkout); failing that, the working directory.
     */
    public static Path checkout() {
        Path here = Path.of("").toAbsolutePath();
        Optional<Path> found = checkoutAbove(here);
        if (found.isEmpty()) {
            try {
                Path classes = Path.of(MnistLesson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                found = checkoutAbove(classes.toAbsolutePath());
            } catch (Exception e) {
                // no code source (unusual class loader): fall back to the working directory
            }
        }
        return found.orElse(here);
    }

    static Optional<Path> checkoutAbove(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin").resolve("course")) && Files.isDirectory(dir.resolve("lib"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the MNIST files are: {@code COURSE_MNIST_DIR} (or {@link Mnist#directory()}'s search from
     * the working directory) when that folder exists, else the checkout's {@code data/mnist}.
     */
    public static Path mnistDirectory() {
        Path usual = Mnist.directory();
        if (Files.isDirectory(usual) || System.getenv(Mnist.DIRECTORY_VARIABLE) != null) {
            return usual;
        }
        return checkout().resolve("data").resolve("mnist");
    }

    /** The real digits from {@link #mnistDirectory()} (checked as {@link Mnist#load(Path)} checks them). */
    public static Mnist.Digits digits() {
        return Mnist.load(mnistDirectory());
    }

    /**
     * The saved results file of the checkout: {@code data/results/mnist-results.csv} if there is one
     * (committed), else {@code target/mnist/results.csv} (a local {@code bin/course mnist}). Empty if
     * neither exists.
     */
    public static Optional<Path> resultsFile() {
        return resultsFile(checkout());
    }

    static Optional<Path> resultsFile(Path root) {
        for (String relative : List.of("data/results/mnist-results.csv", "target/mnist/results.csv")) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The saved output of {@code bin/course mnist --trace} on the full data, if committed. */
    public static Optional<Path> savedTrace() {
        Path file = checkout().resolve("data/results/mnist-adam-trace.txt");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The full sweep's rows (settings {@link #FULL_SETTINGS}) for {@code optimizers}, if the file has
     * all {@link #EPOCHS} epochs of every one of them; empty otherwise (a sweep still running, or only
     * shorter runs saved).
     */
    public static Optional<List<MnistResults.Row>> completeSweep(Path file, List<String> optimizers) {
        return completeSweep(file, FULL_SETTINGS, optimizers);
    }

    /** The same for the rows saved under {@code settings} (e.g. {@link #DL4J_CONVOLUTION_SETTINGS}). */
    public static Optional<List<MnistResults.Row>> completeSweep(Path file, String settings, List<String> optimizers) {
        MnistResults results = MnistResults.open(file);
        for (String name : optimizers) {
            if (results.epochsDone(settings, name) < EPOCHS) {
                return Optional.empty();
            }
        }
        List<MnistResults.Row> rows = new ArrayList<>();
        for (String name : optimizers) {
            for (int e = 1; e <= EPOCHS; e++) {
                rows.add(results.find(settings, name, e));
            }
        }
        return Optional.of(rows);
    }

    /** The saved full sweep of the source's five optimizers, if one is saved and complete. */
    public static Optional<List<MnistResults.Row>> savedSweep() {
        return resultsFile().flatMap(file -> completeSweep(file, MnistOptimizer.SOURCE));
    }

    /** How many epochs of the full settings a results file holds per optimizer (to say how far a sweep got). */
    public static Map<String, Integer> progress(Path file) {
        MnistResults results = MnistResults.open(file);
        Map<String, Integer> done = new LinkedHashMap<>();
        for (String name : MnistOptimizer.names()) {
            int n = results.epochsDone(FULL_SETTINGS, name);
            if (n > 0) {
                done.put(name, n);
            }
        }
        return done;
    }

    /** Our final validation accuracy beside the source's: difference in points and both rankings. */
    public static Table comparison(Map<String, Double> ours, String oursLabel) {
        Map<String, Double> source = sourceFinalAccuracy();
        List<String> byOurs = ranking(ours);
        List<String> bySource = ranking(source);
        Table table = Table.of("optimizer", oursLabel, "source (Keras, 10 epochs)", "difference (points)", "our rank",
                "source rank");
        for (String name : MnistOptimizer.SOURCE) {
            Double mine = ours.get(name);
            if (mine == null) {
                continue;
            }
            table.row(name, round(mine, 4), source.get(name), round(100 * (mine - source.get(name)), 2),
                    byOurs.indexOf(name) + 1, bySource.indexOf(name) + 1);
        }
        return table;
    }

    /** Names ordered from the highest value to the lowest. */
    public static List<String> ranking(Map<String, Double> values) {
        List<String> names = new ArrayList<>(values.keySet());
        names.sort((a, b) -> Double.compare(values.get(b), values.get(a)));
        return names;
    }

    private static double round(double x, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(x * scale) / scale;
    }

    /** "adam 0.9886, rmsprop 0.9860, ..." for prose. */
    public static String describe(Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        for (String name : ranking(values)) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", name, values.get(name)));
        }
        return text.toString();
    }
}
