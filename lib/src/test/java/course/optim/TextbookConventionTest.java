package course.optim;

import static course.optim.Near.assertNear;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The textbook convention: the algorithm boxes of the course's reading
 * ({@code shared/sources/optimization-for-training-deep-models.md}), first two steps by hand.
 * The running example: θ₀ = (1, −2), g₁ = (0.5, −0.001), g₂ = (−0.3, 0.2) (the small component
 * makes δ visible). The look-ahead algorithms take their gradient from the quadratic
 * f(θ) = 2θ₀² + ½(θ₁ − 1)², ∇f = (4θ₀, θ₁ − 1), written inline below.
 */
class TextbookConventionTest {
    private static final double[] G1 = {0.5, -0.001};
    private static final double[] G2 = {-0.3, 0.2};

    private static double[] theta0() {
        return new double[]{1.0, -2.0};
    }

    /** f(θ) = 2θ₀² + ½(θ₁ − 1)², recording every point it is asked about. */
    private static final class Quadratic implements Differentiable {
        final List<double[]> points = new ArrayList<>();

        @Override
        public double valueAndGradient(double[] x, double[] grad) {
            points.add(x.clone());
            grad[0] = 4 * x[0];
            grad[1] = x[1] - 1;
            return 2 * x[0] * x[0] + 0.5 * (x[1] - 1) * (x[1] - 1);
        }
    }

    @Test
    void sgd() {
        // Algorithm (SGD): θ ← θ − ε_k·ĝ, here ε = 0.1
        GradientDescent sgd = GradientDescent.textbook().learningRate(0.1);
        double[] p = theta0();
        sgd.step(p, G1);
        // (1 − 0.05, −2 + 0.0001) = (0.95, −1.9999)
        assertNear(new double[]{1.0 - 0.1 * 0.5, -2.0 - 0.1 * -0.001}, p, "θ₁");
        sgd.step(p, G2);
        // (0.95 + 0.03, −1.9999 − 0.02) = (0.98, −2.0199)
        assertNear(new double[]{1.0 - 0.1 * 0.5 - 0.1 * -0.3, -2.0 - 0.1 * -0.001 - 0.1 * 0.2}, p, "θ₂");
        assertNear(new double[]{0.98, -2.0199}, p, "θ₂ (decimals)");
    }

    @Test
    void momentum() {
        // Algorithm (SGD with momentum): v ← αv − εĝ;  θ ← θ + v. Defaults here ε = 0.01, α = 0.9, v₀ = 0
        Momentum momentum = Momentum.textbook();
        assertEquals(0.01, momentum.learningRate(), 0.0);
        assertEquals(0.9, momentum.momentum(), 0.0);
        double[] p = theta0();
        // step 1: v = (−0.005, 0.00001); θ = (0.995, −1.99999)
        momentum.step(p, G1);
        double va = 0.9 * 0 - 0.01 * 0.5, vb = 0.9 * 0 - 0.01 * -0.001;
        assertNear(new double[]{va, vb}, momentum.state().array("velocity"), "v₁");
        assertNear(new double[]{1.0 + va, -2.0 + vb}, p, "θ₁");
        // step 2: v = (−0.0045 + 0.003, 0.000009 − 0.002) = (−0.0015, −0.001991); θ = (0.9935, −2.001981)
        momentum.step(p, G2);
        double va2 = 0.9 * va - 0.01 * -0.3, vb2 = 0.9 * vb - 0.01 * 0.2;
        assertNear(new double[]{va2, vb2}, momentum.state().array("velocity"), "v₂");
        assertNear(new double[]{1.0 + va + va2, -2.0 + vb + vb2}, p, "θ₂");
        assertNear(new double[]{0.9935, -2.001981}, p, "θ₂ (decimals)");
    }

    @Test
    void momentumWithWeightDecayAddsTheL2TermToTheGradient() {
        // textbook weight decay is L2 regularization: ĝ ← ĝ + λθ (coupled), λ = 0.5
        Momentum momentum = Momentum.textbook().weightDecay(0.5);
        double[] p = theta0();
        momentum.step(p, G1);
        double va = -0.01 * (0.5 + 0.5 * 1.0), vb = -0.01 * (-0.001 + 0.5 * -2.0);
        assertNear(new double[]{1.0 + va, -2.0 + vb}, p, "θ₁");
        momentum.step(p, G2);
        double va2 = 0.9 * va - 0.01 * (-0.3 + 0.5 * (1.0 + va)), vb2 = 0.9 * vb - 0.01 * (0.2 + 0.5 * (-2.0 + vb));
        assertNear(new double[]{1.0 + va + va2, -2.0 + vb + vb2}, p, "θ₂");
    }

