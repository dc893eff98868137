package course.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.Dataset;
import course.data.SyntheticData;
import course.models.LinearRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientNoiseTest {
    private static final Dataset SIX = SyntheticData.linearRegression(6, new double[] {2.0, -1.0}, 0.5, 1.0, 3);
    private static final LinearRegression MODEL = new LinearRegression(2);
    private static final double[] AT = {0.3, 0.1, -0.2};

    /** The one-example gradient of (w·x + b − y)², written out: 2r·(x, 1). */
    private static double[] byHand(int i) {
        double r = AT[0] * SIX.feature(i, 0) + AT[1] * SIX.feature(i, 1) + AT[2] - SIX.target(i);
        return new double[] {2 * r * SIX.feature(i, 0), 2 * r * SIX.feature(i, 1), 2 * r};
    }

    @Test
    void theGradientAndTheSpreadAreThoseOfTheOneExampleGradients() {
        GradientNoise noise = GradientNoise.at(MODEL, SIX, AT);
        double[] mean = new double[3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                mean[j] += byHand(i)[j] / 6;
            }
        }
        double spread = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                spread += Math.pow(byHand(i)[j] - mean[j], 2) / 6;
            }
        }
        assertArrayEquals(mean, noise.gradient(), 1e-12);
        assertEquals(spread, noise.traceSigma(), 1e-12);
        assertEquals(Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]), noise.gradientNorm(), 1e-12);
        assertEquals(spread / (noise.gradientNorm() * noise.gradientNorm()), noise.noiseScale(), 1e-12);
        assertEquals(6, noise.size());
    }

    @Test
    void withoutReplacementTheFinitePopulationFactorIsExactOverEverySubset() {
        GradientNoise noise = GradientNoise.at(MODEL, SIX, AT);
        double[] g = noise.gradient();
        // every 3-row subset of 6 rows, each equally likely: the exact expectation
        double sum = 0;
        int subsets = 0;
        for (int a = 0; a < 6; a++) for (int b = a + 1; b < 6; b++) for (int c = b + 1; c < 6; c++) {
            double e = 0;
            for (int j = 0; j < 3; j++) e += Math.pow((byHand(a)[j] + byHand(b)[j] + byHand(c)[j]) / 3 - g[j], 2);
            sum += e;
            subsets++;
        }
        assertEquals(20, subsets);
        assertEquals(sum / subsets, noise.expectedSquaredError(3, false), 1e-12, "tr Σ/3 · (6 − 3)/(6 − 1)");
        assertEquals(noise.traceSigma() / 3 * 3 / 5, noise.expectedSquaredError(3, false), 1e-12);
        assertEquals(noise.traceSigma() / 3, noise.expectedSquaredError(3, true), 1e-15);
        assertEquals(noise.traceSigma(), noise.expectedSquaredError(1, false), 1e-15, "one row: no factor");
        assertEquals(0, noise.expectedSquaredError(6, false), 0, "the whole set is g itself");
        assertEquals(3.0 * 7 / 9, GradientNoise.expectedSquaredError(9, 10, 3, false), 1e-15, "9/3 · (10 − 3)/(10 − 1)");
    }

    @Test
    void samplesAgreeWithTheExpectationAndTheWholeSetHasNoError() {
        Dataset data = SyntheticData.linearRegression(200, new double[] {2.0, -1.0}, 0.5, 1.0, 4);
        GradientNoise noise = GradientNoise.at(MODEL, data, AT);
        for (boolean replace : new boolean[] {true, false}) {
            GradientNoise.Sample s = noise.sample(50, 4000, replace, new Random(1));
            assertEquals(noise.expectedSquaredError(50, replace), s.meanSquaredError(), 0.08 * noise.expectedSquaredError(50, replace),
                    "with replacement " + replace);
            assertEquals(Math.sqrt(s.meanSquaredError()), s.rms(), 0);
            assertArrayEquals(noise.gradient(), s.meanEstimate(), 0.05 * noise.gradientNorm(), "ĝ is unbiased");
        }
        assertTrue(noise.sample(50, 4000, false, new Random(1)).meanSquaredError()
                < 0.85 * noise.sample(50, 4000, true, new Random(1)).meanSquaredError(), "the factor 150/199 shows");
        GradientNoise.Sample whole = noise.sample(200, 3, false, new Random(2));
        assertEquals(0, whole.meanSquaredError(), 1e-20, "all 200 distinct rows: ĝ = g");
        assertEquals(1.0, whole.meanCosine(), 1e-12);
        assertEquals(1.0, whole.descentShare(), 0);
        double share = noise.sample(1, 500, true, new Random(3)).descentShare();
        assertTrue(share > 0 && share < 1, "one-example gradients point downhill only sometimes here: " + share);
    }

    @Test
    void badInputSaysWhatToDo() {
        GradientNoise noise = GradientNoise.at(MODEL, SIX, AT);
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> noise.sample(7, 1, false, new Random(1)));
        assertTrue(tooBig.getMessage().contains("use at most 6"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> noise.sample(0, 1, true, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> noise.sample(2, 0, true, new Random(1)));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> GradientNoise.at(MODEL, SIX, new double[2]));
        assertTrue(length.getMessage().contains("3 parameters"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientNoise.at(MODEL, SIX.subset(0), AT));
        assertThrows(IllegalArgumentException.class, () -> GradientNoise.expectedSquaredError(-1, 10, 2, true));
    }
}
