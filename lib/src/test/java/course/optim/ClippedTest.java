package course.optim;

import static course.optim.Near.assertNear;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gradient clipping. By global norm, PyTorch's {@code clip_grad_norm_}: with n = ‖g‖₂,
 * g ← g·min(1, c/(n + 1e-6)). By value: every component clamped to [−c, c]. Plain gradient
 * descent with lr 1 inside makes the clipped gradient visible as −Δθ.
 */
class ClippedTest {

    private static double[] clippedGradient(Clipped clipped, double[] grad) {
        double[] p = new double[grad.length];
        clipped.step(p, grad);
        double[] g = new double[grad.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -p[i];
        }
        return g;
    }

    @Test
    void byGlobalNormKeepsTheDirectionAndCapsTheNormWithPyTorchsEpsilon() {
        Clipped clipped = Clipped.byGlobalNorm(GradientDescent.pytorch(1.0), 1.0);
        double[] grad = {3.0, -4.0, 0.0};
        double[] g = clippedGradient(clipped, grad);
        // n = 5, scale = 1/(5 + 1e-6)
        double scale = 1.0 / (5.0 + 1e-6);
        assertNear(new double[]{3.0 * scale, -4.0 * scale, 0.0}, g, "clipped gradient");
        assertArrayEquals(new double[]{3.0, -4.0, 0.0}, grad, 0.0, "the caller's array is not modified");
        assertEquals(5.0, clipped.lastGradientNorm(), 0.0);
        double norm = Clipped.norm(g);
        assertNear(5.0 / (5.0 + 1e-6), norm, "norm after clipping (just under c)");
        assertTrue(norm < 1.0);
        assertNear(-4.0 / 3.0, g[1] / g[0], "direction");
    }

    @Test
    void byGlobalNormLeavesSmallGradientsUnchanged() {
        Clipped clipped = Clipped.byGlobalNorm(GradientDescent.pytorch(1.0), 1.0);
        double[] g = clippedGradient(clipped, new double[]{0.3, 0.4});
        assertArrayEquals(new double[]{0.3, 0.4}, g, 0.0, "norm 0.5 < 1: untouched");
        assertEquals(0.5, clipped.lastGradientNorm(), 1e-16);
        // right at the limit PyTorch's 1e-6 still scales, by c/(c + 1e-6)
        Clipped atLimit = Clipped.byGlobalNorm(GradientDescent.pytorch(1.0), 0.5);
        double[] h = clippedGradient(atLimit, new double[]{0.3, 0.4});
        double scale = 0.5 / (0.5 + 1e-6);
        assertNear(new double[]{0.3 * scale, 0.4 * scale}, h, "norm = c");
        assertTrue(scale < 1);
    }

    @Test
    void staticClipByGlobalNormWorksInPlaceAndReturnsTheNorm() {
        double[] g = {6.0, 8.0};
        assertEquals(10.0, Clipped.clipByGlobalNorm(g, 2.0), 0.0);
        assertNear(new double[]{6.0 * 2.0 / (10.0 + 1e-6), 8.0 * 2.0 / (10.0 + 1e-6)}, g, "in place");
        double[] v = {-3, 0.5, 3};
        Clipped.clipByValue(v, 1.0);
        assertArrayEquals(new double[]{-1, 0.5, 1}, v, 0.0);
    }

    @Test
    void byValueClampsEachComponentAndMayTurnTheDirection() {
        Clipped clipped = Clipped.byValue(GradientDescent.pytorch(1.0), 0.5);
        double[] grad = {2.0, -0.3, -7.0, 0.5, -0.5};
        double[] g = clippedGradient(clipped, grad);
        assertArrayEquals(new double[]{0.5, -0.3, -0.5, 0.5, -0.5}, g, 0.0);
        assertArrayEquals(new double[]{2.0, -0.3, -7.0, 0.5, -0.5}, grad, 0.0, "the caller's array is not modified");
        assertNear(Math.sqrt(4 + 0.09 + 49 + 0.25 + 0.25), clipped.lastGradientNorm(), "norm before clipping");
    }

    @Test
    void lastGradientNormIsNaNBeforeTheFirstStepAndAfterReset() {
        Clipped clipped = Clipped.byGlobalNorm(Adam.keras(), 1.0);
        assertTrue(Double.isNaN(clipped.lastGradientNorm()));
        clipped.step(new double[2], new double[]{1, 1});
        assertNear(Math.sqrt(2), clipped.lastGradientNorm(), "norm");
        clipped.reset();
        assertTrue(Double.isNaN(clipped.lastGradientNorm()));
    }

