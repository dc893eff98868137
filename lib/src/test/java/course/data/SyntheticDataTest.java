package course.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticDataTest {

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        double[] w = {1, -2};
        assertArrayEquals(SyntheticData.linearRegression(50, w, 0.5, 0.1, 3).features(),
                SyntheticData.linearRegression(50, w, 0.5, 0.1, 3).features(), 0.0);
        assertArrayEquals(SyntheticData.linearRegression(50, w, 0.5, 0.1, 3).targets(),
                SyntheticData.linearRegression(50, w, 0.5, 0.1, 3).targets(), 0.0);
        assertFalse(java.util.Arrays.equals(SyntheticData.linearRegression(50, w, 0.5, 0.1, 3).features(),
                SyntheticData.linearRegression(50, w, 0.5, 0.1, 4).features()));
        assertArrayEquals(SyntheticData.blobs(30, 3, 1, 5).features(), SyntheticData.blobs(30, 3, 1, 5).features(), 0.0);
        assertArrayEquals(SyntheticData.sparseRegression(200, 9).targets(), SyntheticData.sparseRegression(200, 9).targets(), 0.0);
        assertArrayEquals(SyntheticData.mlpRegression(20, 1).targets(), SyntheticData.mlpRegression(20, 1).targets(), 0.0);
        assertArrayEquals(SyntheticData.logisticLabels(20, w, 0, 1).labels(), SyntheticData.logisticLabels(20, w, 0, 1).labels());
    }

    @Test
    void linearRegressionWithoutNoiseIsExactlyLinear() {
        double[] w = {1.5, -2, 0.25};
        Dataset d = SyntheticData.linearRegression(40, w, -1, 0, 11);
        assertEquals(3, d.featureCount());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.dot(i, w, 0) - 1, d.target(i), 1e-12);
        }
    }

    @Test
    void twoBlobsAreBalancedAndCentredOnTheDiagonal() {
        Dataset d = SyntheticData.twoBlobs(2000, 4, 2);
        assertEquals(2, d.classCount());
        double[] sum = new double[4];
        int ones = 0;
        for (int i = 0; i < d.size(); i++) {
            int c = d.label(i);
            ones += c;
            sum[2 * c] += d.feature(i, 0);
            sum[2 * c + 1] += d.feature(i, 1);
        }
        assertEquals(1000, ones);
        double centre = 2 / Math.sqrt(2);
        assertEquals(-centre, sum[0] / 1000, 0.1);
        assertEquals(-centre, sum[1] / 1000, 0.1);
        assertEquals(centre, sum[2] / 1000, 0.1);
        assertEquals(centre, sum[3] / 1000, 0.1);
    }

    @Test
    void logisticLabelsFollowTheGroundTruthProbability() {
        Dataset d = SyntheticData.logisticLabels(4000, new double[]{3}, 0, 5);
        int positiveWhereLikely = 0, likely = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.feature(i, 0) > 1) { // σ(3) ≈ 0.95 and more
                likely++;
                positiveWhereLikely += d.label(i);
            }
        }
        assertTrue(positiveWhereLikely > 0.93 * likely, positiveWhereLikely + " of " + likely);
    }

    @Test
    void blobsHaveKClassesAroundACircle() {
        Dataset d = SyntheticData.blobs(300, 3, 0.5, 1);
        assertEquals(3, d.classCount());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(i % 3, d.label(i));
            double angle = 2 * Math.PI * d.label(i) / 3;
            double distance = Math.hypot(d.feature(i, 0) - 3 * Math.cos(angle), d.feature(i, 1) - 3 * Math.sin(angle));
            assertTrue(distance < 3, "a point is 6 standard deviations from its centre");
        }
    }

    @Test
    void sparseFeaturesAreRareButInformative() {
        Dataset d = SyntheticData.sparseRegression(5000, 9);
        assertEquals(10, d.featureCount());
        assertEquals("rare0", d.featureNames().get(5));
        double[] w = SyntheticData.sparseWeights(5, 5);
        assertArrayEquals(new double[]{0.5, -0.5, 0.5, -0.5, 0.5, 3, -3, 3, -3, 3}, w, 0.0);
        for (int j = 5; j < 10; j++) {
            int present = 0;
            for (int i = 0; i < d.size(); i++) {
                double v = d.feature(i, j);
                assertTrue(v == 0 || v == 1);
                present += (int) v;
            }
            assertEquals(0.02, present / 5000.0, 0.008, "feature " + j);
        }
        double squared = 0;
        for (int i = 0; i < d.size(); i++) {
            double residual = d.target(i) - d.dot(i, w, 0);
            squared += residual * residual;
        }
        assertEquals(0.1, Math.sqrt(squared / d.size()), 0.01); // only the noise is left
    }

    @Test
    void everyRareFeatureAppearsAtLeastOnceEvenInSmallSets() {
        Dataset d = SyntheticData.sparseRegression(10, 2, 6, 0.001, 4);
        for (int j = 2; j < 8; j++) {
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                sum += d.feature(i, j);
            }
            assertTrue(sum >= 1, "rare feature " + j + " never present");
        }
    }

    @Test
    void mlpSetIsTheDocumentedFunctionPlusSmallNoise() {
        Dataset d = SyntheticData.mlpRegression(3000, 6);
        assertEquals(SyntheticData.MLP_FEATURES, d.featureCount());
        double squared = 0;
        for (int i = 0; i < d.size(); i++) {
            double residual = d.target(i) - SyntheticData.mlpTarget(d.row(i));
            squared += residual * residual;
        }
        assertEquals(0.1, Math.sqrt(squared / d.size()), 0.01);
        assertEquals(Math.sin(1) + 0.5 * 2 * 3 + 0.25 * 16 + Math.tanh(-1) + 0.1 * 5,
                SyntheticData.mlpTarget(new double[]{1, 2, 3, 4, -1, 1, 1, 1, 1, 1}), 1e-15);
    }

    @Test
    void badArgumentsAreRejectedWithWhatIsAllowed() {
        assertTrue(message(() -> SyntheticData.linearRegression(0, new double[]{1}, 0, 0, 1)).contains("n must be at least 1"));
        assertTrue(message(() -> SyntheticData.linearRegression(5, new double[0], 0, 0, 1)).contains("weights is empty"));
        assertTrue(message(() -> SyntheticData.linearRegression(5, new double[]{Double.NaN}, 0, 0, 1)).contains("weights[0] must be finite"));
        assertTrue(message(() -> SyntheticData.linearRegression(5, new double[]{1}, 0, -1, 1)).contains("noise must be a finite number ≥ 0"));
        assertTrue(message(() -> SyntheticData.blobs(5, 1, 1, 1)).contains("classes must be at least 2"));
        assertTrue(message(() -> SyntheticData.blobs(5, 3, 0, 1)).contains("spread must be a positive"));
        assertTrue(message(() -> SyntheticData.sparseRegression(5, 1, 1, 0, 1)).contains("rare probability must lie in (0, 1]"));
        assertTrue(message(() -> SyntheticData.sparseRegression(5, -1, 1, 0.1, 1)).contains("dense features must be 0 or more"));
        assertTrue(message(() -> SyntheticData.twoBlobs(5, Double.NaN, 1)).contains("distance"));
        assertTrue(message(() -> SyntheticData.mlpTarget(new double[3])).contains("10 features"));
    }
}
