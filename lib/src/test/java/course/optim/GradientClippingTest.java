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
class GradientClippingTest {

    private static double[] clippedGradient(Optimizer clipped, double[] grad) {
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
        var clipped = GradientDescent.pytorch().learningRate(1.0).clipByGlobalNorm(1.0);
        double[] grad = {3.0, -4.0, 0.0};
        double[] g = clippedGradient(clipped, grad);
        // n = 5, scale = 1/(5 + 1e-6)
        double scale = 1.0 / (5.0 + 1e-6);
        assertNear(new double[]{3.0 * scale, -4.0 * scale, 0.0}, g, "clipped gradient");
        assertArrayEquals(new double[]{3.0, -4.0, 0.0}, grad, 0.0, "the caller's array is not modified");
        double norm = GradientClipping.norm(g);
        assertNear(5.0 / (5.0 + 1e-6), norm, "norm after clipping (just under c)");
        assertTrue(norm < 1.0);
        assertNear(-4.0 / 3.0, g[1] / g[0], "direction");
    }

    @Test
    void byGlobalNormLeavesSmallGradientsUnchanged() {
        var clipped = GradientDescent.pytorch().learningRate(1.0).clipByGlobalNorm(1.0);
        double[] g = clippedGradient(clipped, new double[]{0.3, 0.4});
        assertArrayEquals(new double[]{0.3, 0.4}, g, 0.0, "norm 0.5 < 1: untouched");
        // right at the limit PyTorch's 1e-6 still scales, by c/(c + 1e-6)
        var atLimit = GradientDescent.pytorch().learningRate(1.0).clipByGlobalNorm(0.5);
        double[] h = clippedGradient(atLimit, new double[]{0.3, 0.4});
        double scale = 0.5 / (0.5 + 1e-6);
        assertNear(new double[]{0.3 * scale, 0.4 * scale}, h, "norm = c");
        assertTrue(scale < 1);
    }

    @Test
    void staticClipByGlobalNormWorksInPlaceAndReturnsTheNorm() {
        double[] g = {6.0, 8.0};
        assertEquals(10.0, GradientClipping.clipByGlobalNorm(g, 2.0), 0.0);
        assertNear(new double[]{6.0 * 2.0 / (10.0 + 1e-6), 8.0 * 2.0 / (10.0 + 1e-6)}, g, "in place");
        double[] v = {-3, 0.5, 3};
        GradientClipping.clipByValue(v, 1.0);
        assertArrayEquals(new double[]{-1, 0.5, 1}, v, 0.0);
    }

    @Test
    void byValueClampsEachComponentAndMayTurnTheDirection() {
        var clipped = GradientDescent.pytorch().learningRate(1.0).clipByValue(0.5);
        double[] grad = {2.0, -0.3, -7.0, 0.5, -0.5};
        double[] g = clippedGradient(clipped, grad);
        assertArrayEquals(new double[]{0.5, -0.3, -0.5, 0.5, -0.5}, g, 0.0);
        assertArrayEquals(new double[]{2.0, -0.3, -7.0, 0.5, -0.5}, grad, 0.0, "the caller's array is not modified");
    }

    @Test
    void clippingIsComposedWithTheOptimizerWhichStaysItself() {
        Momentum clipped = Momentum.keras().learningRate(0.02).momentum(0.9).clipByGlobalNorm(1.0);
        double[] p = {1.0, -1.0};
        clipped.step(p, new double[]{30.0, 40.0});
        double s = 1.0 / (50.0 + 1e-6);  // the norm 50 gives scale 1/(50 + 1e-6)
        double[] m = {-0.02 * 30.0 * s, -0.02 * 40.0 * s};
        assertNear(m, clipped.state().array("velocity"), "the velocity of the clipped gradient");
        assertNear(new double[]{1.0 + m[0], -1.0 + m[1]}, p, "θ₁");
        Momentum copy = clipped.copy();
        double[] q = p.clone();
        clipped.step(p, new double[]{30, 40});
        copy.step(q, new double[]{30, 40});
        assertArrayEquals(p, q, 0.0, "the copy clips too and continues identically");
        assertEquals("Momentum[Keras](lr=0.02, momentum=0.9, max_norm=1.0)", clipped.toString());
    }

