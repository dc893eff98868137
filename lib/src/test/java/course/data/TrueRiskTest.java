package course.data;

import course.models.LinearRegression;
import course.models.LogisticRegression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrueRiskTest {

    @Test
    void normalCdfMatchesTabulatedValues() {
        // values of Φ from scipy.stats.norm.cdf (double precision)
        assertEquals(0.5, TrueRisk.normalCdf(0), 1e-16);
        assertEquals(0.8413447460685429, TrueRisk.normalCdf(1), 1e-14);
        assertEquals(0.022750131948179195, TrueRisk.normalCdf(-2), 1e-15);
        assertEquals(0.9986501019683699, TrueRisk.normalCdf(3), 1e-14);
        assertEquals(2.866515718791939e-07, TrueRisk.normalCdf(-5), 1e-19);
        assertEquals(7.619853024160527e-24, TrueRisk.normalCdf(-10), 1e-35);
        assertEquals(0.3085375387259869, TrueRisk.normalCdf(-0.5), 1e-14);
        // the series / continued-fraction seam at |x| = 2.5, z = 2.5·√2
        double z = 2.5 * Math.sqrt(2);
        assertEquals(TrueRisk.normalCdf(Math.nextDown(z)), TrueRisk.normalCdf(z), 1e-13);
    }

    @Test
    void linearRegressionRiskIsTheFormulaAndMatchesAHugeSample() {
        double[] w = {2, -1, 0.5};
        double b = 0.3, noise = 0.7;
        double[] params = {1.5, -1.2, 0.9, 0.0};
        double expected = 0.25 + 0.04 + 0.16 + 0.09 + 0.49;
        assertEquals(expected, TrueRisk.linearRegression(params, w, b, noise), 1e-12);
        assertEquals(noise * noise, TrueRisk.linearRegression(new double[]{2, -1, 0.5, 0.3}, w, b, noise), 1e-15);
        Dataset sample = SyntheticData.linearRegression(200_000, w, b, noise, 5);
        double empirical = new LinearRegression(3).loss(params, sample);
        // the squared error has variance 2·risk² here (a normal error): 4 standard errors
        assertEquals(expected, empirical, 4 * Math.sqrt(2.0 / 200_000) * expected);
    }

    @Test
    void twoBlobsErrorRateMatchesAHugeSample() {
        double distance = 2;
        double[][] classifiers = {{1, 1, 0}, {1, 0.2, 0.4}, {-0.5, 1, -1}, {1, 1, 2}};
        Dataset sample = SyntheticData.twoBlobs(400_000, distance, 8);
        LogisticRegression model = new LogisticRegression(2);
        for (double[] params : classifiers) {
            double rate = TrueRisk.twoBlobsErrorRate(params, distance);
            double empirical = model.zeroOneLoss(params, sample);
            double se = Math.sqrt(rate * (1 - rate) / sample.size());
            assertEquals(rate, empirical, 4 * se + 1e-9, "error rate of " + java.util.Arrays.toString(params));
            double crossEntropy = TrueRisk.twoBlobsCrossEntropy(params, distance);
            double empiricalCe = model.loss(params, sample);
            assertEquals(crossEntropy, empiricalCe, 0.01 * crossEntropy, "cross-entropy of " + java.util.Arrays.toString(params));
        }
    }

    @Test
    void theBayesClassifierReachesTheBayesRateAndNothingBeatsIt() {
        double distance = 3;
        double bayes = TrueRisk.twoBlobsBayesErrorRate(distance);
        assertEquals(TrueRisk.normalCdf(-1.5), bayes, 1e-15);
        assertEquals(bayes, TrueRisk.twoBlobsErrorRate(new double[]{1, 1, 0}, distance), 1e-15);
        assertEquals(bayes, TrueRisk.twoBlobsErrorRate(new double[]{7, 7, 0}, distance), 1e-15);
        for (double angle = 0; angle < 2 * Math.PI; angle += 0.1) {
            for (double bias = -1; bias <= 1; bias += 0.25) {
                double rate = TrueRisk.twoBlobsErrorRate(new double[]{Math.cos(angle), Math.sin(angle), bias}, distance);
                assertTrue(rate >= bayes - 1e-15, "angle " + angle + ", bias " + bias);
            }
        }
        assertEquals(0.5, TrueRisk.twoBlobsErrorRate(new double[]{0, 0, 0.3}, distance), 0);
        assertEquals(Math.log(2), TrueRisk.twoBlobsCrossEntropy(new double[]{0, 0, 0}, distance), 1e-15);
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrueRisk.linearRegression(new double[]{1, 2}, new double[]{1, 2}, 0, 1));
        assertTrue(e.getMessage().contains("2 weights and a bias (3 entries), got 2 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrueRisk.twoBlobsErrorRate(new double[]{1, 1, 0}, -1));
        assertThrows(IllegalArgumentException.class, () -> TrueRisk.twoBlobsErrorRate(new double[]{1, Double.NaN, 0}, 1));
    }
}
