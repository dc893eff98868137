package course.models;

import course.Validate;
import course.data.Dataset;

/**
 * Binary logistic regression, P(y = 1 | x) = σ(z) with z = w·x + b, trained on the mean binary
 * cross-entropy L = (1/m)·Σ −[yᵢ·log σ(zᵢ) + (1 − yᵢ)·log(1 − σ(zᵢ))].
 *
 * <p>Per row the loss is computed from the logit as softplus(z) − y·z, which is the same number
 * without ever taking log(0) or overflowing e^z (PyTorch's {@code BCEWithLogitsLoss}). Its gradient
 * is the famous (σ(z) − y): ∂L/∂w = (1/m)·Σ (σ(zᵢ) − yᵢ)·xᵢ, ∂L/∂b = (1/m)·Σ (σ(zᵢ) − yᵢ).
 *
 * <p>Cross-entropy is a smooth, convex stand-in for what we really care about, the 0–1 loss (the
 * fraction of rows misclassified, {@link #zeroOneLoss}), whose gradient is zero almost everywhere.
 *
 * <p>Parameter layout, d + 1 entries: {@code [w₀, …, w_{d−1}, b]}. Initialization: weights
 * 0.01·N(0, 1), bias 0. Labels must be 0 and 1 (a data set with 2 classes). Metric: accuracy,
 * predicting class 1 where σ(z) ≥ ½, i.e. z ≥ 0.
 */
public final class LogisticRegression extends Classifier {
    private final int d;

    public LogisticRegression(int featureCount) {
        super("logistic regression (" + Validate.positive("feature count", featureCount) + " features)",
                featureCount, featureCount + 1, 2);
        this.d = featureCount;
    }

    @Override
    public double[] initialParameters(long seed) {
        return smallWeightsZeroBiases(seed, d);
    }

    /** P(y = 1 | x) for one row. */
    public double probability(double[] params, Dataset data, int row) {
        check(params, data);
        return StableMath.sigmoid(logit(params, data, row));
    }

    private double logit(double[] params, Dataset data, int row) {
        return data.dot(row, params, 0) + params[d];
    }

    /** 1 where σ(z) ≥ ½, else 0. */
    @Override
    int predictedClass(double[] params, Dataset data, int row) {
        return logit(params, data, row) >= 0 ? 1 : 0;
    }

    @Override
    protected double rowLoss(double[] params, Dataset data, int row) {
        double z = logit(params, data, row);
        return StableMath.softplus(z) - data.target(row) * z;
    }

    @Override
    protected double rowLossAndGradient(double[] params, Dataset data, int row, int count, double[] grad) {
        double z = logit(params, data, row), y = data.target(row);
        double dLogit = (StableMath.sigmoid(z) - y) / count; // ∂L/∂zᵢ
        data.addScaledRow(row, dLogit, grad, 0);
        grad[d] += dLogit;
        return StableMath.softplus(z) - y * z;
    }

    /** The 0–1 loss that cross-entropy stands in for: the fraction of rows misclassified. */
    public double zeroOneLoss(double[] params, Dataset data) {
        int correct = correctlyClassified(params, data); // checks the arguments first
        return (double) (data.size() - correct) / data.size();
    }
}