    /** The old Clipped wrapper was not momentum-aware: OneCycle left β₁ of a clipped Adam at 0.9. */
    @Test
    void oneCycleCyclesBeta1OfAClippedAdam() {
        Adam plain = Adam.pytorch();
        Adam clipped = Adam.pytorch().clipByGlobalNorm(1.0);
        course.schedule.OneCycle cycle = new course.schedule.OneCycle(0.01, 100);
        cycle.applyTo(plain, 0);
        cycle.applyTo(clipped, 0);
        assertEquals(0.95, plain.beta1(), 1e-15);
        assertEquals(plain.beta1(), clipped.beta1(), 0.0, "β₁ is cycled on the clipped Adam too");
        cycle.applyTo(plain, 30);
        cycle.applyTo(clipped, 30);
        assertTrue(clipped.beta1() < 0.851, "near the bottom of the momentum cycle: " + clipped.beta1());
        assertEquals(plain.beta1(), clipped.beta1(), 0.0);
    }

    /** The old Clipped wrapper's weightDecay() said 0.0 while its toString showed weight_decay=0.01. */
    @Test
    void weightDecayOfAClippedOptimizerIsWhatItPrints() {
        Adam clipped = Adam.pytorch().weightDecay(0.01).clipByValue(0.5);
        assertEquals(0.01, clipped.weightDecay(), 0.0);
        assertTrue(clipped.toString().contains("weight_decay=0.01"), clipped.toString());
        double[] p = {1.0}, q = {1.0};
        Adam.pytorch().weightDecay(0.01).step(p, new double[]{0.2});
        clipped.step(q, new double[]{0.2});
        assertArrayEquals(p, q, 0.0, "below the clip value the decay acts as without clipping");
    }

    @Test
    void aNonFiniteGradientIsRefusedBeforeClipping() {
        Adam clipped = Adam.keras().clipByGlobalNorm(1.0);
        Divergence e = assertThrows(Divergence.class, () -> clipped.step(new double[2], new double[]{1, Double.NaN}));
        assertTrue(e.getMessage().contains("grad[1] is NaN"), e.getMessage());
    }

    @Test
    void wrapsTextbookNesterovThroughTheClosure() {
        // f(θ) = 2θ₀² + ½(θ₁ − 1)², ∇f = (4θ₀, θ₁ − 1); clip to norm 1; textbook Nesterov ε = 0.01, α = 0.9
        var clipped = Nesterov.textbook().clipByGlobalNorm(1.0);
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
        // step 2: θ̃ = θ₁ + 0.9·v₁, where the gradient is taken, then clipped
        clipped.step(p, f);
        double ta = 1.0 + va + 0.9 * va, tb = -2.0 + vb + 0.9 * vb;
        assertNear(new double[]{ta, tb}, seen[1], "θ̃₂");
        double ga = 4 * ta, gb = tb - 1, n = Math.sqrt(ga * ga + gb * gb);
        double s2 = Math.min(1, 1.0 / (n + 1e-6));
        double va2 = 0.9 * va - 0.01 * ga * s2, vb2 = 0.9 * vb - 0.01 * gb * s2;
        assertNear(new double[]{1.0 + va + va2, -2.0 + vb + vb2}, p, "θ₂");
        assertNear(new double[]{va2, vb2}, clipped.state().array("velocity"), "v₂");
    }

    @Test
    void smallGradientsMakeClippingInvisible() {
        Optimizer plain = Adam.keras();
        var clipped = Adam.keras().clipByGlobalNorm(100.0);
        var byValue = Adam.keras().clipByValue(100.0);
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
