package course.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * RAdam, ASGD, Rprop, maximize and NAdam's decoupled decay by hand (the torch 2.x replay is
 * TorchParityTest), Keras's Lion (replayed by KerasParityTest), and their bad arguments.
 */
class TorchAdditionsTest {

    private static void refused(Executable action, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message should mention '" + fragment + "': " + e.getMessage());
        }
    }

    @Test
    void radamTakesFiveMomentumStepsThenRectifiedAdamSteps() {
        // β₂ = 0.999: ρ_∞ = 1999, ρ_t = 1999 − 2t·0.999^t/(1 − 0.999^t): ρ_5 ≈ 4.996 ≤ 5 < ρ_6 ≈ 5.995
        RAdam radam = RAdam.pytorch().learningRate(0.1);
        double[] theta = {1.0};
        radam.step(theta, new double[] {2.0});
        assertEquals(1.0 - 0.1 * 2.0, theta[0], 1e-15, "step 1: m̂ = g, θ − lr·m̂");
        for (int t = 2; t <= 5; t++) {
            radam.step(theta, new double[] {2.0});
        }
        assertEquals(1.0 - 5 * 0.1 * 2.0, theta[0], 1e-14, "constant g: m̂ = g at every step, five plain steps");
        // step 6: r_6 = √((ρ−4)(ρ−2)ρ_∞/((ρ_∞−4)(ρ_∞−2)ρ)), step lr·m̂·r·√(1−β₂⁶)/(√v + eps) with v = (1 − 0.999⁶)·4
        double b2t = Math.pow(0.999, 6), rho = 1999 - 12 * b2t / (1 - b2t);
        double r = Math.sqrt((rho - 4) * (rho - 2) * 1999 / (1995.0 * 1997.0 * rho));
        double v = (1 - b2t) * 4;
        double before = theta[0];
        radam.step(theta, new double[] {2.0});
        assertEquals(before - 0.1 * 2.0 * r * Math.sqrt(1 - b2t) / (Math.sqrt(v) + 1e-8), theta[0], 1e-14);
        assertTrue(r > 0.02 && r < 0.03, "the first rectified step is small: r_6 = " + r + " ≈ 0.026");
    }

    @Test
    void asgdAveragesTheIteratesFromStepT0PlusTwo() {
        // λ = 0, α = 0: η = lr every step; t₀ = 0: θ̄ = θ at steps 1 and 2, then the mean of θ₂, …, θ_t
        ASGD asgd = ASGD.pytorch().learningRate(0.5).lambd(0).alpha(0).t0(0);
        IllegalStateException early = assertThrows(IllegalStateException.class, asgd::averagedParameters);
        assertTrue(early.getMessage().contains("no step yet"), early.getMessage());
        double[] theta = {0.0};
        double sum = 0;
        for (int t = 1; t <= 6; t++) {
            asgd.step(theta, new double[] {-1.0});
            assertEquals(0.5 * t, theta[0], 1e-15, "θ_t = 0.5 t");
            if (t >= 2) {
                sum += theta[0];
            }
            double expected = t <= 2 ? theta[0] : sum / (t - 1);
            assertEquals(expected, asgd.averagedParameters()[0], 1e-15, "θ̄ at step " + t);
        }
        assertEquals((1 + 1.5 + 2 + 2.5 + 3) / 5, asgd.averagedParameters()[0], 1e-15);
        // the default t₀ = 1e6: θ̄ = θ
        ASGD plain = ASGD.pytorch();
        double[] p = {1.0, -2.0};
        plain.step(p, new double[] {0.3, 0.4});
        assertArrayEquals(p, plain.averagedParameters(), 0.0);
    }

    @Test
    void asgdRateDecaysWithTheStepAndShrinksTheWeights() {
        // η₁ = lr; η₂ = lr/(1 + λ·lr·1)^α; θ ← θ(1 − λη) − η·g
        double lr = 0.1, lambd = 0.5, alpha = 0.75;
        ASGD asgd = ASGD.pytorch().learningRate(lr).lambd(lambd).alpha(alpha);
        double[] theta = {2.0};
        asgd.step(theta, new double[] {1.0});
        double expected = 2.0 * (1 - lambd * lr) - lr;
        assertEquals(expected, theta[0], 1e-15, "step 1 with η₁ = lr");
        double eta2 = lr / Math.pow(1 + lambd * lr, alpha);
        asgd.step(theta, new double[] {1.0});
        assertEquals(expected * (1 - lambd * eta2) - eta2, theta[0], 1e-15, "step 2 with η₂");
        assertEquals(lr / Math.pow(1 + lambd * lr * 2, alpha), asgd.state().scalar("eta"), 1e-17, "η₃ saved");
    }

    @Test
    void rpropGrowsShrinksAndPausesAfterAFlip() {
        Rprop rprop = Rprop.pytorch();  // Δ starts at lr = 0.01, η₋ 0.5, η₊ 1.2
        double[] theta = {0.0};
        rprop.step(theta, new double[] {1.0});
        assertEquals(-0.01, theta[0], 1e-17, "no previous gradient: Δ kept");
        rprop.step(theta, new double[] {3.0});
        assertEquals(-0.01 - 0.012, theta[0], 1e-17, "same sign: Δ·1.2, the magnitude ignored");
        rprop.step(theta, new double[] {-1.0});
        assertEquals(-0.022, theta[0], 1e-17, "a flip: Δ·0.5 and no move");
        rprop.step(theta, new double[] {-1.0});
        assertEquals(-0.022 + 0.006, theta[0], 1e-17, "after the pause: the halved Δ, no growth (g_prev was set to 0)");
        // a schedule changes nothing after the first step: each parameter has its own Δ
        rprop.setLearningRate(1.0);
        rprop.step(theta, new double[] {-1.0});
        assertEquals(-0.016 + 0.0072, theta[0], 1e-16);
        // the bounds clamp Δ
        Rprop bounded = Rprop.pytorch().learningRate(0.1).stepSizes(0, 0.11);
        double[] q = {0.0};
        bounded.step(q, new double[] {1.0});
        bounded.step(q, new double[] {1.0});
        assertEquals(-0.21, q[0], 1e-16, "0.1·1.2 = 0.12 clamped to 0.11");
    }

    @Test
    void maximizeClimbsAsDescentOnTheNegatedGradient() {
        double[] up = {1.0, -2.0}, down = {1.0, -2.0};
        Adam ascent = Adam.pytorch().weightDecay(0.1).maximize(true);
        Adam descent = Adam.pytorch().weightDecay(0.1);
        assertTrue(ascent.maximizing());
        assertFalse(descent.maximizing());
        assertTrue(ascent.toString().contains("maximize"), ascent.toString());
        for (int k = 0; k < 20; k++) {
            double[] g = {Math.sin(k), Math.cos(k)};
            ascent.step(up, g);
            descent.step(down, new double[] {-g[0], -g[1]});
        }
        assertArrayEquals(down, up, 0.0, "maximize(g) is exactly descent on −g (weight decay then sees −g + λθ)");
        assertTrue(ascent.maximize(true).maximizing(), "asking twice changes nothing");
        refused(() -> ascent.maximize(false), "already maximizes", "build a new optimizer");
        // climbing −(x − 3)²: the gradient −2(x − 3) is ascended to x = 3
        GradientDescent climb = GradientDescent.pytorch().learningRate(0.1).maximize(true);
        double[] x = {0.0};
        for (int k = 0; k < 200; k++) {
            climb.step(x, new double[] {-2 * (x[0] - 3)});
        }
        assertEquals(3.0, x[0], 1e-12);
    }

    @Test
    void nadamDecoupledShrinksTheWeightsInsteadOfAddingToTheGradient() {
        double lr = 0.01, lambda = 0.1;
        NAdam decoupled = NAdam.pytorch().learningRate(lr).decoupledWeightDecay(lambda);
        NAdam plain = NAdam.pytorch().learningRate(lr);
        double[] a = {1.5, -0.5}, b = {1.5, -0.5};
        for (int k = 0; k < 10; k++) {
            double[] g = {0.2 * k - 1, 0.3};
            decoupled.step(a, g);
            b[0] *= 1 - lr * lambda;
            b[1] *= 1 - lr * lambda;
            plain.step(b, g);
        }
        assertArrayEquals(b, a, 0.0, "θ ← (1 − lr·λ)θ, then NAdam without decay");
        assertTrue(decoupled.toString().contains("(decoupled)"), decoupled.toString());
    }

    @Test
    void lionMovesEveryCoordinateByTheFullRate() {
        // Keras's Lion: θ ← (1 − lr·λ)θ − lr·sign(β₁m + (1−β₁)g), m ← β₂m + (1−β₂)g
        Lion lion = Lion.keras().learningRate(0.1).weightDecay(0.5);
        double[] theta = {1.0, 1.0, 1.0};
        lion.step(theta, new double[] {1e-9, -300, 0});
        double shrunk = 1.0 * (1 - 0.1 * 0.5);
        assertArrayEquals(new double[] {shrunk - 0.1, shrunk + 0.1, shrunk}, theta, 1e-15, "sign only; 0 stays");
        assertArrayEquals(new double[] {0.01 * 1e-9, 0.01 * -300, 0}, lion.state().array("momentum"), 1e-12, "m = (1 − β₂)g, with 1 − 0.99 in floating point");
        // the momentum outvotes a small gradient of the other sign: 0.9·(−3) + 0.1·1 < 0
        double before = theta[1];
        lion.step(theta, new double[] {0, 1, 0});
        assertEquals(before * 0.95 + 0.1, theta[1], 1e-15, "still moving up, against the new gradient");
        refused(() -> Lion.keras().betas(0, 0.99), "beta1 must lie in (0, 1]", "signSGD");
        refused(() -> Lion.keras().betas(0.9, 1), "beta2 must lie in [0, 1)");
    }

    @Test
    void badArguments() {
        refused(() -> Rprop.pytorch().etas(1.0, 1.2), "0 < eta_minus < 1 < eta_plus", "(1.0, 1.2)");
        refused(() -> Rprop.pytorch().etas(0.5, 1.0), "eta_plus");
        refused(() -> Rprop.pytorch().stepSizes(1, 0.5), "0 ≤ min ≤ max");
        refused(() -> Rprop.pytorch().stepSizes(-1, 0.5), "step_sizes");
        refused(() -> Rprop.pytorch().weightDecay(0.01), "Rprop has no weight decay");
        refused(() -> ASGD.pytorch().lambd(-1), "lambd must be a finite number ≥ 0");
        refused(() -> ASGD.pytorch().alpha(Double.NaN), "alpha", "NaN");
        refused(() -> ASGD.pytorch().t0(-5), "t0");
        refused(() -> RAdam.pytorch().betas(0.9, 1.0), "beta2 must lie in [0, 1)");
        refused(() -> RAdam.pytorch().decoupledWeightDecay(-0.1), "weight decay must be a finite number ≥ 0");
        refused(() -> NAdam.pytorch().decoupledWeightDecay(Double.NaN), "weight decay");
    }
}
