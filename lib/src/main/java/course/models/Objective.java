package course.models;

import course.Validate;
import course.data.Dataset;
import course.data.Minibatches;
import course.optim.Differentiable;

/**
 * A model's loss on some rows of a data set as a function of the parameters alone: the closure that
 * {@code optimizer.step(params, closure)} evaluates, as many times as the algorithm needs (once for
 * plain descent, at a look-ahead point for Nesterov). Three kinds of rows:
 *
 * <ul>
 *   <li>{@link #fullBatch}: every row, always;</li>
 *   <li>{@link #currentBatch}: whichever batch a {@link Minibatches} holds at the time of the call, so
 *       every evaluation within one step sees the same batch, and the next {@code batches.next()}
 *       moves all later evaluations on;</li>
 *   <li>{@link #fixedRows}: a batch chosen once (copied).</li>
 * </ul>
 *
 * <p>It counts its evaluations, for comparing how many gradients each optimizer spends.
 */
public final class Objective implements Differentiable {
    private final Model model;
    private final Dataset data;
    private final Minibatches batches; // null unless it follows a Minibatches
    private final int[] rows;
    private final int count;
    private long evaluations;

    private Objective(Model model, Dataset data, Minibatches batches, int[] rows, int count) {
        this.model = model;
        this.data = data;
        this.batches = batches;
        this.rows = rows;
        this.count = count;
    }

    /** The mean loss over every row of {@code data}. */
    public static Objective fullBatch(Model model, Dataset data) {
        check(model, data);
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new Objective(model, data, null, all, all.length);
    }

    /** The mean loss over the batch {@code batches} holds when called; call {@code batches.next()} first. */
    public static Objective currentBatch(Model model, Dataset data, Minibatches batches) {
        check(model, data);
        Validate.notNull("batches", batches);
        if (batches.size() != data.size()) {
            throw new IllegalArgumentException("the batches were cut from " + batches.size()
                    + " rows but the data set has " + data.size() + ": make them with Minibatches for data.size() rows");
        }
        return new Objective(model, data, batches, null, 0);
    }

    /** The mean loss over {@code rows[0 … count−1]}, copied now. */
    public static Objective fixedRows(Model model, Dataset data, int[] rows, int count) {
        check(model, data);
        Validate.notNull("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows is empty: a batch needs at least one row");
        }
        Validate.between("count", count, 1, rows.length);
        int[] copy = new int[count];
        for (int i = 0; i < count; i++) {
            if (rows[i] < 0 || rows[i] >= data.size()) {
                throw new IllegalArgumentException("rows[" + i + "] is " + rows[i] + ": rows must lie in 0 … "
                        + (data.size() - 1) + " (the data set has " + data.size() + " rows)");
            }
            copy[i] = rows[i];
        }
        return new Objective(model, data, null, copy, count);
    }

    private static void check(Model model, Dataset data) {
        Validate.notNull("model", model);
        Validate.notNull("data set", data);
        if (model.featureCount() != data.featureCount()) {
            throw new IllegalArgumentException(model.name() + " reads " + model.featureCount()
                    + " features but the data set has " + data.featureCount());
        }
    }

    /** Writes the gradient of the mean loss into {@code grad} and returns the mean loss. */
    @Override
    public double valueAndGradient(double[] params, double[] grad) {
        if (batches == null) {
            double loss = model.lossAndGradient(params, data, rows, count, grad);
            evaluations++; // counted once the arguments passed the checks
            return loss;
        }
        if (batches.count() == 0) {
            throw new IllegalArgumentException("the batches hold no batch now: call batches.next() (and check it "
                    + "returned true) before evaluating the objective");
        }
        double loss = model.lossAndGradient(params, data, batches.rows(), batches.count(), grad);
        evaluations++;
        return loss;
    }

    /** The mean loss alone, without counting an evaluation. */
    public double value(double[] params) {
        if (batches == null) {
            return model.loss(params, data, rows, count);
        }
        if (batches.count() == 0) {
            throw new IllegalArgumentException("the batches hold no batch now: call batches.next() first");
        }
        return model.loss(params, data, batches.rows(), batches.count());
    }

    /** How many gradients {@link #valueAndGradient} has computed. */
    public long evaluations() {
        return evaluations;
    }

    public Model model() {
        return model;
    }

    public Dataset data() {
        return data;
    }
}
