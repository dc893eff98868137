package course.models;

import course.data.Dataset;

/**
 * A model of real targets trained on the mean squared error L = (1/m)·Σ (ŷᵢ − yᵢ)², as PyTorch's
 * {@code MSELoss} and Keras' {@code mean_squared_error} (without the textbook's ½, which would halve
 * the gradient), and reported by the RMSE, √L, in the targets' units. A subclass gives the prediction
 * ŷ of a row and backpropagates ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/m from it.
 */
abstract class Regressor extends AbstractModel {
    Regressor(String name, int featureCount, int parameterCount) {
        super(name, featureCount, parameterCount);
    }

    /** ŷ for one row of checked arguments. */
    abstract double prediction(double[] params, Dataset data, int row);

    /**
     * Adds {@code dPrediction}·∂ŷ/∂θ into {@code grad}, for the row {@link #prediction} was last
     * called on (a network reuses what its forward pass left behind).
     */
    abstract void backward(double[] params, Dataset data, int row, double dPrediction, double[] grad);

    /** ŷ for one row. */
    public final double predict(double[] params, Dataset data, int row) {
        check(params, data);
        return prediction(params, data, row);
    }

    @Override
    protected final double rowLoss(double[] params, Dataset data, int row) {
        double error = prediction(params, data, row) - data.target(row);
        return error * error;
    }

    @Override
    protected final double rowLossAndGradient(double[] params, Dataset data, int row, int count, double[] grad) {
        double error = prediction(params, data, row) - data.target(row);
        backward(params, data, row, 2 * error / count, grad); // ∂L/∂ŷᵢ
        return error * error;
    }

    @Override
    protected final void checkTargets(Dataset data) {
        requireRegression(data);
    }

    @Override
    public final String metricName() {
        return "RMSE";
    }

    /** The root mean squared error over all rows. */
    @Override
    public final double metric(double[] params, Dataset data) {
        return Math.sqrt(loss(params, data));
    }
}
