package course.models;

import course.Validate;
import course.data.Dataset;
import java.util.Random;

/**
 * A multilayer perceptron for regression, inputs → Dense(hidden, ReLU) → Dense(1), trained on the
 * mean squared error (as {@link LinearRegression}, without ½). The lessons use 10 → 64 → 1
 * ({@link #Mlp()}), 769 parameters.
 *
 * <p>Forward, per row x: aₕ = W1ₕ·x + b1ₕ, hₕ = max(0, aₕ), ŷ = w2·h + b2.
 * Backward, with δ = ∂L/∂ŷ = 2(ŷ − y)/m: ∂L/∂b2 = δ, ∂L/∂w2ₕ = δ·hₕ, ∂L/∂aₕ = δ·w2ₕ·1[aₕ &gt; 0],
 * ∂L/∂W1ₕ = ∂L/∂aₕ·x, ∂L/∂b1ₕ = ∂L/∂aₕ. ReLU's derivative at exactly 0 is taken as 0 (as PyTorch).
 *
 * <p>Layout of the flat parameter vector (H hidden units, D inputs):
 * <pre>
 *   [0, H·D)          W1, row-major: hidden unit h's D input weights at h·D … h·D + D − 1
 *   [H·D, H·D + H)    b1, one bias per hidden unit
 *   [H·D + H, H·D+2H) w2, the output unit's weight for each hidden unit
 *   H·D + 2H          b2, the output bias (the last entry)
 * </pre>
 * The offsets are {@link #w1Offset()}, {@link #b1Offset()}, {@link #w2Offset()}, {@link #b2Offset()}.
 *
 * <p>Initialization from the seed: W1 He normal, N(0, 2/D), suited to ReLU (keeps the activations'
 * variance from layer to layer); w2 Glorot uniform, U(±√(6/(H + 1))), the Keras default for the linear
 * output; biases 0. W1 is drawn row by row, then w2.
 */
public final class Mlp extends Regressor {
    private final int inputs, hidden;
    private final int b1, w2, b2; // offsets into the parameter vector; W1 starts at 0
    private final double[] preActivation; // aₕ of the current row, kept for the backward pass

    /** 10 → 64 ReLU → 1, for {@link course.data.SyntheticData#mlpRegression}. */
    public Mlp() {
        this(10, 64);
    }

    public Mlp(int inputs, int hidden) {
        super("MLP " + Validate.positive("inputs", inputs) + " → " + Validate.positive("hidden units", hidden)
                + " ReLU → 1", inputs, hidden * inputs + 2 * hidden + 1);
        this.inputs = inputs;
        this.hidden = hidden;
        this.b1 = hidden * inputs;
        this.w2 = b1 + hidden;
        this.b2 = w2 + hidden;
        this.preActivation = new double[hidden];
    }

    @Override
    public double[] initialParameters(long seed) {
        Random random = new Random(seed);
        double[] params = new double[parameterCount()];
        double heStd = Math.sqrt(2.0 / inputs);
        for (int i = 0; i < b1; i++) {
            params[i] = heStd * random.nextGaussian();
        }
        double glorotLimit = Math.sqrt(6.0 / (hidden + 1));
        for (int h = 0; h < hidden; h++) {
            params[w2 + h] = glorotLimit * (2 * random.nextDouble() - 1);
        }
        return params;
    }

    /** ŷ for one row, the forward pass; leaves each hidden unit's pre-activation in {@link #preActivation}. */
    @Override
    double prediction(double[] params, Dataset data, int row) {
        double output = params[b2];
        for (int h = 0; h < hidden; h++) {
            double a = data.dot(row, params, h * inputs) + params[b1 + h];
            preActivation[h] = a;
            if (a > 0) {
                output += params[w2 + h] * a;
            }
        }
        return output;
    }

    /** The backward pass from δ = ∂L/∂ŷ ({@code dOutput}), through the pre-activations the forward pass left. */
    @Override
    void backward(double[] params, Dataset data, int row, double dOutput, double[] grad) {
        grad[b2] += dOutput;
        for (int h = 0; h < hidden; h++) {
            double a = preActivation[h];
            if (a > 0) { // ReLU passes the gradient only where the unit was active
                grad[w2 + h] += dOutput * a;
                double dPre = dOutput * params[w2 + h]; // ∂L/∂aₕ
                grad[b1 + h] += dPre;
                data.addScaledRow(row, dPre, grad, h * inputs);
            }
        }
    }

    public int hiddenUnits() {
        return hidden;
    }

    /** Where W1 starts: 0. */
    public int w1Offset() {
        return 0;
    }

    public int b1Offset() {
        return b1;
    }

    public int w2Offset() {
        return w2;
    }

    /** The last entry. */
    public int b2Offset() {
        return b2;
    }
}
