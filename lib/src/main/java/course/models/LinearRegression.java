package course.models;

import course.Validate;
import course.data.Dataset;
import org.ejml.simple.SimpleMatrix;

/**
 * Linear regression ŷ = w·x + b with the mean squared error L = (1/m)·Σ (ŷᵢ − yᵢ)², as PyTorch's
 * {@code MSELoss} and Keras' {@code mean_squared_error} (without the textbook's ½, which would halve
 * the gradient). Backpropagation: ∂L/∂w = (2/m)·Σ (ŷᵢ − yᵢ)·xᵢ, ∂L/∂b = (2/m)·Σ (ŷᵢ − yᵢ).
 *
 * <p>Parameter layout, d + 1 entries: {@code [w₀, …, w_{d−1}, b]}. Initialization: weights
 * 0.01·N(0, 1), bias 0 (a convex problem: any start works, a small random one breaks ties).
 * Metric: RMSE, in the target's units.
 */
public final class LinearRegression extends Regressor {
    private final int d;

    public LinearRegression(int featureCount) {
        super("linear regression (" + Validate.positive("feature count", featureCount) + " features)",
                featureCount, featureCount + 1);
        this.d = featureCount;
    }

    @Override
    public double[] initialParameters(long seed) {
        return smallWeightsZeroBiases(seed, d);
    }

    @Override
    double prediction(double[] params, Dataset data, int row) {
        return data.dot(row, params, 0) + params[d];
    }

    /** ∂ŷ/∂w = x, ∂ŷ/∂b = 1. */
    @Override
    void backward(double[] params, Dataset data, int row, double dPrediction, double[] grad) {
        data.addScaledRow(row, dPrediction, grad, 0);
        grad[d] += dPrediction;
    }

    /**
     * The exact minimizer of the mean squared error, from the normal equations
     * (X̃ᵀX̃)·θ = X̃ᵀy with X̃ = [X, 1] (a column of ones for the bias), solved by EJML. Returns the
     * parameters in this model's layout: where gradient descent should end up.
     */
    public static double[] leastSquares(Dataset data) {
        Validate.notNull("data set", data);
        if (data.isClassification()) {
            throw new IllegalArgumentException("least squares needs a regression data set (real targets), got a "
                    + "classification data set with " + data.classCount() + " classes");
        }
        int n = data.size(), d = data.featureCount();
        if (n < d + 1) {
            throw new IllegalArgumentException("least squares needs at least " + (d + 1) + " rows for " + d
                    + " features and a bias, got " + n + ": the normal equations would be singular");
        }
        SimpleMatrix x = new SimpleMatrix(n, d + 1);
        SimpleMatrix y = new SimpleMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, data.feature(i, j));
            }
            x.set(i, d, 1);
            y.set(i, 0, data.target(i));
        }
        SimpleMatrix xt = x.transpose();
        SimpleMatrix normal = xt.mult(x);
        // an exactly singular system may still "solve" to huge finite numbers: ask the condition number first
        double condition = normal.conditionP2();
        if (!(condition < 1e12)) {
            throw new IllegalArgumentException("the normal equations are singular (condition number " + condition
                    + "): some features are linearly dependent (or constant, like the bias column); drop the redundant ones");
        }
        SimpleMatrix theta;
        try {
            theta = normal.solve(xt.mult(y));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the normal equations are singular: some features are linearly dependent "
                    + "(or constant, like the bias column); drop the redundant ones", e);
        }
        double[] params = new double[d + 1];
        for (int j = 0; j <= d; j++) {
            params[j] = theta.get(j, 0);
            if (!Double.isFinite(params[j])) {
                throw new IllegalArgumentException("the normal equations are singular: some features are linearly "
                        + "dependent (or constant, like the bias column); drop the redundant ones");
            }
        }
        return params;
    }
}
