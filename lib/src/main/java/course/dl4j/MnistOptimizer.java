package course.dl4j;

import course.optim.AdaDelta;
import course.optim.AdaGrad;
import course.optim.Adam;
import course.optim.AdamW;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.Nesterov;
import course.optim.Optimizer;
import course.optim.RmsProp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The optimizers of the MNIST experiment by name, each with Keras's default hyperparameters set
 * explicitly (that is what the source chapter ran), on DL4J's own updater where DL4J's rule is
 * Keras's, else on the course's optimizer through {@link CourseUpdater}:
 * <table>
 * <caption>Which implementation runs</caption>
 * <tr><th>name</th><th>Keras</th><th>runs on</th><th>why</th></tr>
 * <tr><td>sgd</td><td>SGD(0.01)</td><td>DL4J {@code Sgd}</td><td>same rule</td></tr>
 * <tr><td>rmsprop</td><td>RMSprop(0.001, ρ 0.9, ε 1e-7)</td><td>course {@code RmsProp.keras()}</td>
 *     <td>DL4J adds ε outside the root and starts the average at ε</td></tr>
 * <tr><td>adam</td><td>Adam(0.001, 0.9, 0.999, ε 1e-7)</td><td>DL4J {@code Adam}</td><td>same rule (tested)</td></tr>
 * <tr><td>adagrad</td><td>Adagrad(0.001, initial accumulator 0.1, ε 1e-7)</td><td>course {@code AdaGrad.keras()}</td>
 *     <td>DL4J starts the accumulator at ε and adds ε outside the root</td></tr>
 * <tr><td>adadelta</td><td>Adadelta(0.001, ρ 0.95, ε 1e-7)</td><td>course {@code AdaDelta.keras()}</td>
 *     <td>DL4J's AdaDelta has no learning rate (it is 1)</td></tr>
 * <tr><td>momentum</td><td>SGD(0.01, momentum 0.9)</td><td>course {@code Momentum.keras()}</td>
 *     <td>DL4J has no heavy-ball momentum updater</td></tr>
 * <tr><td>nesterov</td><td>SGD(0.01, momentum 0.9, nesterov)</td><td>DL4J {@code Nesterovs}</td><td>same rule (tested)</td></tr>
 * <tr><td>adamw</td><td>AdamW(0.001, weight decay 0.004)</td><td>course {@code AdamW.keras()}</td>
 *     <td>Keras decays every variable, biases included, by lr·wd·θ before the Adam step</td></tr>
 * </table>
 * {@code NAME-lib} runs the course's optimizer where DL4J has the rule (sgd-lib, adam-lib,
 * nesterov-lib); {@code NAME-dl4j} runs DL4J's own updater with the same numbers where its rule
 * differs (rmsprop-dl4j, adagrad-dl4j, adadelta-dl4j), to show what the difference does.
 * {@code NAME@LR} runs any of them at another learning rate ({@code adadelta@1.0}: Adadelta at the
 * rate its paper intends; {@code adagrad@0.01}), everything else as {@code NAME} has it.
 */
