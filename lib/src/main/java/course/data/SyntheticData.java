package course.data;

import course.Validate;
import java.util.Random;

/**
 * Seeded synthetic data sets for the lessons. Each draws from one {@link java.util.Random} created
 * from the seed (its sequence is fixed by the Java specification, so the same seed gives the same
 * data on every JDK), row by row in the order each method documents.
 */
public final class SyntheticData {
    /** Features of the {@link #mlpRegression} set. */
    public static final int MLP_FEATURES = 10;

    private SyntheticData() {
    }

    /**
     * y = X·w + b + noise·ε with features and ε standard normal. Per row: the d features, then ε.
     */
    public static Dataset linearRegression(int n, double[] weights, double bias, double noise, long seed) {
        Validate.positive("n", n);
        checkWeights(weights);
        checkFinite("bias", bias);
        Validate.nonNegative("noise", noise);
        int d = weights.length;
        Random random = new Random(seed);
        double[] x = new double[n * d], y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = bias;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = random.nextGaussian();
                sum += weights[j] * x[i * d + j];
            }
            y[i] = sum + noise * random.nextGaussian();
        }
        return Dataset.regression(x, d, y);
    }

    /**
     * Two round Gaussian blobs in the plane (standard deviation 1), {@code distance} apart along the
     * diagonal: class 0 around −(distance/2)·(1, 1)/√2, class 1 around +(distance/2)·(1, 1)/√2. Row i
     * has class i mod 2 (balanced); per row: the two coordinates' noise. Distance 4 overlaps a little,
     * 0 not at all separable.
     */
    public static Dataset twoBlobs(int n, double distance, long seed) {
        Validate.positive("n", n);
        Validate.nonNegative("distance", distance);
        double offset = distance / 2 / Math.sqrt(2);
        Random random = new Random(seed);
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double sign = labels[i] == 1 ? 1 : -1;
            x[2 * i] = sign * offset + random.nextGaussian();
            x[2 * i + 1] = sign * offset + random.nextGaussian();
        }
        return Dataset.classification(x, 2, labels, 2);
    }

    /**
     * Binary labels from a logistic ground truth: standard normal features, P(y = 1 | x) = σ(w·x + b).
     * Per row: the d features, then one uniform number u, and y = 1 when u &lt; σ(w·x + b).
     */
    public static Dataset logisticLabels(int n, double[] weights, double bias, long seed) {
        Validate.positive("n", n);
        checkWeights(weights);
        checkFinite("bias", bias);
        int d = weights.length;
        Random random = new Random(seed);
        double[] x = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double z = bias;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = random.nextGaussian();
                z += weights[j] * x[i * d + j];
            }
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return Dataset.classification(x, d, labels, 2);
    }

    /**
     * k Gaussian blobs in the plane for multi-class classification: centres evenly on a circle of
     * radius 3, (3·cos(2πc/k), 3·sin(2πc/k)), standard deviation {@code spread}. Row i has class
     * i mod k; per row: the two coordinates' noise.
     */
    public static Dataset blobs(int n, int classes, double spread, long seed) {
        Validate.positive("n", n);
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        Validate.positive("spread", spread);
        Random random = new Random(seed);
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            double angle = 2 * Math.PI * c / classes;
            labels[i] = c;
            x[2 * i] = 3 * Math.cos(angle) + spread * random.nextGaussian();
            x[2 * i + 1] = 3 * Math.sin(angle) + spread * random.nextGaussian();
        }
        return Dataset.classification(x, 2, labels, classes);
    }

    /**
     * The case AdaGrad was designed for: a few features that are rarely non-zero but carry large
     * weights, beside common dense ones. Regression, y = X·w + 0.1·ε, no bias.
     *
     * <ul>
     *   <li>dense features "dense0", … : standard normal, weights ±0.5 (alternating, + first);</li>
     *   <li>rare features "rare0", … : 1 with probability {@code rareProbability}, else 0 (like a rare
     *       word being present), weights ±3 (alternating, + first). Each rare feature is made non-zero
     *       in at least one row (a uniformly drawn row, if chance left it all zero), so every weight
     *       can be learned.</li>
     * </ul>
     *
     * <p>Why it favours AdaGrad: a rare weight's gradient is non-zero only in the few batches that
     * contain its feature, and the loss curves along it about 1/p times less than along a dense one,
     * so one learning rate is either too small for the rare weights or too large for the dense ones.
     * AdaGrad divides each coordinate's step by the root of its own accumulated squared gradients,
     * which stay small for rare features, so they get the larger steps they need.
     *
     * <p>Per row: the dense features, then one uniform number per rare feature, then ε; then the
     * fix-ups for all-zero rare columns. {@link #sparseWeights} gives the true weights. Do not
     * standardize this set: centring would fill in the zeros.
     */
    public static Dataset sparseRegression(int n, int denseFeatures, int rareFeatures, double rareProbability, long seed) {
        Validate.positive("n", n);
        if (denseFeatures < 0) {
            throw new IllegalArgumentException("dense features must be 0 or more, got " + denseFeatures);
        }
        Validate.positive("rare features", rareFeatures);
        if (!(rareProbability > 0 && rareProbability <= 1)) {
            throw new IllegalArgumentException("rare probability must lie in (0, 1], got " + rareProbability);
        }
        int d = denseFeatures + rareFeatures;
        double[] w = sparseWeights(denseFeatures, rareFeatures);
        Random random = new Random(seed);
        double[] x = new double[n * d], noise = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < denseFeatures; j++) {
                x[i * d + j] = random.nextGaussian();
            }
            for (int j = denseFeatures; j < d; j++) {
                x[i * d + j] = random.nextDouble() < rareProbability ? 1 : 0;
            }
            noise[i] = 0.1 * random.nextGaussian();
        }
        for (int j = denseFeatures; j < d; j++) {
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) {
                seen = x[i * d + j] != 0;
            }
            if (!seen) {
                x[random.nextInt(n) * d + j] = 1;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = noise[i];
            for (int j = 0; j < d; j++) {
                sum += w[j] * x[i * d + j];
            }
            y[i] = sum;
        }
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = j < denseFeatures ? "dense" + j : "rare" + (j - denseFeatures);
        }
        return Dataset.regression(x, d, y, names);
    }

    /** The default sparse set: 5 dense and 5 rare features, each rare one present in 2 % of rows. */
    public static Dataset sparseRegression(int n, long seed) {
        return sparseRegression(n, 5, 5, 0.02, seed);
    }

    /** The true weights of {@link #sparseRegression}: dense ±0.5, then rare ±3 (the bias is 0). */
    public static double[] sparseWeights(int denseFeatures, int rareFeatures) {
        double[] w = new double[denseFeatures + rareFeatures];
        for (int j = 0; j < w.length; j++) {
            boolean dense = j < denseFeatures;
            int k = dense ? j : j - denseFeatures;
            w[j] = (dense ? 0.5 : 3) * (k % 2 == 0 ? 1 : -1);
        }
        return w;
    }

    /**
     * A nonlinear regression set with {@value #MLP_FEATURES} standard normal features for the MLP:
     * y = {@link #mlpTarget}(x) + 0.1·ε. Linear regression cannot fit the sine, product, square and
     * tanh terms; a hidden layer can. Per row: the 10 features, then ε.
     */
    public static Dataset mlpRegression(int n, long seed) {
        Validate.positive("n", n);
        int d = MLP_FEATURES;
        Random random = new Random(seed);
        double[] x = new double[n * d], y = new double[n], row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
            System.arraycopy(row, 0, x, i * d, d);
            y[i] = mlpTarget(row) + 0.1 * random.nextGaussian();
        }
        return Dataset.regression(x, d, y);
    }

    /**
     * The noise-free target of {@link #mlpRegression}:
     * sin(x₀) + 0.5·x₁·x₂ + 0.25·x₃² + tanh(x₄) + 0.1·(x₅ + x₆ + x₇ + x₈ + x₉).
     */
    public static double mlpTarget(double[] x) {
        if (x == null || x.length != MLP_FEATURES) {
            throw new IllegalArgumentException("x must have " + MLP_FEATURES + " features, got "
                    + (x == null ? "null" : x.length + ""));
        }
        return Math.sin(x[0]) + 0.5 * x[1] * x[2] + 0.25 * x[3] * x[3] + Math.tanh(x[4])
                + 0.1 * (x[5] + x[6] + x[7] + x[8] + x[9]);
    }

    private static void checkWeights(double[] weights) {
        Validate.notEmpty("weights", weights);
        for (int j = 0; j < weights.length; j++) {
            checkFinite("weights[" + j + "]", weights[j]);
        }
    }

    private static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