    @Test
    void theWrapperDelegatesLearningRateStateResetAndCopy() {
        Momentum inner = Momentum.keras();
        Clipped clipped = Clipped.byGlobalNorm(inner, 1.0);
        assertSame(inner, clipped.wrapped());
        assertEquals(0.01, clipped.learningRate(), 0.0);
        clipped.setLearningRate(0.05);
        assertEquals(0.05, inner.learningRate(), 0.0, "the rate reaches the wrapped optimizer");
        inner.setLearningRate(0.02);
        assertEquals(0.02, clipped.learningRate(), 0.0, "and is read from it");
        assertThrows(IllegalArgumentException.class, () -> clipped.setLearningRate(-1));
        assertEquals(0.02, inner.learningRate(), 0.0);

        double[] p = {1.0, -1.0};
        clipped.step(p, new double[]{30.0, 40.0});
        // clipped to (0.6, 0.8)/(1 + 2e-7) — the norm 50 gives scale 1/(50 + 1e-6)
        double s = 1.0 / (50.0 + 1e-6);
        double[] m = {-0.02 * 30.0 * s, -0.02 * 40.0 * s};
        assertNear(m, clipped.state("velocity"), "state by name is the wrapped optimizer's");
        assertArrayEquals(inner.state("velocity"), clipped.state().get("velocity"), 0.0);
        assertNear(new double[]{1.0 + m[0], -1.0 + m[1]}, p, "θ₁");
        assertEquals(1, clipped.stepCount());
        assertEquals(1, inner.stepCount());

        Clipped copy = clipped.copy();
        double[] q = p.clone();
        clipped.step(p, new double[]{0.1, 0.1});
        copy.step(q, new double[]{0.1, 0.1});
        assertArrayEquals(p, q, 0.0, "the copy continues identically");
        copy.step(q, new double[]{5, 5});
        assertArrayEquals(inner.state("velocity"), clipped.state("velocity"), 0.0);
        assertEquals(2, inner.stepCount(), "stepping the copy leaves the original's inner optimizer alone");
        assertEquals(3, copy.stepCount());
        assertTrue(copy.wrapped() != inner, "the copy wraps a copy");

        clipped.reset();
        assertEquals(0, clipped.stepCount());
        assertEquals(0, inner.stepCount(), "reset reaches the wrapped optimizer");
        assertEquals(0, clipped.state("velocity").length);
    }

    @Test
    void wrapsTextbookNesterovThroughTheClosure() {
        // f(θ) = 2θ₀² + ½(θ₁ − 1)², ∇f = (4θ₀, θ₁ − 1); clip to norm 1; textbook Nesterov ε = 0.01, α = 0.9
        Clipped clipped = Clipped.byGlobalNorm(Nesterov.textbook(), 1.0);
        double[][] seen = new double[2][];
        int[] calls = {0};
        Differentiable f = (x, g) -> {
            seen[calls[0]++] = x.clone();
            g[0] = 4 * x[0];
            g[1] = x[1] - 1;
            return Double.NaN;
        };
        double[] p = {1.0, -2.0};
        // step 1: θ̃ = θ₀ (v = 0); g = (4, −3), n = 5 → g·1/(5 + 1e-6); v = −0.01·g_clipped; θ = θ₀ + v
        clipped.step(p, f);
        double s1 = 1.0 / (5.0 + 1e-6);
        double va = -0.01 * 4.0 * s1, vb = -0.01 * -3.0 * s1;
        assertArrayEquals(new double[]{1.0, -2.0}, seen[0], 0.0);
        assertNear(new double[]{1.0 + va, -2.0 + vb}, p, "θ₁");
        assertNear(5.0, clipped.lastGradientNorm(), "norm at the look-ahead point");
        // step 2: θ̃ = θ₁ + 0.9·v₁, where the gradient is taken, then clipped
        clipped.step(p, f);
        double ta = 1.0 + va + 0.9 * va, tb = -2.0 + vb + 0.9 * vb;
        assertNear(new double[]{ta, tb}, seen[1], "θ̃₂");
        double ga = 4 * ta, gb = tb - 1, n = Math.sqrt(ga * ga + gb * gb);
        double s2 = Math.min(1, 1.0 / (n + 1e-6));
        double va2 = 0.9 * va - 0.01 * ga * s2, vb2 = 0.9 * vb - 0.01 * gb * s2;
        assertNear(new double[]{1.0 + va + va2, -2.0 + vb + vb2}, p, "θ₂");
        assertNear(new double[]{va2, vb2}, clipped.state("velocity"), "v₂");
    }

    @Test
    void smallGradientsMakeTheWrapperInvisible() {
        Optimizer plain = Adam.keras();
        Clipped clipped = Clipped.byGlobalNorm(Adam.keras(), 100.0);
        Clipped byValue = Clipped.byValue(Adam.keras(), 100.0);
        double[] a = {1, 2, 3}, b = a.clone(), c = a.clone();
        for (int k = 0; k < 20; k++) {
            double[] g = {a[0] * 0.5, -a[1], Math.cos(k)};
            plain.step(a, g);
            clipped.step(b, g);
            byValue.step(c, g);
        }
        assertArrayEquals(a, b, 0.0);
        assertArrayEquals(a, c, 0.0);
    }
}
