package course.dl4j;

import course.Validate;
import course.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * A DL4J updater configuration ({@link IUpdater}) that runs one of the course's own optimizers
 * ({@code course.optim}) inside DL4J's training loop, for the rules DL4J's built-in updaters cannot
 * express: Keras's AdaGrad (accumulator starting at 0.1, ε inside the root), Keras's RMSprop (ε inside
 * the root, average starting at 0), Keras's Adadelta (with a learning rate), plain momentum, AdamW.
 * <pre>
 * MultiLayerNetwork net = ... .updater(new CourseUpdater(AdaGrad.keras())) ... ;
 * net.init();
 * CourseUpdater.bind(net);     // required: gives each updater its block of parameters
 * </pre>
 *
 * <p>How the rule stays exactly the course's: DL4J hands an updater only the gradient and expects the
 * update u back in the same array, which it then subtracts, θ ← θ − u. The course's optimizers need
 * θ itself (AdamW shrinks it; every rule writes θ_new), so {@link #bind(MultiLayerNetwork)} gives each
 * {@link CourseGradientUpdater} a view of its block of the network's parameters. Each step it reads
 * the current θ (no shadow copy that could drift), runs the optimizer's own {@code step(θ, g)} on a
 * double[] copy, and writes u = θ − θ_new. DL4J's θ − u then equals θ_new: exactly in DOUBLE whenever
 * θ_new is within a factor 2 of θ (Sterbenz's lemma; elsewhere within one rounding), and rounded to
 * float in a FLOAT network, whose optimizer state stays in double. The optimizer's state (moments,
 * accumulators, step count) lives in the Java optimizer, not in DL4J's updater state array
 * ({@link #stateSize} is 0): read it with {@link #optimizers(MultiLayerNetwork)}.
 */
public final class CourseUpdater implements IUpdater {
    private static final long serialVersionUID = 1L;

    @JsonIgnore
    private final Optimizer prototype;
    private final String description;

    /** An updater that runs copies of {@code optimizer} (which must not have stepped yet). */
    public CourseUpdater(Optimizer optimizer) {
        Validate.notNull("optimizer", optimizer);
        if (optimizer.stepCount() != 0) {
            throw new IllegalArgumentException(optimizer + " has already taken " + optimizer.stepCount()
                    + " steps: give the updater a fresh optimizer (its copies start from its state)");
        }
        this.prototype = optimizer.copy();
        this.description = optimizer.toString();
    }

    /** The optimizer each block's updater starts as a copy of. */
    public Optimizer optimizer() {
        return prototype.copy();
    }

    /**
     * Binds every course updater of {@code net} to its block of parameters. Call it after
     * {@code net.init()} (and after anything that rebuilds the network's updater); training without
     * it stops at the first step with a message naming this method. Returns the bound updaters.
     */
    public static List<CourseGradientUpdater> bind(MultiLayerNetwork net) {
        Validate.notNull("network", net);
        Updater updater = net.getUpdater(true);
        List<CourseGradientUpdater> bound = new ArrayList<>();
        if (!(updater instanceof BaseMultiLayerUpdater<?> multiLayer)) {
            return bound;
        }
        INDArray params = net.params();
        INDArray flat = params.reshape(params.length());
        for (UpdaterBlock block : multiLayer.getUpdaterBlocks()) {
            GradientUpdater<?> gradientUpdater = block.getGradientUpdater();
            if (gradientUpdater instanceof CourseGradientUpdater course) {
                course.bind(flat.get(NDArrayIndex.interval(block.getParamOffsetStart(), block.getParamOffsetEnd())));
                bound.add(course);
            }
        }
        return bound;
    }

    /** The course optimizers stepping {@code net}'s parameters, one per updater block (usually one). */
    public static List<Optimizer> optimizers(MultiLayerNetwork net) {
        List<Optimizer> optimizers = new ArrayList<>();
        Updater updater = net.getUpdater(false);
        if (updater instanceof BaseMultiLayerUpdater<?> multiLayer) {
            for (UpdaterBlock block : multiLayer.getUpdaterBlocks()) {
                if (block.getGradientUpdater() instanceof CourseGradientUpdater course) {
                    optimizers.add(course.optimizer());
                }
            }
        }
        return Collections.unmodifiableList(optimizers);
    }

    /** 0: the state lives in the course optimizer, not in DL4J's updater state array. */
    @Override
    public long stateSize(long numParams) {
        return 0;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new CourseGradientUpdater(this, prototype.copy());
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        if (updaterState != null && !updaterState.isEmpty()) {
            throw new UnsupportedOperationException("a course updater keeps its state in the Java optimizer, "
                    + "not in DL4J state arrays " + updaterState.keySet());
        }
        return instantiate((INDArray) null, initializeStateArrays);
    }

    @Override
    public CourseUpdater clone() {
        return new CourseUpdater(prototype);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return prototype.learningRate();
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        throw new UnsupportedOperationException("set the learning rate on the course optimizer ("
                + description + ") before wrapping it, or on the bound optimizers of CourseUpdater.optimizers(net)");
    }

    /** Equal when the same optimizer class has the same hyperparameters: DL4J then puts all layers in one block. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CourseUpdater that && prototype.getClass() == that.prototype.getClass()
                && description.equals(that.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prototype.getClass(), description);
    }

    @Override
    public String toString() {
        return "CourseUpdater(" + description + ")";
    }
}
