package course.models;

import course.data.Dataset;
import course.data.Minibatches;

/**
 * A model whose parameters are one flat vector, with its loss and hand-written backpropagation. The
 * optimizers of {@code course.optim} update exactly this vector, so a training step is
 *
 * <pre>
 * double loss = model.lossAndGradient(params, data, batches.rows(), batches.count(), grad);
 * optimizer.step(params, grad);
 * </pre>
 *
 * <p>Losses and gradients are means over the given rows, so their size does not depend on the batch
 * size. A model keeps small scratch buffers between calls (a gradient allocates nothing): use one
 * model instance per thread.
 */
public interface Model {

    /** For example "softmax regression (2 features, 3 classes)". */
    String name();

    /** d, the number of input features the model reads. */
    int featureCount();

    /** The length of the parameter vector. */
    int parameterCount();

    /** A new parameter vector initialized the model's documented way from {@code seed}. */
    double[] initialParameters(long seed);

    /**
     * The mean loss over rows {@code rows[0 … count−1]} of {@code data} (repeats count twice), and its
     * gradient with respect to {@code params} written into {@code grad} (overwritten). Does not change
     * {@code params}.
     */
    double lossAndGradient(double[] params, Dataset data, int[] rows, int count, double[] grad);

    /** The mean loss over the given rows, without the gradient. */
    double loss(double[] params, Dataset data, int[] rows, int count);

    /** The mean loss over every row of {@code data}. */
    double loss(double[] params, Dataset data);

    /** The mean loss and its gradient over every row of {@code data} (full batch). */
    double lossAndGradient(double[] params, Dataset data, double[] grad);

    /** "accuracy" for classifiers, "RMSE" for regression models. */
    String metricName();

    /** The metric over every row: the fraction classified correctly, or the root mean squared error. */
    double metric(double[] params, Dataset data);

    /** The full-batch loss as a function of the parameters, for {@code optimizer.step(params, closure)}. */
    default Objective objective(Dataset data) {
        return Objective.fullBatch(this, data);
    }

    /** The loss on whichever batch {@code batches} currently holds, for closure-based optimizers. */
    default Objective objective(Dataset data, Minibatches batches) {
        return Objective.currentBatch(this, data, batches);
    }
}
