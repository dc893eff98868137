package course.train;

import course.Validate;
import course.data.Dataset;
import course.models.Model;
import java.util.Random;

/**
 * How noisy a minibatch gradient is at one parameter vector: the full gradient g over a data set of m
 * rows, the spread of the one-example gradients around it, tr Σ = (1/m) Σᵢ ‖gᵢ − g‖², and minibatch
 * estimates ĝ drawn at random and compared with g. Lessons 02 and 03 measure with it.
 *
 * <p>The expected squared error of a minibatch mean of |B| rows is tr Σ/|B| when the rows are drawn with
 * replacement, and tr Σ/|B| · (m − |B|)/(m − 1) without (the finite-population factor: the m deviations
 * gᵢ − g sum to zero, so two different rows' deviations are negatively correlated).
 */
public final class GradientNoise {
    private final Model model;
    private final Dataset data;
    private final double[] params;
    private final double[] full;
    private final double traceSigma;
    private int[] permutation;

    private GradientNoise(Model model, Dataset data, double[] params) {
        this.model = model;
        this.data = data;
        this.params = params.clone();
        int n = model.parameterCount(), m = data.size();
        full = new double[n];
        model.lossAndGradient(this.params, data, full);
        double[] single = new double[n];
        int[] one = new int[1];
        double spread = 0;
        for (int i = 0; i < m; i++) {
            one[0] = i;
            model.lossAndGradient(this.params, data, one, 1, single);
            for (int j = 0; j < n; j++) {
                spread += (single[j] - full[j]) * (single[j] - full[j]) / m;
            }
        }
        traceSigma = spread;
    }

    /** Computes g and tr Σ at {@code params} (copied) over every row of {@code data}: m + 1 gradients. */
    public static GradientNoise at(Model model, Dataset data, double[] params) {
        Validate.notNull("model", model);
        Validate.notNull("data", data);
        Validate.notNull("params", params);
        if (params.length != model.parameterCount()) {
            throw new IllegalArgumentException(model.name() + " has " + model.parameterCount() + " parameters but params has "
                    + params.length + ": pass the model's own parameter vector");
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("the data set has " + data.size() + " row(s): the spread of the one-example "
                    + "gradients needs at least 2");
        }
        return new GradientNoise(model, data, params);
    }

    /** A copy of the full gradient g. */
    public double[] gradient() {
        return full.clone();
    }

    /** ‖g‖. */
    public double gradientNorm() {
        double s = 0;
        for (double v : full) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** tr Σ = (1/m) Σᵢ ‖gᵢ − g‖², the mean squared error of a one-example gradient. */
    public double traceSigma() {
        return traceSigma;
    }

    /** The simple noise scale tr Σ / ‖g‖²: the batch size (with replacement) whose RMS error equals ‖g‖. */
    public double noiseScale() {
        double length = gradientNorm();
        return traceSigma / (length * length);
    }

    /** m, the rows of the data set. */
    public int size() {
        return data.size();
    }

    /** E‖ĝ − g‖² for a minibatch of |B| rows out of m: tr Σ/|B|, times (m − |B|)/(m − 1) without replacement. */
    public static double expectedSquaredError(double traceSigma, int m, int batchSize, boolean withReplacement) {
        Validate.nonNegative("tr Σ", traceSigma);
        checkBatch(m, batchSize, withReplacement);
        double withIt = traceSigma / batchSize;
        return withReplacement ? withIt : withIt * (m - batchSize) / (m - 1.0);
    }

    /** {@link #expectedSquaredError(double, int, int, boolean)} with this point's tr Σ and m. */
    public double expectedSquaredError(int batchSize, boolean withReplacement) {
        return expectedSquaredError(traceSigma, data.size(), batchSize, withReplacement);
    }

    /**
     * What {@code draws} minibatches of {@code batchSize} rows, drawn with {@code random} (with or without
     * replacement within a batch), do: their mean ‖ĝ − g‖², their mean ĝ, their mean cosine with g and the
     * share with ĝ·g > 0 (a step along −ĝ goes downhill for a small enough rate).
     */
    public Sample sample(int batchSize, int draws, boolean withReplacement, Random random) {
        Validate.positive("draws", draws);
        Validate.notNull("random", random);
        int m = data.size();
        checkBatch(m, batchSize, withReplacement);
        int n = full.length;
        int[] rows = new int[batchSize];
        double[] estimate = new double[n], mean = new double[n];
        double sumSquares = 0, cosines = 0, downhill = 0, fullNorm = gradientNorm();
        for (int t = 0; t < draws; t++) {
            draw(rows, withReplacement, random);
            model.lossAndGradient(params, data, rows, batchSize, estimate);
            double error = 0, dot = 0, length = 0;
            for (int j = 0; j < n; j++) {
                error += (estimate[j] - full[j]) * (estimate[j] - full[j]);
                dot += estimate[j] * full[j];
                length += estimate[j] * estimate[j];
                mean[j] += estimate[j] / draws;
            }
            sumSquares += error;
            cosines += dot / (Math.sqrt(length) * fullNorm) / draws;
            if (dot > 0) {
                downhill++;
            }
        }
        return new Sample(batchSize, draws, sumSquares / draws, mean, cosines, downhill / draws);
    }

    private void draw(int[] rows, boolean withReplacement, Random random) {
        int m = data.size();
        if (withReplacement) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(m);
            }
            return;
        }
        if (permutation == null) {
            permutation = new int[m];
            for (int i = 0; i < m; i++) {
                permutation[i] = i;
            }
        }
        // a partial Fisher–Yates shuffle: the first |B| entries are a uniform subset whatever the order before
        for (int i = 0; i < rows.length; i++) {
            int j = i + random.nextInt(m - i);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
            rows[i] = permutation[i];
        }
    }

    private static void checkBatch(int m, int batchSize, boolean withReplacement) {
        Validate.positive("batch size", batchSize);
        if (m < 2) {
            throw new IllegalArgumentException("m = " + m + ": a data set needs at least 2 rows");
        }
        if (!withReplacement && batchSize > m) {
            throw new IllegalArgumentException("a batch of " + batchSize + " rows drawn without replacement from " + m
                    + " rows is impossible: use at most " + m + ", or draw with replacement");
        }
    }

    /**
     * The result of {@link #sample}.
     *
     * @param meanSquaredError the mean of ‖ĝ − g‖² over the draws
     * @param meanEstimate     the mean of the draws' ĝ (g, up to noise: ĝ is unbiased)
     * @param meanCosine       the mean of cos(ĝ, g)
     * @param descentShare     the share of draws with ĝ·g > 0
     */
    public record Sample(int batchSize, int draws, double meanSquaredError, double[] meanEstimate, double meanCosine,
            double descentShare) {
        /** √(mean ‖ĝ − g‖²), the RMS error. */
        public double rms() {
            return Math.sqrt(meanSquaredError);
        }
    }
}
