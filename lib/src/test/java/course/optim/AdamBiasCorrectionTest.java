package course.optim;

import static course.optim.Near.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What Adam's bias correction does on the first step. With s = (1−β₁)g and r = (1−β₂)g²,
 * the corrected step is lr·ŝ/√r̂ = lr·g/|g|: magnitude lr in every coordinate. Uncorrected, it is
 * lr·(1−β₁)g/(√(1−β₂)|g|): (1−β₁)/√(1−β₂) = 0.1/√0.001 = √10 ≈ 3.162 times LARGER with the
 * default betas (not smaller: the first moment's deficit, 1−β₁ = 0.1, is smaller than the second
 * moment's square-rooted one, √0.001 ≈ 0.0316). The ratio is below 1 only when
 * 1−β₁ &lt; √(1−β₂), e.g. β₁ = 0.99, β₂ = 0.999 (ratio 0.316).
 */
class AdamBiasCorrectionTest {
    private static final double[] G = {0.5, -2.0, 0.003};

    private static double[] firstStep(Adam adam) {
        double[] p = new double[G.length];
        adam.step(p, G);
        return p;
    }

    @Test
    void kerasRatioIsExactlyOneMinusBeta1OverRootOfOneMinusBeta2() {
        // Keras: corrected α = lr·√(1−β₂)/(1−β₁), uncorrected α = lr; m/(√v + eps) is the same in both,
        // so the ratio of first steps is (1−β₁)/√(1−β₂) in every coordinate, whatever eps and g.
        double[] on = firstStep(Adam.keras());
        double[] off = firstStep(Adam.keras().biasCorrection(false));
        double ratio = (1 - 0.9) / Math.sqrt(1 - 0.999);
        assertEquals(Math.sqrt(10), ratio, 1e-12);
        for (int i = 0; i < G.length; i++) {
            assertNear(ratio, off[i] / on[i], "coordinate " + i);
        }
    }

    @Test
    void pytorchRatioWithoutEpsilonIsTheSameAndWithEpsilonIsExactlyDerived() {
        // PyTorch: corrected step lr·g/(|g| + eps); uncorrected lr·(1−β₁)g/(√(1−β₂)|g| + eps)
        double[] on = firstStep(Adam.pytorch().epsilon(0));
        double[] off = firstStep(Adam.pytorch().epsilon(0).biasCorrection(false));
        for (int i = 0; i < G.length; i++) {
            assertNear((1 - 0.9) / Math.sqrt(1 - 0.999), off[i] / on[i], "coordinate " + i + " (eps 0)");
        }
        on = firstStep(Adam.pytorch());
        off = firstStep(Adam.pytorch().biasCorrection(false));
        for (int i = 0; i < G.length; i++) {
            double g = Math.abs(G[i]);
            assertNear((1 - 0.9) * (g + 1e-8) / (Math.sqrt(1 - 0.999) * g + 1e-8), off[i] / on[i], "coordinate " + i);
        }
    }

    @Test
    void textbookRatioWithDeltaInsideTheRoot() {
        // course text: corrected ε·g/√(g² + δ); uncorrected ε·(1−ρ₁)g/√((1−ρ₂)g² + δ)
        double[] on = firstStep(Adam.textbook());
        double[] off = firstStep(Adam.textbook().biasCorrection(false));
        for (int i = 0; i < G.length; i++) {
            double g2 = G[i] * G[i];
            assertNear((1 - 0.9) * Math.sqrt(g2 + 1e-8) / Math.sqrt((1 - 0.999) * g2 + 1e-8), off[i] / on[i],
                    "coordinate " + i);
        }
    }

    @Test
    void correctedFirstStepHasMagnitudeLearningRateInEveryCoordinate() {
        for (Adam adam : new Adam[]{Adam.pytorch(), AmsGrad.pytorch(), AdamW.pytorch()}) {
            double[] p = firstStep(adam);
            for (int i = 0; i < G.length; i++) {
                // PyTorch: |Δθ| = lr·|g|/(|g| + eps): within 1e-5 of lr for |g| ≥ 0.003
                double g = Math.abs(G[i]);
                assertNear(0.001 * g / (g + 1e-8), Math.abs(p[i]), adam + " coordinate " + i);
                assertEquals(0.001, Math.abs(p[i]), 0.001 * 1e-5, adam + " coordinate " + i);
                assertEquals(-Math.signum(G[i]), Math.signum(p[i]), 0.0, "moves against the gradient");
            }
        }
        // the course text: |Δθ| = lr·|g|/√(g² + δ), δ = 1e-8 inside the root: 0.06 % short at |g| = 0.003
        double[] t = firstStep(Adam.textbook());
        for (int i = 0; i < G.length; i++) {
            double g = Math.abs(G[i]);
            assertNear(0.001 * g / Math.sqrt(g * g + 1e-8), Math.abs(t[i]), "textbook coordinate " + i);
            assertEquals(0.001, Math.abs(t[i]), 0.001 * 1e-3, "textbook coordinate " + i);
        }
        // Keras adds eps to the uncorrected √v = √(1−β₂)|g|, so on step 1 its eps weighs √1000 ≈ 31.6
        // times more: |Δθ| = lr·√(1−β₂)|g|/(√(1−β₂)|g| + eps), 0.1 % short of lr at |g| = 0.003
        double[] p = firstStep(Adam.keras());
        for (int i = 0; i < G.length; i++) {
            double g = Math.abs(G[i]);
            assertNear(0.001 * Math.sqrt(1 - 0.999) * g / (Math.sqrt(1 - 0.999) * g + 1e-7), Math.abs(p[i]),
                    "Keras coordinate " + i);
            assertEquals(0.001, Math.abs(p[i]), 0.001 * 2e-3, "Keras coordinate " + i);
        }
    }

    @Test
    void uncorrectedFirstStepIsLargerWithDefaultBetasAndSmallerWithBeta1Of099() {
        double[] on = firstStep(Adam.pytorch().epsilon(0));
        double[] off = firstStep(Adam.pytorch().epsilon(0).biasCorrection(false));
        assertTrue(Math.abs(off[0]) > 3 * Math.abs(on[0]), "default betas: " + off[0] + " vs " + on[0]);
        double[] on99 = firstStep(Adam.pytorch().epsilon(0).betas(0.99, 0.999));
        double[] off99 = firstStep(Adam.pytorch().epsilon(0).betas(0.99, 0.999).biasCorrection(false));
        assertNear((1 - 0.99) / Math.sqrt(1 - 0.999), off99[0] / on99[0], "β₁ = 0.99");
        assertTrue(Math.abs(off99[0]) < 0.32 * Math.abs(on99[0]));
    }
}
