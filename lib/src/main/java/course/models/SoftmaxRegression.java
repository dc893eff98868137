package course.models;

import course.Validate;
import course.data.Dataset;

/**
 * Softmax (multinomial logistic) regression for k classes: logits z_c = w_c·x + b_c,
 * P(y = c | x) = e^(z_c) / Σ_c′ e^(z_c′), trained on the mean cross-entropy
 * L = (1/m)·Σᵢ [log Σ_c e^(z_{i,c}) − z_{i,yᵢ}].
 *
 * <p>The log-sum-exp is shifted by the largest logit ({@link StableMath#logSumExp}), so no
 * exponential overflows. Gradient: with pᵢ the predicted probabilities and 1[yᵢ] the one-hot label,
 * ∂L/∂w_c = (1/m)·Σ (p_{i,c} − 1[yᵢ = c])·xᵢ and ∂L/∂b_c = (1/m)·Σ (p_{i,c} − 1[yᵢ = c]).
 *
 * <p>Parameter layout, k·d + k entries: the weight matrix W (k × d) row-major, class c's weights at
 * {@code c·d … c·d + d − 1}, then the k biases at {@code k·d + c}. Initialization: weights
 * 0.01·N(0, 1) row by row, biases 0. Metric: accuracy (the arg-max class; ties go to the lower class).
 */
public final class SoftmaxRegression extends Classifier {
    private final int d, k;
    private final double[] logits; // scratch, one per class, reused by every row and call

    public SoftmaxRegression(int featureCount, int classes) {
        super("softmax regression (" + Validate.positive("feature count", featureCount) + " features, "
                + checkClasses(classes) + " classes)", featureCount, classes * featureCount + classes, classes);
        this.d = featureCount;
        this.k = classes;
        this.logits = new double[classes];
    }

    private static int checkClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        return classes;
    }

    /** k. */
    public int classCount() {
        return k;
    }

    @Override
    public double[] initialParameters(long seed) {
        return smallWeightsZeroBiases(seed, k * d);
    }

    /** Fills {@link #logits} for one row and returns log Σ e^(z_c). */
    private double logitsAndLogPartition(double[] params, Dataset data, int row) {
        for (int c = 0; c < k; c++) {
            logits[c] = data.dot(row, params, c * d) + params[k * d + c];
        }
        return StableMath.logSumExp(logits, k);
    }

    /** The k class probabilities for one row (a new array). */
    public double[] probabilities(double[] params, Dataset data, int row) {
        check(params, data);
        double logPartition = logitsAndLogPartition(params, data, row);
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(logits[c] - logPartition);
        }
        return p;
    }

    /** The most probable class for one row: the arg-max logit, ties to the lower class. */
    @Override
    int predictedClass(double[] params, Dataset data, int row) {
        logitsAndLogPartition(params, data, row);
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    protected double rowLoss(double[] params, Dataset data, int row) {
        return logitsAndLogPartition(params, data, row) - logits[data.label(row)];
    }

    @Override
    protected double rowLossAndGradient(double[] params, Dataset data, int row, int count, double[] grad) {
        int y = data.label(row);
        double logPartition = logitsAndLogPartition(params, data, row);
        for (int c = 0; c < k; c++) {
            double dLogit = (Math.exp(logits[c] - logPartition) - (c == y ? 1 : 0)) / count; // ∂L/∂z_c
            data.addScaledRow(row, dLogit, grad, c * d);
            grad[k * d + c] += dLogit;
        }
        return logPartition - logits[y];
    }
}
