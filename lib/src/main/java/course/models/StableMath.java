package course.models;

/**
 * The functions of the classification losses in forms that neither overflow nor lose precision for
 * large |z|, which the textbook forms (1 / (1 + e^(−z)), log(1 + e^z), log Σ e^(zᵢ)) do.
 */
public final class StableMath {
    private StableMath() {
    }

    /** σ(z) = 1 / (1 + e^(−z)), via e^(−|z|), which is at most 1. */
    public static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /**
     * softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)): exact for large z, where e^z would
     * overflow, and log1p keeps the small tail for very negative z.
     */
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** log Σᵢ e^(zᵢ) over z[0 … count−1], shifted by the largest zᵢ so no exponent exceeds 0. */
    public static double logSumExp(double[] z, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.exp(z[i] - max);
        }
        return max + Math.log(sum);
    }
}