    @Test
    void nesterovEvaluatesTheGradientAtTheLookAheadPoint() {
        // Algorithm (SGD with Nesterov momentum): θ̃ ← θ + αv;  ĝ ← ∇f(θ̃);  v ← αv − εĝ;  θ ← θ + v
        Nesterov nesterov = Nesterov.textbook();
        Quadratic f = new Quadratic();
        double[] p = theta0();
        // step 1: v = 0 so θ̃ = θ₀ = (1, −2); ĝ = (4, −3); v = (−0.04, 0.03); θ = (0.96, −1.97)
        double value = nesterov.step(p, f);
        assertEquals(2 * 1.0 + 0.5 * 9.0, value, 1e-15, "f(θ̃₁)");
        assertArrayEquals(new double[]{1.0, -2.0}, f.points.get(0), 0.0);
        double va = 0.9 * 0 - 0.01 * (4 * 1.0), vb = 0.9 * 0 - 0.01 * (-2.0 - 1);
        double a1 = 1.0 + va, b1 = -2.0 + vb;
        assertNear(new double[]{va, vb}, nesterov.state().array("velocity"), "v₁");
        assertNear(new double[]{a1, b1}, p, "θ₁");
        // step 2: θ̃ = (0.96 − 0.036, −1.97 + 0.027) = (0.924, −1.943); ĝ = (3.696, −2.943)
        //         v = (−0.036 − 0.03696, 0.027 + 0.02943) = (−0.07296, 0.05643); θ = (0.88704, −1.91357)
        nesterov.step(p, f);
        double ta = a1 + 0.9 * va, tb = b1 + 0.9 * vb;
        assertNear(new double[]{ta, tb}, f.points.get(1), "θ̃₂ (where ∇f was taken)");
        double va2 = 0.9 * va - 0.01 * (4 * ta), vb2 = 0.9 * vb - 0.01 * (tb - 1);
        assertNear(new double[]{va2, vb2}, nesterov.state().array("velocity"), "v₂");
        assertNear(new double[]{a1 + va2, b1 + vb2}, p, "θ₂");
        assertNear(new double[]{0.88704, -1.91357}, p, "θ₂ (decimals)");
        assertEquals(2, f.points.size(), "one gradient per step");
    }

    @Test
    void adagrad() {
        // Algorithm (AdaGrad): r ← r + g⊙g;  Δθ ← −ε/(δ + √r)⊙g;  θ ← θ + Δθ. Here ε = 0.01, δ = 1e-7
        AdaGrad adagrad = AdaGrad.textbook();
        double[] p = theta0();
        // step 1: r = (0.25, 1e-6); Δθ = (−0.01·0.5/(1e-7 + 0.5), +0.01·0.001/(1e-7 + 0.001))
        //         ≈ (−0.0099999980, +0.0099990001): δ is visible in the small coordinate
        adagrad.step(p, G1);
        double ra = 0 + 0.5 * 0.5, rb = 0 + 0.001 * 0.001;
        double a1 = 1.0 - 0.01 / (1e-7 + Math.sqrt(ra)) * 0.5, b1 = -2.0 - 0.01 / (1e-7 + Math.sqrt(rb)) * -0.001;
        assertNear(new double[]{ra, rb}, adagrad.state().array("sum"), "r₁");
        assertNear(new double[]{a1, b1}, p, "θ₁");
        // step 2: r = (0.34, 0.040001)
        adagrad.step(p, G2);
        double ra2 = ra + 0.09, rb2 = rb + 0.04;
        assertNear(new double[]{ra2, rb2}, adagrad.state().array("sum"), "r₂");
        assertNear(new double[]{a1 - 0.01 / (1e-7 + Math.sqrt(ra2)) * -0.3, b1 - 0.01 / (1e-7 + Math.sqrt(rb2)) * 0.2},
                p, "θ₂");
    }

