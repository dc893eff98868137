package course.data;

import course.Validate;

/**
 * Standardization, x′ = (x − mean) / std per feature, with the mean and standard deviation measured
 * on the training set only and then applied unchanged to validation and test data (measuring them on
 * all data would leak information about the held-out rows into training).
 *
 * <p>The standard deviation is the population one (divide by n). A constant feature has std 0; it is
 * centred and left unscaled (scale 1), so it becomes all zeros instead of NaN.
 *
 * <p>Do not standardize the sparse set of {@link SyntheticData#sparseRegression}: centring turns its
 * zeros into non-zeros and the sparsity, the point of that set, is gone.
 */
public final class Standardizer {
    private final double[] means;
    private final double[] scales;

    private Standardizer(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    /** Measures every feature's mean and standard deviation on {@code train}. */
    public static Standardizer fit(Dataset train) {
        Validate.notNull("data set", train);
        int n = train.size(), d = train.featureCount();
        double[] means = new double[d], scales = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                means[j] += train.feature(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            means[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double centred = train.feature(i, j) - means[j];
                scales[j] += centred * centred; // two passes: no cancellation as in E[x²] − E[x]²
            }
        }
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(scales[j] / n);
            scales[j] = std > 0 ? std : 1;
        }
        return new Standardizer(means, scales);
    }

    /** The data set with every feature standardized with the fitted means and scales. */
    public Dataset transform(Dataset data) {
        Validate.notNull("data set", data);
        int n = data.size(), d = data.featureCount();
        if (d != means.length) {
            throw new IllegalArgumentException("this standardizer was fitted on " + means.length
                    + " features but the data set has " + d + ": fit and transform data of the same shape");
        }
        double[] standardized = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                standardized[i * d + j] = (data.feature(i, j) - means[j]) / scales[j];
            }
        }
        return data.withFeatures(standardized);
    }

    /** Fits on {@code train} and transforms both parts of a split with the training statistics. */
    public static Dataset.Split standardize(Dataset.Split split) {
        Validate.notNull("split", split);
        Standardizer standardizer = fit(split.train());
        return new Dataset.Split(standardizer.transform(split.train()), standardizer.transform(split.validation()));
    }

    /** A copy of the per-feature means. */
    public double[] means() {
        return means.clone();
    }

    /** A copy of the per-feature scales (standard deviations; 1 for constant features). */
    public double[] scales() {
        return scales.clone();
    }
}
