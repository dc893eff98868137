package course.models;

import course.Validate;
import course.data.Dataset;
import java.util.Arrays;

/**
 * The argument checks and bookkeeping shared by the models, so that each subclass holds only its
 * forward and backward passes. Losses are means over rows, summed here in the order of the rows;
 * subclasses give one row's loss and gradient, for checked arguments and a zeroed gradient.
 * {@code Regressor} and {@code Classifier} add the targets and the metric of their kind of model.
 */
public abstract class AbstractModel implements Model {
    private final String name;
    private final int featureCount;
    private final int parameterCount;
    private int[] allRows = new int[0];

    protected AbstractModel(String name, int featureCount, int parameterCount) {
        this.name = name;
        this.featureCount = featureCount;
        this.parameterCount = parameterCount;
    }

    /** The loss of one row. */
    protected abstract double rowLoss(double[] params, Dataset data, int row);

    /**
     * The loss of one row, with the row's share of the mean loss's gradient (its own gradient divided
     * by {@code count}, the rows of the batch) added into {@code grad}.
     */
    protected abstract double rowLossAndGradient(double[] params, Dataset data, int row, int count, double[] grad);

    /** Throws if {@code data}'s targets are not the kind the model needs (real values, or k classes). */
    protected abstract void checkTargets(Dataset data);

    @Override
    public final double lossAndGradient(double[] params, Dataset data, int[] rows, int count, double[] grad) {
        check(params, data, rows, count);
        if (grad == null) {
            throw new IllegalArgumentException("grad must not be null");
        }
        if (grad.length != parameterCount) {
            throw new IllegalArgumentException("grad has " + grad.length + " entries but " + name + " has "
                    + parameterCount + " parameters: grad must have " + parameterCount);
        }
        Arrays.fill(grad, 0);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += rowLossAndGradient(params, data, rows[i], count, grad);
        }
        return sum / count;
    }

    @Override
    public final double loss(double[] params, Dataset data, int[] rows, int count) {
        check(params, data, rows, count);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += rowLoss(params, data, rows[i]);
        }
        return sum / count;
    }

    @Override
    public final double loss(double[] params, Dataset data) {
        Validate.notNull("data set", data);
        return loss(params, data, allRows(data.size()), data.size());
    }

    @Override
    public final double lossAndGradient(double[] params, Dataset data, double[] grad) {
        Validate.notNull("data set", data);
        return lossAndGradient(params, data, allRows(data.size()), data.size(), grad);
    }

    /**
     * The linear models' start: the first {@code weights} entries 0.01·N(0, 1) drawn from the seed,
     * the rest (the biases, laid out after the weights) 0.
     */
    protected final double[] smallWeightsZeroBiases(long seed, int weights) {
        java.util.Random random = new java.util.Random(seed);
        double[] params = new double[parameterCount()];
        for (int i = 0; i < weights; i++) {
            params[i] = 0.01 * random.nextGaussian();
        }
        return params;
    }

    /** 0 … n−1, grown once and reused, so full-batch calls allocate nothing after the first. */
    protected final int[] allRows(int n) {
        if (allRows.length < n) {
            allRows = new int[n];
            for (int i = 0; i < n; i++) {
                allRows[i] = i;
            }
        }
        return allRows;
    }

    /** Checks params, data, and the rows of a batch; public models call it before any computation. */
    protected final void check(double[] params, Dataset data, int[] rows, int count) {
        check(params, data);
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows is empty: a batch needs at least one row");
        }
        if (count < 1 || count > rows.length) {
            throw new IllegalArgumentException("count must lie between 1 and rows.length = " + rows.length
                    + " (the rows of the batch are rows[0 … count−1]), got " + count);
        }
        int n = data.size();
        for (int i = 0; i < count; i++) {
            if (rows[i] < 0 || rows[i] >= n) {
                throw new IllegalArgumentException("rows[" + i + "] is " + rows[i] + ": rows must lie in 0 … " + (n - 1)
                        + " (the data set has " + n + " rows)");
            }
        }
    }

    /** Checks params and data, before a question about single rows (a prediction) or all rows (a metric). */
    protected final void check(double[] params, Dataset data) {
        checkParams(params);
        checkData(data);
    }

    protected final void checkParams(double[] params) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        if (params.length != parameterCount) {
            throw new IllegalArgumentException("params has " + params.length + " entries but " + name + " has "
                    + parameterCount + " parameters: use initialParameters(seed) for a vector of the right length");
        }
        Validate.finite("params", params);
    }

    protected final void checkData(Dataset data) {
        Validate.notNull("data set", data);
        if (data.featureCount() != featureCount) {
            throw new IllegalArgumentException(name + " reads " + featureCount + " features but the data set has "
                    + data.featureCount() + ": build the model for " + data.featureCount() + " features");
        }
        checkTargets(data);
    }

    /** For regression models: the data set must have real targets. */
    protected final void requireRegression(Dataset data) {
        if (data.isClassification()) {
            throw new IllegalArgumentException(name + " needs a regression data set (real targets), got a classification "
                    + "data set with " + data.classCount() + " classes");
        }
    }

    /** For classifiers: the data set must have labels of exactly {@code classes} classes. */
    protected final void requireClasses(Dataset data, int classes) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException(name + " needs a classification data set with " + classes
                    + " classes, got a regression data set (real targets)");
        }
        if (data.classCount() != classes) {
            throw new IllegalArgumentException(name + " needs a classification data set with " + classes
                    + " classes, got one with " + data.classCount());
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int featureCount() {
        return featureCount;
    }

    @Override
    public final int parameterCount() {
        return parameterCount;
    }

    @Override
    public String toString() {
        return name + ", " + parameterCount + " parameters";
    }
}