    @Test
    void rmsprop() {
        // Algorithm (RMSProp): r ← ρr + (1−ρ)g⊙g;  Δθ ← −ε/(δ + √r)⊙g. Here ε = 0.001, ρ = 0.9, δ = 1e-6
        RmsProp rms = RmsProp.textbook();
        double[] p = theta0();
        // step 1: r = (0.025, 1e-7); √r = (0.158114, 0.000316228)
        rms.step(p, G1);
        double ra = 0.9 * 0 + (1 - 0.9) * 0.25, rb = 0.9 * 0 + (1 - 0.9) * 0.000001;
        double a1 = 1.0 - 0.001 / (1e-6 + Math.sqrt(ra)) * 0.5, b1 = -2.0 - 0.001 / (1e-6 + Math.sqrt(rb)) * -0.001;
        assertNear(new double[]{ra, rb}, rms.state().array("square_avg"), "r₁");
        assertNear(new double[]{a1, b1}, p, "θ₁");
        // step 2: r = (0.0225 + 0.009, 9e-8 + 0.004) = (0.0315, 0.00400009)
        rms.step(p, G2);
        double ra2 = 0.9 * ra + (1 - 0.9) * 0.09, rb2 = 0.9 * rb + (1 - 0.9) * 0.04;
        assertNear(new double[]{ra2, rb2}, rms.state().array("square_avg"), "r₂");
        assertNear(new double[]{a1 - 0.001 / (1e-6 + Math.sqrt(ra2)) * -0.3, b1 - 0.001 / (1e-6 + Math.sqrt(rb2)) * 0.2},
                p, "θ₂");
    }

    @Test
    void rmspropWithEpsilonInsideTheRootIsThePrintedBooksForm() {
        // Deep Learning (2016), Algorithm 8.5 as printed: Δθ = −ε/√(δ + r)⊙g
        RmsProp rms = RmsProp.textbook().epsilonInsideSqrt(true);
        double[] p = theta0();
        rms.step(p, G1);
        double ra = (1 - 0.9) * 0.25, rb = (1 - 0.9) * 0.000001;
        assertNear(new double[]{1.0 - 0.001 / Math.sqrt(1e-6 + ra) * 0.5, -2.0 - 0.001 / Math.sqrt(1e-6 + rb) * -0.001},
                p, "θ₁");
    }

    @Test
    void rmspropWithNesterovMomentum() {
        // Algorithm (RMSProp with Nesterov momentum): θ̃ ← θ + αv;  g ← ∇f(θ̃);  r ← ρr + (1−ρ)g⊙g
        //   v ← αv − ε/(δ + √r)⊙g (the box writes ε/√r and lists δ; the class puts δ as RMSProp does)
        //   θ ← θ + v.   ε = 0.001, ρ = 0.9, α = 0.9, δ = 1e-6
        RmsPropNesterov rms = RmsPropNesterov.textbook();
        Quadratic f = new Quadratic();
        double[] p = theta0();
        // step 1: θ̃ = θ₀; g = (4, −3); r = (1.6, 0.9); v = (−0.001·4/(1e-6 + √1.6), +0.003/(1e-6 + √0.9))
        rms.step(p, f);
        double ga = 4 * 1.0, gb = -2.0 - 1;
        double ra = 0.9 * 0 + (1 - 0.9) * ga * ga, rb = 0.9 * 0 + (1 - 0.9) * gb * gb;
        double va = 0.9 * 0 - 0.001 / (1e-6 + Math.sqrt(ra)) * ga, vb = 0.9 * 0 - 0.001 / (1e-6 + Math.sqrt(rb)) * gb;
        double a1 = 1.0 + va, b1 = -2.0 + vb;
        assertNear(new double[]{ra, rb}, rms.state().array("square_avg"), "r₁");
        assertNear(new double[]{va, vb}, rms.state().array("velocity"), "v₁");
        assertNear(new double[]{a1, b1}, p, "θ₁");
        // step 2: θ̃ = θ₁ + 0.9·v₁; g = (4θ̃₀, θ̃₁ − 1)
        rms.step(p, f);
        double ta = a1 + 0.9 * va, tb = b1 + 0.9 * vb;
        assertNear(new double[]{ta, tb}, f.points.get(1), "θ̃₂");
        double ga2 = 4 * ta, gb2 = tb - 1;
        double ra2 = 0.9 * ra + (1 - 0.9) * ga2 * ga2, rb2 = 0.9 * rb + (1 - 0.9) * gb2 * gb2;
        double va2 = 0.9 * va - 0.001 / (1e-6 + Math.sqrt(ra2)) * ga2, vb2 = 0.9 * vb - 0.001 / (1e-6 + Math.sqrt(rb2)) * gb2;
        assertNear(new double[]{va2, vb2}, rms.state().array("velocity"), "v₂");
        assertNear(new double[]{a1 + va2, b1 + vb2}, p, "θ₂");
    }