public record MnistOptimizer(String name, String keras, String implementation, boolean course,
                             Supplier<IUpdater> factory) {

    /** The source chapter's five, in its order. */
    public static final List<String> SOURCE = List.of("adadelta", "adagrad", "adam", "rmsprop", "sgd");
    /** Beyond the source. */
    public static final List<String> BEYOND = List.of("momentum", "nesterov", "adamw");

    private static final Map<String, MnistOptimizer> ALL = new LinkedHashMap<>();

    static {
        dl4j("sgd", "SGD(learning_rate=0.01)", () -> new Sgd(0.01), GradientDescent::keras);
        lib("rmsprop", "RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)", RmsProp::keras,
                () -> new org.nd4j.linalg.learning.config.RmsProp(0.001, 0.9, 1e-7));
        dl4j("adam", "Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)",
                () -> new org.nd4j.linalg.learning.config.Adam(0.001, 0.9, 0.999, 1e-7), Adam::keras);
        lib("adagrad", "Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)", AdaGrad::keras,
                () -> new org.nd4j.linalg.learning.config.AdaGrad(0.001, 1e-7));
        lib("adadelta", "Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)", AdaDelta::keras,
                () -> new org.nd4j.linalg.learning.config.AdaDelta(0.95, 1e-7));
        lib("momentum", "SGD(learning_rate=0.01, momentum=0.9)", () -> Momentum.keras().momentum(0.9), null);
        dl4j("nesterov", "SGD(learning_rate=0.01, momentum=0.9, nesterov=True)", () -> new Nesterovs(0.01, 0.9),
                () -> Nesterov.keras().momentum(0.9));
        lib("adamw", "AdamW(learning_rate=0.001, weight_decay=0.004, epsilon=1e-7)", AdamW::keras, null);
    }

    private static void dl4j(String name, String keras, Supplier<IUpdater> dl4j, Supplier<Optimizer> ours) {
        ALL.put(name, new MnistOptimizer(name, keras, describe(dl4j.get()), false, dl4j));
        ALL.put(name + "-lib", fromCourse(name + "-lib", keras, ours));
    }

    private static void lib(String name, String keras, Supplier<Optimizer> ours, Supplier<IUpdater> dl4j) {
        ALL.put(name, fromCourse(name, keras, ours));
        if (dl4j != null) {
            ALL.put(name + "-dl4j", new MnistOptimizer(name + "-dl4j", keras + " with DL4J's own rule",
                    describe(dl4j.get()), false, dl4j));
        }
    }

    private static MnistOptimizer fromCourse(String name, String keras, Supplier<Optimizer> ours) {
        return new MnistOptimizer(name, keras, "course " + ours.get() + " via CourseUpdater", true,
                () -> new CourseUpdater(ours.get()));
    }

    private static String describe(IUpdater updater) {
        return updater instanceof CourseUpdater ours ? "course " + ours.optimizer() + " via CourseUpdater"
                : "DL4J " + updater;
    }

    /** A fresh DL4J updater configuration. */
    public IUpdater updater() {
        return factory.get();
    }

    /**
     * The optimizer of this name (case-insensitive), or {@code NAME@LR}: that optimizer at learning
     * rate LR; the message lists the names there are.
     */
    public static MnistOptimizer of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no optimizer name given: choose from " + names()
                    + " (or NAME@LR for another learning rate, e.g. adadelta@1.0)");
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        int at = key.indexOf('@');
        MnistOptimizer found = ALL.get(at < 0 ? key : key.substring(0, at));
        if (found == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name.strip() + "': choose from " + names()
                    + " (or NAME@LR for another learning rate, e.g. adadelta@1.0)");
        }
        return at < 0 ? found : found.atLearningRate(key.substring(at + 1), name.strip());
    }

    private MnistOptimizer atLearningRate(String text, String asGiven) {
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + asGiven + "': the part after @ must be a learning rate, "
                    + "such as adadelta@1.0");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("'" + asGiven + "': the learning rate must be a positive number, got "
                    + text);
        }
        String label = name + "@" + text;
        String kerasAtRate = keras.replaceFirst("learning_rate=[^,)]*", "learning_rate=" + text);
        Supplier<IUpdater> base = factory;
        Supplier<IUpdater> atRate = () -> {
            IUpdater updater = base.get();
            if (updater instanceof CourseUpdater ours) {
                Optimizer optimizer = ours.optimizer();
                optimizer.setLearningRate(rate);
                return new CourseUpdater(optimizer);
            }
            if (!updater.hasLearningRate()) {
                throw new IllegalArgumentException(label + ": " + describe(updater) + " has no learning rate");
            }
            updater.setLrAndSchedule(rate, null);
            return updater;
        };
        return new MnistOptimizer(label, kerasAtRate, describe(atRate.get()), course, atRate);
    }

    /** Parses a comma-separated list ("adam,sgd", "source", "beyond", "all"), keeping its order, without repeats. */
    public static List<MnistOptimizer> list(String names) {
        if (names == null || names.isBlank()) {
            throw new IllegalArgumentException("no optimizers given: a comma-separated list such as adam,sgd, or "
                    + "source, beyond, all; names: " + names());
        }
        List<MnistOptimizer> chosen = new ArrayList<>();
        for (String part : names.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            List<String> group = switch (name) {
                case "source" -> SOURCE;
                case "beyond" -> BEYOND;
                case "all" -> concat(SOURCE, BEYOND);
                default -> List.of(name);
            };
            for (String member : group) {
                MnistOptimizer optimizer = of(member);
                if (!chosen.contains(optimizer)) {
                    chosen.add(optimizer);
                }
            }
        }
        return chosen;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Every name, main ones first. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MnistOptimizer other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + keras + " on " + implementation + ")";
    }
}
