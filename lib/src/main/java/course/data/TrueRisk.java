package course.data;

import course.Validate;

/**
 * The true risk J*(θ) = E over the data-generating distribution of the loss, computed exactly for the
 * synthetic data sets whose distribution is known. What a finite training set gives is the empirical
 * risk, an average over the sample; these are the numbers it estimates, so a lesson can show the gap.
 *
 * <ul>
 *   <li>{@link SyntheticData#linearRegression}: x ~ N(0, I), y = w·x + b + σ·ε. For the linear model
 *       ŷ = ŵ·x + b̂ the mean squared error's expectation is ‖ŵ − w‖² + (b̂ − b)² + σ² (the error
 *       (ŵ − w)·x + (b̂ − b) − σε is a sum of independent zero-mean terms and a constant).</li>
 *   <li>{@link SyntheticData#twoBlobs}: classes 0 and 1 equally likely, x ~ N(∓μ, I) with
 *       μ = (distance/2)·(1, 1)/√2. The linear classifier z = ŵ·x + b̂ sees, within class c, a normal z with
 *       mean ±ŵ·μ + b̂ and standard deviation ‖ŵ‖, so its error rate is a normal tail and its expected
 *       cross-entropy a one-dimensional integral.</li>
 * </ul>
 * Parameters use the models' layout {@code [w₀, …, w_{d−1}, b]}.
 */
public final class TrueRisk {
    private static final int SIMPSON_INTERVALS = 4000; // even
    private static final double SIMPSON_WIDTH = 12;    // standard deviations on each side

    private TrueRisk() {
    }

    /**
     * The expected squared error of the linear model {@code params} on data drawn like
     * {@link SyntheticData#linearRegression}{@code (n, weights, bias, noise, seed)}:
     * ‖ŵ − w‖² + (b̂ − b)² + noise². Its smallest value, noise², is reached at ŵ = w, b̂ = b.
     */
    public static double linearRegression(double[] params, double[] weights, double bias, double noise) {
        Validate.notEmpty("weights", weights);
        checkParams(params, weights.length);
        Validate.nonNegative("noise", noise);
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            double d = params[j] - weights[j];
            sum += d * d;
        }
        double db = params[weights.length] - bias;
        return sum + db * db + noise * noise;
    }

    /**
     * The probability that the classifier "class 1 where ŵ·x + b̂ ≥ 0" errs on a fresh point of
     * {@link SyntheticData#twoBlobs}{@code (n, distance, seed)}: the true 0–1 risk,
     * ½·Φ(−(ŵ·μ + b̂)/‖ŵ‖) + ½·Φ(−(ŵ·μ − b̂)/‖ŵ‖). With ŵ = 0 the prediction is the same for every
     * point, so one class is always wrong: ½.
     */
    public static double twoBlobsErrorRate(double[] params, double distance) {
        checkParams(params, 2);
        Validate.nonNegative("distance", distance);
        double along = projection(params, distance), b = params[2], norm = Math.hypot(params[0], params[1]);
        if (norm == 0) {
            return 0.5;
        }
        return 0.5 * normalCdf(-(along + b) / norm) + 0.5 * normalCdf(-(along - b) / norm);
    }

    /** The lowest error rate any classifier can reach on {@link SyntheticData#twoBlobs}: Φ(−distance/2). */
    public static double twoBlobsBayesErrorRate(double distance) {
        Validate.nonNegative("distance", distance);
        return normalCdf(-distance / 2);
    }

    /**
     * The expected cross-entropy (LogisticRegression's loss, softplus(z) − y·z) of {@code params} on a
     * fresh point of {@link SyntheticData#twoBlobs}, by Simpson's rule over z within 12 standard
     * deviations (error below 1e-10 for the lessons' parameters).
     */
    public static double twoBlobsCrossEntropy(double[] params, double distance) {
        checkParams(params, 2);
        Validate.nonNegative("distance", distance);
        double along = projection(params, distance), b = params[2], norm = Math.hypot(params[0], params[1]);
        // class 1: z ~ N(ŵ·μ + b, ‖ŵ‖²), loss softplus(−z); class 0: z ~ N(−ŵ·μ + b, ‖ŵ‖²), loss softplus(z)
        return 0.5 * expectedSoftplus(-(along + b), norm) + 0.5 * expectedSoftplus(-along + b, norm);
    }

    /** E[softplus(u)] for u ~ N(mean, sd²). */
    static double expectedSoftplus(double mean, double sd) {
        if (sd == 0) {
            return softplus(mean);
        }
        double h = 2 * SIMPSON_WIDTH / SIMPSON_INTERVALS, sum = 0;
        for (int i = 0; i <= SIMPSON_INTERVALS; i++) {
            double t = -SIMPSON_WIDTH + i * h;
            double weight = i == 0 || i == SIMPSON_INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * softplus(mean + sd * t) * Math.exp(-0.5 * t * t);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }

    /** The standard normal distribution function Φ(z), to about 1e-13 absolute (relative in the far tails). */
    public static double normalCdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * erfc(x): a series for |x| &lt; 2.5 (erf(x) = (2/√π)·Σ (−1)ⁿ x^(2n+1) / (n!(2n+1))), Lentz's continued
     * fraction for the tail beyond; both converge to double precision there.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2.5) {
            double term = x, sum = x, x2 = x * x;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + …))))), evaluated by modified Lentz
        double tiny = 1e-300, f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    private static double projection(double[] params, double distance) {
        double mu = distance / 2 / Math.sqrt(2); // each coordinate of μ
        return params[0] * mu + params[1] * mu;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static void checkParams(double[] params, int features) {
        if (params == null || params.length != features + 1) {
            throw new IllegalArgumentException("params must hold " + features + " weights and a bias (" + (features + 1)
                    + " entries), got " + (params == null ? "null" : params.length + " entries"));
        }
        Validate.finite("params", params);
    }
}