    @Test
    void rmspropWithNesterovMomentumAndNoDeltaIsTheBoxLiterally() {
        // with δ = 0 the update is the box's v ← αv − ε/√r⊙g exactly
        RmsPropNesterov rms = RmsPropNesterov.textbook().epsilon(0);
        Quadratic f = new Quadratic();
        double[] p = theta0();
        rms.step(p, f);
        double ra = (1 - 0.9) * 16.0, rb = (1 - 0.9) * 9.0;
        double va = -0.001 / Math.sqrt(ra) * 4.0, vb = -0.001 / Math.sqrt(rb) * -3.0;
        assertNear(new double[]{1.0 + va, -2.0 + vb}, p, "θ₁");
        rms.step(p, f);
        double ta = 1.0 + va + 0.9 * va, tb = -2.0 + vb + 0.9 * vb;
        double ga2 = 4 * ta, gb2 = tb - 1;
        double ra2 = 0.9 * ra + (1 - 0.9) * ga2 * ga2, rb2 = 0.9 * rb + (1 - 0.9) * gb2 * gb2;
        double va2 = 0.9 * va - 0.001 / Math.sqrt(ra2) * ga2, vb2 = 0.9 * vb - 0.001 / Math.sqrt(rb2) * gb2;
        assertNear(new double[]{1.0 + va + va2, -2.0 + vb + vb2}, p, "θ₂");
    }

    @Test
    void adam() {
        // Algorithm (Adam): t ← t + 1;  s ← ρ₁s + (1−ρ₁)g;  r ← ρ₂r + (1−ρ₂)g⊙g
        //   ŝ = s/(1−ρ₁^t);  r̂ = r/(1−ρ₂^t);  Δθ = −ε·ŝ/√(r̂ + δ)   (δ inside the root, as the course writes)
        //   ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8
        Adam adam = Adam.textbook();
        double[] p = theta0();
        // step 1: ŝ = g, r̂ = g²: Δθ = (−0.001·0.5/√(0.25 + 1e-8), +0.001·0.001/√(1e-6 + 1e-8))
        //         ≈ (−0.001, +0.000995037): δ inside the root shows in the small coordinate
        adam.step(p, G1);
        double sa = 0.9 * 0 + (1 - 0.9) * 0.5, sb = 0.9 * 0 + (1 - 0.9) * -0.001;
        double ra = 0.999 * 0 + (1 - 0.999) * 0.25, rb = 0.999 * 0 + (1 - 0.999) * 0.000001;
        double a1 = 1.0 - 0.001 * (sa / (1 - 0.9)) / Math.sqrt(ra / (1 - 0.999) + 1e-8);
        double b1 = -2.0 - 0.001 * (sb / (1 - 0.9)) / Math.sqrt(rb / (1 - 0.999) + 1e-8);
        assertNear(new double[]{sa, sb}, adam.state().array("m"), "s₁");
        assertNear(new double[]{ra, rb}, adam.state().array("v"), "r₁");
        assertNear(new double[]{a1, b1}, p, "θ₁");
        assertNear(new double[]{1.0 - 0.001 * 0.5 / Math.sqrt(0.25 + 1e-8), -2.0 + 0.001 * 0.001 / Math.sqrt(0.000001 + 1e-8)},
                p, "θ₁ (ŝ = g, r̂ = g²)");
        // step 2
        adam.step(p, G2);
        double sa2 = 0.9 * sa + (1 - 0.9) * -0.3, sb2 = 0.9 * sb + (1 - 0.9) * 0.2;
        double ra2 = 0.999 * ra + (1 - 0.999) * 0.09, rb2 = 0.999 * rb + (1 - 0.999) * 0.04;
        double c1 = 1 - Math.pow(0.9, 2), c2 = 1 - Math.pow(0.999, 2);
        assertNear(new double[]{sa2, sb2}, adam.state().array("m"), "s₂");
        assertNear(new double[]{ra2, rb2}, adam.state().array("v"), "r₂");
        assertNear(new double[]{a1 - 0.001 * (sa2 / c1) / Math.sqrt(ra2 / c2 + 1e-8),
                b1 - 0.001 * (sb2 / c1) / Math.sqrt(rb2 / c2 + 1e-8)}, p, "θ₂");
    }

    @Test
    void lookAheadOptimizersRefuseAGradientTakenAtTheCurrentPoint() {
        for (Optimizer optimizer : new Optimizer[]{Nesterov.textbook(), RmsPropNesterov.textbook(),
                Nesterov.textbook().clipByGlobalNorm(1.0)}) {
            double[] p = theta0();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.step(p, G1));
            assertTrue(e.getMessage().contains("look-ahead"), e.getMessage());
            assertTrue(e.getMessage().contains("step(params, objective)"), e.getMessage());
            assertArrayEquals(theta0(), p, 0.0);
            assertEquals(0, optimizer.stepCount());
        }
    }
}
