package course.optim;

import static course.optim.Near.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Keras 3 convention, checked against values derived by hand from the update rules of
 * {@code keras/src/optimizers/*.py} (Keras 3.x). Every expected number below is plain arithmetic
 * on literals, one line per coordinate and step; nothing is computed by the classes under test.
 * The decimals in the comments were worked out separately (float64) from the same rules.
 *
 * <p>The running example, for every optimizer: θ₀ = (0.5, −1.5, 2.0) and the gradients
 * g₁ = (0.3, −0.6, 0), g₂ = (−0.2, 0.4, 0.5), g₃ = (0.1, 0, −0.25): the third coordinate has no
 * gradient on step 1, the second none on step 3 (where momentum and the moments keep moving it).
 */
class KerasConventionTest {
    private static final double[] G1 = {0.3, -0.6, 0.0};
    private static final double[] G2 = {-0.2, 0.4, 0.5};
    private static final double[] G3 = {0.1, 0.0, -0.25};

    private static double[] theta0() {
        return new double[]{0.5, -1.5, 2.0};
    }

    @Test
    void sgdWithDecoupledWeightDecay() {
        // keras.optimizers.SGD(learning_rate=0.01, weight_decay=0.1), momentum 0:
        //   base_optimizer._apply_weight_decay: θ ← θ − θ·wd·lr; then update_step: θ ← θ − lr·g
        Optimizer sgd = GradientDescent.keras().weightDecay(0.1);
        assertEquals(0.01, sgd.learningRate(), 0.0);
        double[] p = theta0();
        // step 1: θ·wd·lr = θ·0.001
        //   (0.5 − 0.0005 − 0.003, −1.5 + 0.0015 + 0.006, 2 − 0.002 − 0) = (0.4965, −1.4925, 1.998)
        sgd.step(p, G1);
        double a1 = 0.5 - 0.5 * 0.1 * 0.01 - 0.01 * 0.3;
        double b1 = -1.5 - (-1.5) * 0.1 * 0.01 - 0.01 * (-0.6);
        double c1 = 2.0 - 2.0 * 0.1 * 0.01 - 0.01 * 0.0;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: (0.4980035, −1.4950075, 1.991002)
        sgd.step(p, G2);
        double a2 = a1 - a1 * 0.1 * 0.01 - 0.01 * (-0.2);
        double b2 = b1 - b1 * 0.1 * 0.01 - 0.01 * 0.4;
        double c2 = c1 - c1 * 0.1 * 0.01 - 0.01 * 0.5;
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: (0.4965054965, −1.4935124925, 1.991510998); the second coordinate only decays
        sgd.step(p, G3);
        double a3 = a2 - a2 * 0.1 * 0.01 - 0.01 * 0.1;
        double b3 = b2 - b2 * 0.1 * 0.01 - 0.01 * 0.0;
        double c3 = c2 - c2 * 0.1 * 0.01 - 0.01 * (-0.25);
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.4965054965, -1.4935124925, 1.991510998}, p, "θ₃ (decimals)");
    }

    @Test
    void sgdMomentum() {
        // keras.optimizers.SGD(learning_rate=0.01, momentum=0.9):  m ← μm − lr·g;  θ ← θ + m
        Momentum sgd = Momentum.keras().momentum(0.9);
        assertEquals(0.01, sgd.learningRate(), 0.0);
        assertEquals(0.9, sgd.momentum(), 0.0);
        double[] p = theta0();
        // step 1: m = (−0.003, 0.006, 0); θ = (0.497, −1.494, 2.0)
        sgd.step(p, G1);
        double ma = 0.9 * 0 - 0.01 * 0.3, mb = 0.9 * 0 - 0.01 * (-0.6), mc = 0.9 * 0 - 0.01 * 0.0;
        assertNear(new double[]{ma, mb, mc}, sgd.state().array("velocity"), "m₁");
        assertNear(new double[]{0.5 + ma, -1.5 + mb, 2.0 + mc}, p, "θ₁");
        // step 2: m = (−0.0027 + 0.002, 0.0054 − 0.004, 0 − 0.005) = (−0.0007, 0.0014, −0.005)
        //         θ = (0.4963, −1.4926, 1.995)
        sgd.step(p, G2);
        double ma2 = 0.9 * ma - 0.01 * (-0.2), mb2 = 0.9 * mb - 0.01 * 0.4, mc2 = 0.9 * mc - 0.01 * 0.5;
        assertNear(new double[]{ma2, mb2, mc2}, sgd.state().array("velocity"), "m₂");
        assertNear(new double[]{0.5 + ma + ma2, -1.5 + mb + mb2, 2.0 + mc + mc2}, p, "θ₂");
        // step 3: m = (−0.00063 − 0.001, 0.00126 − 0, −0.0045 + 0.0025) = (−0.00163, 0.00126, −0.002)
        //         θ = (0.49467, −1.49134, 1.993): the second coordinate coasts on its velocity
        sgd.step(p, G3);
        double ma3 = 0.9 * ma2 - 0.01 * 0.1, mb3 = 0.9 * mb2 - 0.01 * 0.0, mc3 = 0.9 * mc2 - 0.01 * (-0.25);
        assertNear(new double[]{ma3, mb3, mc3}, sgd.state().array("velocity"), "m₃");
        assertNear(new double[]{0.5 + ma + ma2 + ma3, -1.5 + mb + mb2 + mb3, 2.0 + mc + mc2 + mc3}, p, "θ₃");
        assertNear(new double[]{0.49467, -1.49134, 1.993}, p, "θ₃ (decimals)");
    }

    @Test
    void sgdNesterov() {
        // keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True):
        //   m ← μm − lr·g;  θ ← θ + μm − lr·g   (the new m; g at the current θ)
        Nesterov sgd = Nesterov.keras().momentum(0.9);
        double[] p = theta0();
        // step 1: m = (−0.003, 0.006, 0); θ = 0.5 − 0.0027 − 0.003 = 0.4943, −1.5 + 0.0054 + 0.006 = −1.4886, 2
        sgd.step(p, G1);
        double ma = -0.01 * 0.3, mb = -0.01 * (-0.6), mc = -0.01 * 0.0;
        double a1 = 0.5 + 0.9 * ma - 0.01 * 0.3, b1 = -1.5 + 0.9 * mb - 0.01 * (-0.6), c1 = 2.0 + 0.9 * mc - 0.0;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: m = (−0.0007, 0.0014, −0.005); θ = (0.4943 − 0.00063 + 0.002, −1.4886 + 0.00126 − 0.004,
        //         2 − 0.0045 − 0.005) = (0.49567, −1.49134, 1.9905)
        sgd.step(p, G2);
        double ma2 = 0.9 * ma - 0.01 * (-0.2), mb2 = 0.9 * mb - 0.01 * 0.4, mc2 = 0.9 * mc - 0.01 * 0.5;
        double a2 = a1 + 0.9 * ma2 - 0.01 * (-0.2), b2 = b1 + 0.9 * mb2 - 0.01 * 0.4, c2 = c1 + 0.9 * mc2 - 0.01 * 0.5;
        assertNear(new double[]{ma2, mb2, mc2}, sgd.state().array("velocity"), "m₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: m = (−0.00163, 0.00126, −0.002); θ = (0.493203, −1.490206, 1.9912)
        sgd.step(p, G3);
        double ma3 = 0.9 * ma2 - 0.01 * 0.1, mb3 = 0.9 * mb2 - 0.01 * 0.0, mc3 = 0.9 * mc2 - 0.01 * (-0.25);
        double a3 = a2 + 0.9 * ma3 - 0.01 * 0.1, b3 = b2 + 0.9 * mb3 - 0.0, c3 = c2 + 0.9 * mc3 - 0.01 * (-0.25);
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.493203, -1.490206, 1.9912}, p, "θ₃ (decimals)");
    }

    @Test
    void sgdNesterovWithWeightDecayShrinksFirst() {
        // weight decay 0.5, lr 0.01: θ ← θ − θ·0.005, then the Nesterov step with the caller's g
        // (Keras never adds wd·θ to the gradient).
        Nesterov sgd = Nesterov.keras().momentum(0.9).weightDecay(0.5);
        double[] p = theta0();
        // step 1: (0.4975 − 0.0057, −1.4925 + 0.0114, 1.99) = (0.4918, −1.4811, 1.99)
        sgd.step(p, G1);
        double ma = -0.01 * 0.3, mb = -0.01 * (-0.6), mc = 0.0;
        double a1 = 0.5 - 0.5 * 0.5 * 0.01 + 0.9 * ma - 0.01 * 0.3;
        double b1 = -1.5 - (-1.5) * 0.5 * 0.01 + 0.9 * mb - 0.01 * (-0.6);
        double c1 = 2.0 - 2.0 * 0.5 * 0.01 + 0.9 * mc - 0.0;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: the velocity does not see the decay: m = (−0.0007, 0.0014, −0.005)
        sgd.step(p, G2);
        double ma2 = 0.9 * ma - 0.01 * (-0.2), mb2 = 0.9 * mb - 0.01 * 0.4, mc2 = 0.9 * mc - 0.01 * 0.5;
        double a2 = a1 - a1 * 0.005 + 0.9 * ma2 - 0.01 * (-0.2);
        double b2 = b1 - b1 * 0.005 + 0.9 * mb2 - 0.01 * 0.4;
        double c2 = c1 - c1 * 0.005 + 0.9 * mc2 - 0.01 * 0.5;
        assertNear(new double[]{ma2, mb2, mc2}, sgd.state().array("velocity"), "m₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
    }

    @Test
    void adagrad() {
        // keras.optimizers.Adagrad(learning_rate=0.1), initial_accumulator_value 0.1, epsilon 1e-7:
        //   acc ← acc + g²;  θ ← θ − lr·g/√(acc + eps)
        AdaGrad adagrad = AdaGrad.keras().learningRate(0.1);
        double[] p = theta0();
        // step 1: acc = (0.19, 0.46, 0.1); θ = (0.5 − 0.03/√0.1900001, −1.5 + 0.06/√0.4600001, 2)
        //         = (0.4311752979505928, −1.41153483592284, 2.0)
        adagrad.step(p, G1);
        double ra = 0.1 + 0.3 * 0.3, rb = 0.1 + 0.6 * 0.6, rc = 0.1 + 0.0 * 0.0;
        double a1 = 0.5 - 0.1 * 0.3 / Math.sqrt(ra + 1e-7);
        double b1 = -1.5 - 0.1 * (-0.6) / Math.sqrt(rb + 1e-7);
        double c1 = 2.0;
        assertNear(new double[]{ra, rb, rc}, adagrad.state().array("sum"), "acc₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: acc = (0.23, 0.62, 0.35); θ = (0.47287817169616664, −1.4623348826261384, 1.915484586600778)
        adagrad.step(p, G2);
        double ra2 = ra + 0.04, rb2 = rb + 0.16, rc2 = rc + 0.25;
        double a2 = a1 - 0.1 * (-0.2) / Math.sqrt(ra2 + 1e-7);
        double b2 = b1 - 0.1 * 0.4 / Math.sqrt(rb2 + 1e-7);
        double c2 = c1 - 0.1 * 0.5 / Math.sqrt(rc2 + 1e-7);
        assertNear(new double[]{ra2, rb2, rc2}, adagrad.state().array("sum"), "acc₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: acc = (0.24, 0.62, 0.4125); θ = (0.4524657614255585, −1.4623348826261384, 1.9544095290906796)
        adagrad.step(p, G3);
        double ra3 = ra2 + 0.01, rb3 = rb2 + 0.0, rc3 = rc2 + 0.0625;
        double a3 = a2 - 0.1 * 0.1 / Math.sqrt(ra3 + 1e-7);
        double b3 = b2;
        double c3 = c2 - 0.1 * (-0.25) / Math.sqrt(rc3 + 1e-7);
        assertNear(new double[]{ra3, rb3, rc3}, adagrad.state().array("sum"), "acc₃");
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.4524657614255585, -1.4623348826261384, 1.9544095290906796}, p, 1e-12, "θ₃ (decimals)");
    }

    @Test
    void adagradWithWeightDecay() {
        // weight decay 0.2 at lr 0.1: θ ← θ − θ·0.02 first; the accumulator sees the raw g only
        AdaGrad adagrad = AdaGrad.keras().learningRate(0.1).weightDecay(0.2);
        double[] p = theta0();
        adagrad.step(p, G1);
        double ra = 0.1 + 0.09, rb = 0.1 + 0.36;
        double a1 = 0.5 - 0.5 * 0.2 * 0.1 - 0.1 * 0.3 / Math.sqrt(ra + 1e-7);
        double b1 = -1.5 - (-1.5) * 0.2 * 0.1 - 0.1 * (-0.6) / Math.sqrt(rb + 1e-7);
        double c1 = 2.0 - 2.0 * 0.2 * 0.1;
        assertNear(new double[]{ra, rb, 0.1}, adagrad.state().array("sum"), "acc₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        adagrad.step(p, G2);
        double a2 = a1 - a1 * 0.02 - 0.1 * (-0.2) / Math.sqrt(ra + 0.04 + 1e-7);
        double b2 = b1 - b1 * 0.02 - 0.1 * 0.4 / Math.sqrt(rb + 0.16 + 1e-7);
        double c2 = c1 - c1 * 0.02 - 0.1 * 0.5 / Math.sqrt(0.1 + 0.25 + 1e-7);
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
    }

    @Test
    void rmsprop() {
        // keras.optimizers.RMSprop(learning_rate=0.01), rho 0.9, epsilon 1e-7, momentum 0, not centered:
        //   v ← ρv + (1−ρ)g²;  θ ← θ − lr·g/√(v + eps)
        RmsProp rms = RmsProp.keras().learningRate(0.01);
        double[] p = theta0();
        // step 1: v = (0.009, 0.036, 0); θ = (0.46837739907894443, −1.4683772673187478, 2.0)
        //         (g = 0 gives 0/√1e-7 = 0: the third coordinate stays)
        rms.step(p, G1);
        double va = 0.9 * 0 + (1 - 0.9) * 0.09, vb = 0.9 * 0 + (1 - 0.9) * 0.36, vc = 0.0;
        double a1 = 0.5 - 0.01 * 0.3 / Math.sqrt(va + 1e-7);
        double b1 = -1.5 - 0.01 * (-0.6) / Math.sqrt(vb + 1e-7);
        double c1 = 2.0;
        assertNear(new double[]{va, vb, vc}, rms.state().array("square_avg"), "v₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: v = (0.0121, 0.0484, 0.025); θ = (0.4865591421297482, −1.486559066717725, 1.9683772866436797)
        rms.step(p, G2);
        double va2 = 0.9 * va + (1 - 0.9) * 0.04, vb2 = 0.9 * vb + (1 - 0.9) * 0.16, vc2 = 0.9 * vc + (1 - 0.9) * 0.25;
        double a2 = a1 - 0.01 * (-0.2) / Math.sqrt(va2 + 1e-7);
        double b2 = b1 - 0.01 * 0.4 / Math.sqrt(vb2 + 1e-7);
        double c2 = c1 - 0.01 * 0.5 / Math.sqrt(vc2 + 1e-7);
        assertNear(new double[]{va2, vb2, vc2}, rms.state().array("square_avg"), "v₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: v = (0.01189, 0.04356, 0.02875); θ = (0.47738834162098365, −1.486559066717725, 1.983121456617157)
        rms.step(p, G3);
        double va3 = 0.9 * va2 + (1 - 0.9) * 0.01, vb3 = 0.9 * vb2 + 0.0, vc3 = 0.9 * vc2 + (1 - 0.9) * 0.0625;
        double a3 = a2 - 0.01 * 0.1 / Math.sqrt(va3 + 1e-7);
        double b3 = b2;
        double c3 = c2 - 0.01 * (-0.25) / Math.sqrt(vc3 + 1e-7);
        assertNear(new double[]{va3, vb3, vc3}, rms.state().array("square_avg"), "v₃");
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.47738834162098365, -1.486559066717725, 1.983121456617157}, p, "θ₃ (decimals)");
    }

    @Test
    void rmspropCenteredWithMomentum() {
        // keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5, centered=True):
        //   v ← ρv + (1−ρ)g²;  ḡ ← ρḡ + (1−ρ)g;  inc = lr·g/√(v − ḡ² + eps)
        //   m ← μm + inc;  θ ← θ − m            (lr inside the momentum buffer)
        RmsProp rms = RmsProp.keras().learningRate(0.01).centered(true).momentum(0.5);
        double[] p = theta0();
        // step 1: v = (0.009, 0.036, 0), ḡ = (0.03, −0.06, 0), v − ḡ² = (0.0081, 0.0324, 0)
        //         inc = m = (0.01·0.3/√0.0081001, −0.006/√0.0324001, 0) ≈ (0.0333331, −0.0333333, 0)
        //         θ = (0.46666687242607835, −1.4666667181068769, 2.0)
        rms.step(p, G1);
        double va = (1 - 0.9) * 0.09, vb = (1 - 0.9) * 0.36, vc = 0.0;
        double ga = (1 - 0.9) * 0.3, gb = (1 - 0.9) * (-0.6), gc = 0.0;
        double ma = 0.5 * 0 + 0.01 * 0.3 / Math.sqrt(va - ga * ga + 1e-7);
        double mb = 0.5 * 0 + 0.01 * (-0.6) / Math.sqrt(vb - gb * gb + 1e-7);
        double mc = 0.0;
        assertNear(new double[]{va, vb, vc}, rms.state().array("square_avg"), "v₁");
        assertNear(new double[]{ga, gb, gc}, rms.state().array("grad_avg"), "ḡ₁");
        assertNear(new double[]{ma, mb, mc}, rms.state().array("momentum_buffer"), "m₁");
        assertNear(new double[]{0.5 - ma, -1.5 - mb, 2.0 - mc}, p, "θ₁");
        // step 2: v = (0.0121, 0.0484, 0.025), ḡ = (0.007, −0.014, 0.05)
        //         m = (−0.0015521054214711096, 0.0015520849540631015, 0.03333325925950618)
        //         θ = (0.46821897784754946, −1.46821880306094, 1.9666667407404939)
        rms.step(p, G2);
        double va2 = 0.9 * va + (1 - 0.9) * 0.04, vb2 = 0.9 * vb + (1 - 0.9) * 0.16, vc2 = 0.9 * vc + (1 - 0.9) * 0.25;
        double ga2 = 0.9 * ga + (1 - 0.9) * (-0.2), gb2 = 0.9 * gb + (1 - 0.9) * 0.4, gc2 = 0.9 * gc + (1 - 0.9) * 0.5;
        double ma2 = 0.5 * ma + 0.01 * (-0.2) / Math.sqrt(va2 - ga2 * ga2 + 1e-7);
        double mb2 = 0.5 * mb + 0.01 * 0.4 / Math.sqrt(vb2 - gb2 * gb2 + 1e-7);
        double mc2 = 0.5 * mc + 0.01 * 0.5 / Math.sqrt(vc2 - gc2 * gc2 + 1e-7);
        double a2 = 0.5 - ma - ma2, b2 = -1.5 - mb - mb2, c2 = 2.0 - mc - mc2;
        assertNear(new double[]{ga2, gb2, gc2}, rms.state().array("grad_avg"), "ḡ₂");
        assertNear(new double[]{ma2, mb2, mc2}, rms.state().array("momentum_buffer"), "m₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: v = (0.01189, 0.04356, 0.02875), ḡ = (0.0163, −0.0126, 0.02)
        //         the second coordinate has g = 0, so inc = 0 and it moves by 0.5·m₂ alone
        //         θ = (0.4597200172741667, −1.4689948455379715, 1.964847931697044)
        rms.step(p, G3);
        double va3 = 0.9 * va2 + (1 - 0.9) * 0.01, vc3 = 0.9 * vc2 + (1 - 0.9) * 0.0625;
        double ga3 = 0.9 * ga2 + (1 - 0.9) * 0.1, gb3 = 0.9 * gb2 + 0.0, gc3 = 0.9 * gc2 + (1 - 0.9) * (-0.25);
        double ma3 = 0.5 * ma2 + 0.01 * 0.1 / Math.sqrt(va3 - ga3 * ga3 + 1e-7);
        double mb3 = 0.5 * mb2 + 0.0;
        double mc3 = 0.5 * mc2 + 0.01 * (-0.25) / Math.sqrt(vc3 - gc3 * gc3 + 1e-7);
        assertNear(new double[]{ga3, gb3, gc3}, rms.state().array("grad_avg"), "ḡ₃");
        assertNear(new double[]{a2 - ma3, b2 - mb3, c2 - mc3}, p, "θ₃");
        assertNear(new double[]{0.4597200172741667, -1.4689948455379715, 1.964847931697044}, p, 1e-12, "θ₃ (decimals)");
    }

    @Test
    void rmspropWithWeightDecay() {
        // weight decay 0.1 at lr 0.01: θ ← θ(1 − 0.001) before the step; v sees the raw g
        RmsProp rms = RmsProp.keras().learningRate(0.01).weightDecay(0.1);
        double[] p = theta0();
        rms.step(p, G1);
        double a1 = 0.5 - 0.5 * 0.1 * 0.01 - 0.01 * 0.3 / Math.sqrt((1 - 0.9) * 0.09 + 1e-7);
        double b1 = -1.5 - (-1.5) * 0.1 * 0.01 - 0.01 * (-0.6) / Math.sqrt((1 - 0.9) * 0.36 + 1e-7);
        double c1 = 2.0 - 2.0 * 0.1 * 0.01;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        assertNear(new double[]{(1 - 0.9) * 0.09, (1 - 0.9) * 0.36, 0.0}, rms.state().array("square_avg"), "v₁");
    }

    @Test
    void adadelta() {
        // keras.optimizers.Adadelta(learning_rate=1.0), rho 0.95, epsilon 1e-7:
        //   E[g²] ← ρE[g²] + (1−ρ)g²;  Δ = √(E[Δ²] + eps)/√(E[g²] + eps)·g
        //   E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²;  θ ← θ − lr·Δ
        AdaDelta adadelta = AdaDelta.keras().learningRate(1.0);
        double[] p = theta0();
        // step 1: E[g²] = (0.0045, 0.018, 0); Δ = √1e-7/√(E[g²]+1e-7)·g ≈ (0.00141420, −0.00141421, 0)
        //         E[Δ²] = (9.999777782715938e-08, 9.999944444753085e-08, 0)
        //         θ = (0.498585802150849, −1.4985857903659816, 2.0)
        adadelta.step(p, G1);
        double ea = (1 - 0.95) * 0.09, eb = (1 - 0.95) * 0.36, ec = 0.0;
        double da = Math.sqrt(0 + 1e-7) / Math.sqrt(ea + 1e-7) * 0.3;
        double db = Math.sqrt(0 + 1e-7) / Math.sqrt(eb + 1e-7) * (-0.6);
        double dc = 0.0;
        double xa = (1 - 0.95) * da * da, xb = (1 - 0.95) * db * db, xc = 0.0;
        double a1 = 0.5 - da, b1 = -1.5 - db, c1 = 2.0 - dc;
        assertNear(new double[]{ea, eb, ec}, adadelta.state().array("square_avg"), "E[g²]₁");
        assertNear(new double[]{xa, xb, xc}, adadelta.state().array("acc_delta"), "E[Δ²]₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: E[g²] = (0.006275, 0.0251, 0.0125); θ = (0.4997149017552121, −1.4997149014224265, 1.9985857920944472)
        adadelta.step(p, G2);
        double ea2 = 0.95 * ea + (1 - 0.95) * 0.04, eb2 = 0.95 * eb + (1 - 0.95) * 0.16, ec2 = 0.95 * ec + (1 - 0.95) * 0.25;
        double da2 = Math.sqrt(xa + 1e-7) / Math.sqrt(ea2 + 1e-7) * (-0.2);
        double db2 = Math.sqrt(xb + 1e-7) / Math.sqrt(eb2 + 1e-7) * 0.4;
        double dc2 = Math.sqrt(xc + 1e-7) / Math.sqrt(ec2 + 1e-7) * 0.5;
        double xa2 = 0.95 * xa + (1 - 0.95) * da2 * da2, xb2 = 0.95 * xb + (1 - 0.95) * db2 * db2;
        double xc2 = 0.95 * xc + (1 - 0.95) * dc2 * dc2;
        double a2 = a1 - da2, b2 = b1 - db2, c2 = c1 - dc2;
        assertNear(new double[]{xa2, xb2, xc2}, adadelta.state().array("acc_delta"), "E[Δ²]₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: the second coordinate has g = 0: Δ = 0 and E[Δ²] only decays, 0.95·E[Δ²]₂
        //         θ = (0.49908209493984484, −1.4997149014224265, 1.9994986581550116)
        adadelta.step(p, G3);
        double ea3 = 0.95 * ea2 + (1 - 0.95) * 0.01, ec3 = 0.95 * ec2 + (1 - 0.95) * 0.0625;
        double da3 = Math.sqrt(xa2 + 1e-7) / Math.sqrt(ea3 + 1e-7) * 0.1;
        double dc3 = Math.sqrt(xc2 + 1e-7) / Math.sqrt(ec3 + 1e-7) * (-0.25);
        double xa3 = 0.95 * xa2 + (1 - 0.95) * da3 * da3, xb3 = 0.95 * xb2, xc3 = 0.95 * xc2 + (1 - 0.95) * dc3 * dc3;
        assertNear(new double[]{xa3, xb3, xc3}, adadelta.state().array("acc_delta"), "E[Δ²]₃");
        assertNear(new double[]{a2 - da3, b2, c2 - dc3}, p, "θ₃");
        assertNear(new double[]{0.49908209493984484, -1.4997149014224265, 1.9994986581550116}, p, "θ₃ (decimals)");
    }

    @Test
    void adam() {
        // keras.optimizers.Adam(learning_rate=0.1), betas (0.9, 0.999), epsilon 1e-7:
        //   α = lr·√(1−β₂^t)/(1−β₁^t);  m ← m + (g−m)(1−β₁);  v ← v + (g²−v)(1−β₂)
        //   θ ← θ − α·m/(√v + eps)       (eps on the uncorrected √v)
        Adam adam = Adam.keras().learningRate(0.1);
        double[] p = theta0();
        // step 1: α₁ = 0.1·√0.001/0.1 = 0.0316228; m = (0.03, −0.06, 0); v = (9e-5, 3.6e-4, 0)
        //         θ = (0.4000010540814424, −1.400000527043499, 2.0)
        adam.step(p, G1);
        double al1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double ma = 0 + (0.3 - 0) * (1 - 0.9), mb = 0 + (-0.6 - 0) * (1 - 0.9), mc = 0.0;
        double va = 0 + (0.09 - 0) * (1 - 0.999), vb = 0 + (0.36 - 0) * (1 - 0.999), vc = 0.0;
        double a1 = 0.5 - al1 * ma / (Math.sqrt(va) + 1e-7);
        double b1 = -1.5 - al1 * mb / (Math.sqrt(vb) + 1e-7);
        double c1 = 2.0;
        assertNear(new double[]{ma, mb, mc}, adam.state().array("m"), "m₁");
        assertNear(new double[]{va, vb, vc}, adam.state().array("v"), "v₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: α₂ = 0.1·√(1−0.999²)/(1−0.9²); m = (0.007, −0.014, 0.05); v = (1.2991e-4, 5.1964e-4, 2.5e-4)
        //         θ = (0.3855491279054712, −1.3855485374699679, 1.9255867882737758)
        adam.step(p, G2);
        double al2 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 2)) / (1 - Math.pow(0.9, 2));
        double ma2 = ma + (-0.2 - ma) * (1 - 0.9), mb2 = mb + (0.4 - mb) * (1 - 0.9), mc2 = mc + (0.5 - mc) * (1 - 0.9);
        double va2 = va + (0.04 - va) * (1 - 0.999), vb2 = vb + (0.16 - vb) * (1 - 0.999), vc2 = vc + (0.25 - vc) * (1 - 0.999);
        double a2 = a1 - al2 * ma2 / (Math.sqrt(va2) + 1e-7);
        double b2 = b1 - al2 * mb2 / (Math.sqrt(vb2) + 1e-7);
        double c2 = c1 - al2 * mc2 / (Math.sqrt(vc2) + 1e-7);
        assertNear(new double[]{ma2, mb2, mc2}, adam.state().array("m"), "m₂");
        assertNear(new double[]{va2, vb2, vc2}, adam.state().array("v"), "v₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: α₃ = 0.1·√(1−0.999³)/(1−0.9³); m = (0.0163, −0.0126, 0.02)
        //         the second coordinate (g = 0) still moves: m = 0.9·m₂ ≠ 0, v = 0.999·v₂
        //         θ = (0.3576984720879445, −1.3743771076677784, 1.9027228800871503)
        adam.step(p, G3);
        double al3 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 3)) / (1 - Math.pow(0.9, 3));
        double ma3 = ma2 + (0.1 - ma2) * (1 - 0.9), mb3 = mb2 + (0.0 - mb2) * (1 - 0.9), mc3 = mc2 + (-0.25 - mc2) * (1 - 0.9);
        double va3 = va2 + (0.01 - va2) * (1 - 0.999), vb3 = vb2 + (0.0 - vb2) * (1 - 0.999);
        double vc3 = vc2 + (0.0625 - vc2) * (1 - 0.999);
        double a3 = a2 - al3 * ma3 / (Math.sqrt(va3) + 1e-7);
        double b3 = b2 - al3 * mb3 / (Math.sqrt(vb3) + 1e-7);
        double c3 = c2 - al3 * mc3 / (Math.sqrt(vc3) + 1e-7);
        assertNear(new double[]{ma3, mb3, mc3}, adam.state().array("m"), "m₃");
        assertNear(new double[]{va3, vb3, vc3}, adam.state().array("v"), "v₃");
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.3576984720879445, -1.3743771076677784, 1.9027228800871503}, p, "θ₃ (decimals)");
    }

    @Test
    void amsgrad() {
        // keras.optimizers.Adam(learning_rate=0.1, amsgrad=True): as Adam, but v̂ ← max(v̂, v) divides:
        // only step 3's second coordinate differs, where g = 0 makes v shrink (v₃ = 0.999·v₂ < v̂ = v₂).
        for (Adam adam : new Adam[]{AmsGrad.keras().learningRate(0.1), Adam.keras().learningRate(0.1).amsgrad(true)}) {
            double[] p = theta0();
            adam.step(p, G1);
            adam.step(p, G2);
            double al2 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 2)) / (1 - Math.pow(0.9, 2));
            double al1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
            double mb = -0.6 * (1 - 0.9), vb = 0.36 * (1 - 0.999);
            double mb2 = mb + (0.4 - mb) * (1 - 0.9), vb2 = vb + (0.16 - vb) * (1 - 0.999);
            double b2 = -1.5 - al1 * mb / (Math.sqrt(vb) + 1e-7) - al2 * mb2 / (Math.sqrt(vb2) + 1e-7);
            assertNear(b2, p[1], "θ₂[1] (" + adam + ")");
            adam.step(p, G3);
            double al3 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 3)) / (1 - Math.pow(0.9, 3));
            double mb3 = mb2 + (0.0 - mb2) * (1 - 0.9), vb3 = vb2 + (0.0 - vb2) * (1 - 0.999);
            double vHat = Math.max(vb2, vb3);
            assertEquals(vb2, vHat, 0.0);
            // θ₃[1] = −1.3743826947552973 (plain Adam: −1.3743771076677784)
            assertNear(b2 - al3 * mb3 / (Math.sqrt(vHat) + 1e-7), p[1], "θ₃[1] (" + adam + ")");
            assertNear(-1.3743826947552973, p[1], "θ₃[1] (decimal, " + adam + ")");
            assertNear(new double[]{vb3}, new double[]{adam.state().array("v")[1]}, "v₃[1]");
            assertNear(new double[]{vb2}, new double[]{adam.state().array("v_max")[1]}, "v̂₃[1]");
            // the other coordinates never saw v shrink: same as Adam
            assertNear(new double[]{0.3576984720879445, 1.9027228800871503}, new double[]{p[0], p[2]}, 1e-12,
                    "θ₃[0, 2] (" + adam + ")");
        }
    }

    @Test
    void adamw() {
        // keras.optimizers.AdamW(learning_rate=0.1), weight_decay 0.004 (its default):
        //   θ ← θ − θ·wd·lr (= θ·(1 − 0.0004)), then the Adam step above with the raw gradient
        Adam adamw = AdamW.keras().learningRate(0.1);
        assertEquals(0.004, adamw.weightDecay(), 0.0);
        double[] p = theta0();
        // step 1: θ = (0.5 − 0.0002 − 0.0999989, −1.5 + 0.0006 + 0.0999995, 2 − 0.0008)
        //         = (0.3998010540814424, −1.399400527043499, 1.9992)
        adamw.step(p, G1);
        double al1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double ma = 0.3 * (1 - 0.9), mb = -0.6 * (1 - 0.9), mc = 0.0;
        double va = 0.09 * (1 - 0.999), vb = 0.36 * (1 - 0.999), vc = 0.0;
        double a1 = 0.5 - 0.5 * 0.004 * 0.1 - al1 * ma / (Math.sqrt(va) + 1e-7);
        double b1 = -1.5 - (-1.5) * 0.004 * 0.1 - al1 * mb / (Math.sqrt(vb) + 1e-7);
        double c1 = 2.0 - 2.0 * 0.004 * 0.1;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: θ = (0.3851892074838386, −1.3843887772591505, 1.9239871082737758)
        adamw.step(p, G2);
        double al2 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 2)) / (1 - Math.pow(0.9, 2));
        double ma2 = ma + (-0.2 - ma) * (1 - 0.9), mb2 = mb + (0.4 - mb) * (1 - 0.9), mc2 = mc + (0.5 - mc) * (1 - 0.9);
        double va2 = va + (0.04 - va) * (1 - 0.999), vb2 = vb + (0.16 - vb) * (1 - 0.999), vc2 = vc + (0.25 - vc) * (1 - 0.999);
        double a2 = a1 - a1 * 0.004 * 0.1 - al2 * ma2 / (Math.sqrt(va2) + 1e-7);
        double b2 = b1 - b1 * 0.004 * 0.1 - al2 * mb2 / (Math.sqrt(vb2) + 1e-7);
        double c2 = c1 - c1 * 0.004 * 0.1 - al2 * mc2 / (Math.sqrt(vc2) + 1e-7);
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: θ = (0.3571844759833184, −1.3726635919460575, 1.9003536052438408)
        adamw.step(p, G3);
        double al3 = 0.1 * Math.sqrt(1 - Math.pow(0.999, 3)) / (1 - Math.pow(0.9, 3));
        double ma3 = ma2 + (0.1 - ma2) * (1 - 0.9), mb3 = mb2 + (0.0 - mb2) * (1 - 0.9), mc3 = mc2 + (-0.25 - mc2) * (1 - 0.9);
        double va3 = va2 + (0.01 - va2) * (1 - 0.999), vb3 = vb2 + (0.0 - vb2) * (1 - 0.999);
        double vc3 = vc2 + (0.0625 - vc2) * (1 - 0.999);
        double a3 = a2 - a2 * 0.004 * 0.1 - al3 * ma3 / (Math.sqrt(va3) + 1e-7);
        double b3 = b2 - b2 * 0.004 * 0.1 - al3 * mb3 / (Math.sqrt(vb3) + 1e-7);
        double c3 = c2 - c2 * 0.004 * 0.1 - al3 * mc3 / (Math.sqrt(vc3) + 1e-7);
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.3571844759833184, -1.3726635919460575, 1.9003536052438408}, p, "θ₃ (decimals)");
    }

    @Test
    void adamax() {
        // keras.optimizers.Adamax(learning_rate=0.1), betas (0.9, 0.999), epsilon 1e-7:
        //   m ← m + (g−m)(1−β₁);  u ← max(β₂u, |g|);  θ ← θ − lr·m/((1−β₁^t)(u + eps))
        AdaMax adamax = AdaMax.keras().learningRate(0.1);
        double[] p = theta0();
        // step 1: m = (0.03, −0.06, 0), u = (0.3, 0.6, 0): θ = (0.40000003333332224, −1.400000016666664, 2.0)
        //         (third coordinate: 0/(0 + 1e-7) = 0)
        adamax.step(p, G1);
        double ma = 0.3 * (1 - 0.9), mb = -0.6 * (1 - 0.9), mc = 0.0;
        double ua = Math.max(0.999 * 0, 0.3), ub = Math.max(0.999 * 0, 0.6), uc = 0.0;
        double a1 = 0.5 - 0.1 * ma / ((1 - 0.9) * (ua + 1e-7));
        double b1 = -1.5 - 0.1 * mb / ((1 - 0.9) * (ub + 1e-7));
        double c1 = 2.0;
        assertNear(new double[]{ua, ub, uc}, adamax.state().array("u"), "u₁");
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: u = (max(0.2997, 0.2), max(0.5994, 0.4), max(0, 0.5)) = (0.2997, 0.5994, 0.5)
        //         θ = (0.38770704268595246, −1.387707023968412, 1.9473684315789452)
        adamax.step(p, G2);
        double ma2 = ma + (-0.2 - ma) * (1 - 0.9), mb2 = mb + (0.4 - mb) * (1 - 0.9), mc2 = mc + (0.5 - mc) * (1 - 0.9);
        double ua2 = 0.999 * 0.3, ub2 = 0.999 * 0.6, uc2 = 0.5;
        double a2 = a1 - 0.1 * ma2 / ((1 - Math.pow(0.9, 2)) * (ua2 + 1e-7));
        double b2 = b1 - 0.1 * mb2 / ((1 - Math.pow(0.9, 2)) * (ub2 + 1e-7));
        double c2 = c1 - 0.1 * mc2 / ((1 - Math.pow(0.9, 2)) * (uc2 + 1e-7));
        assertNear(new double[]{ua2, ub2, uc2}, adamax.state().array("u"), "u₂");
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: u = (0.2994003, 0.5988006, 0.4995) (each β₂u beats |g|)
        //         θ = (0.3676176902749287, −1.3799424263410796, 1.932593512012887)
        adamax.step(p, G3);
        double ma3 = ma2 + (0.1 - ma2) * (1 - 0.9), mb3 = mb2 + (0.0 - mb2) * (1 - 0.9), mc3 = mc2 + (-0.25 - mc2) * (1 - 0.9);
        double ua3 = 0.999 * ua2, ub3 = 0.999 * ub2, uc3 = 0.999 * uc2;
        double a3 = a2 - 0.1 * ma3 / ((1 - Math.pow(0.9, 3)) * (ua3 + 1e-7));
        double b3 = b2 - 0.1 * mb3 / ((1 - Math.pow(0.9, 3)) * (ub3 + 1e-7));
        double c3 = c2 - 0.1 * mc3 / ((1 - Math.pow(0.9, 3)) * (uc3 + 1e-7));
        assertNear(new double[]{ua3, ub3, uc3}, adamax.state().array("u"), "u₃");
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.3676176902749287, -1.3799424263410796, 1.932593512012887}, p, "θ₃ (decimals)");
    }

    @Test
    void nadam() {
        // keras.optimizers.Nadam(learning_rate=0.1), betas (0.9, 0.999), epsilon 1e-7:
        //   u_t = β₁(1 − ½·0.96^t), u_{t+1} = β₁(1 − ½·0.96^(t+1)), Π_t = Π_{t−1}·u_t (Π₀ = 1)
        //   m ← m + (g−m)(1−β₁);  v ← v + (g²−v)(1−β₂)
        //   m̂ = u_{t+1}·m/(1 − Π_t·u_{t+1}) + (1−u_t)·g/(1 − Π_t);  v̂ = v/(1−β₂^t)
        //   θ ← θ − lr·m̂/(√v̂ + eps)
        NAdam nadam = NAdam.keras().learningRate(0.1);
        double[] p = theta0();
        // step 1: u₁ = 0.9·(1 − 0.48) = 0.468, u₂ = 0.9·(1 − 0.4608) = 0.48528, Π₁ = 0.468
        //         θ = (0.39372125509537126, −1.39372123738225, 2.0)
        nadam.step(p, G1);
        double u1 = 0.9 * (1 - 0.5 * 0.96), u2 = 0.9 * (1 - 0.5 * Math.pow(0.96, 2)), pi1 = 1 * u1;
        double ma = 0.3 * (1 - 0.9), mb = -0.6 * (1 - 0.9);
        double va = 0.09 * (1 - 0.999), vb = 0.36 * (1 - 0.999);
        double hatA = u2 * ma / (1 - pi1 * u2) + (1 - u1) * 0.3 / (1 - pi1);
        double hatB = u2 * mb / (1 - pi1 * u2) + (1 - u1) * (-0.6) / (1 - pi1);
        double a1 = 0.5 - 0.1 * hatA / (Math.sqrt(va / (1 - 0.999)) + 1e-7);
        double b1 = -1.5 - 0.1 * hatB / (Math.sqrt(vb / (1 - 0.999)) + 1e-7);
        double c1 = 2.0;
        assertNear(new double[]{a1, b1, c1}, p, "θ₁");
        // step 2: u₂ = 0.48528, u₃ = 0.9·(1 − ½·0.96³) = 0.5018688, Π₂ = 0.468·0.48528 = 0.22711104
        //         θ = (0.4444138035171994, −1.4444137957466594, 1.8978328199197236)
        nadam.step(p, G2);
        double u3 = 0.9 * (1 - 0.5 * Math.pow(0.96, 3)), pi2 = pi1 * u2;
        double ma2 = ma + (-0.2 - ma) * (1 - 0.9), mb2 = mb + (0.4 - mb) * (1 - 0.9), mc2 = 0 + (0.5 - 0) * (1 - 0.9);
        double va2 = va + (0.04 - va) * (1 - 0.999), vb2 = vb + (0.16 - vb) * (1 - 0.999), vc2 = 0 + (0.25 - 0) * (1 - 0.999);
        double c2b = 1 - Math.pow(0.999, 2);
        double a2 = a1 - 0.1 * (u3 * ma2 / (1 - pi2 * u3) + (1 - u2) * (-0.2) / (1 - pi2)) / (Math.sqrt(va2 / c2b) + 1e-7);
        double b2 = b1 - 0.1 * (u3 * mb2 / (1 - pi2 * u3) + (1 - u2) * 0.4 / (1 - pi2)) / (Math.sqrt(vb2 / c2b) + 1e-7);
        double c2 = c1 - 0.1 * (u3 * mc2 / (1 - pi2 * u3) + (1 - u2) * 0.5 / (1 - pi2)) / (Math.sqrt(vc2 / c2b) + 1e-7);
        assertNear(new double[]{a2, b2, c2}, p, "θ₂");
        // step 3: u₄ = 0.9·(1 − ½·0.96⁴), Π₃ = Π₂·u₃ = 0.11397994511155203
        //         second coordinate: g = 0, so only the moment term u₄·m/(1 − Π₃u₄) moves it
        //         θ = (0.41422779884958916, −1.4427478699437133, 1.9379676610637868)
        nadam.step(p, G3);
        double u4 = 0.9 * (1 - 0.5 * Math.pow(0.96, 4)), pi3 = pi2 * u3;
        double ma3 = ma2 + (0.1 - ma2) * (1 - 0.9), mb3 = mb2 + (0.0 - mb2) * (1 - 0.9), mc3 = mc2 + (-0.25 - mc2) * (1 - 0.9);
        double va3 = va2 + (0.01 - va2) * (1 - 0.999), vb3 = vb2 + (0.0 - vb2) * (1 - 0.999);
        double vc3 = vc2 + (0.0625 - vc2) * (1 - 0.999);
        double c3b = 1 - Math.pow(0.999, 3);
        double a3 = a2 - 0.1 * (u4 * ma3 / (1 - pi3 * u4) + (1 - u3) * 0.1 / (1 - pi3)) / (Math.sqrt(va3 / c3b) + 1e-7);
        double b3 = b2 - 0.1 * (u4 * mb3 / (1 - pi3 * u4) + 0.0) / (Math.sqrt(vb3 / c3b) + 1e-7);
        double c3 = c2 - 0.1 * (u4 * mc3 / (1 - pi3 * u4) + (1 - u3) * (-0.25) / (1 - pi3)) / (Math.sqrt(vc3 / c3b) + 1e-7);
        assertNear(new double[]{a3, b3, c3}, p, "θ₃");
        assertNear(new double[]{0.41422779884958916, -1.4427478699437133, 1.9379676610637868}, p, "θ₃ (decimals)");
        assertNear(0.11397994511155203, pi3, "Π₃ (decimal)");
    }

    /**
     * Keras 3's defaults (the arguments of each {@code __init__}): one step from θ = 0, where θ₁ is
     * the update itself, so every default (lr, ρ, ε, the initial accumulator) shows at 1e-12. The
     * second gradient component is small so that ε matters.
     */
    @Test
    void kerasDefaultsOnTheFirstStep() {
        double[] g = {0.3, -0.002, 0.0};
        // SGD: lr 0.01
        assertNear(new double[]{-0.01 * 0.3, -0.01 * -0.002, 0.0}, firstStep(GradientDescent.keras(), g), "SGD");
        // SGD(momentum): first step m = −lr·g whatever μ
        assertNear(new double[]{-0.01 * 0.3, -0.01 * -0.002, 0.0}, firstStep(Momentum.keras().momentum(0.9), g), "SGD momentum");
        // Adagrad: lr 0.001, initial_accumulator_value 0.1, epsilon 1e-7
        assertNear(new double[]{-0.001 * 0.3 / Math.sqrt(0.1 + 0.09 + 1e-7),
                -0.001 * -0.002 / Math.sqrt(0.1 + 0.000004 + 1e-7), 0.0}, firstStep(AdaGrad.keras(), g), "Adagrad");
        // RMSprop: lr 0.001, rho 0.9, epsilon 1e-7
        assertNear(new double[]{-0.001 * 0.3 / Math.sqrt((1 - 0.9) * 0.09 + 1e-7),
                -0.001 * -0.002 / Math.sqrt((1 - 0.9) * 0.000004 + 1e-7), 0.0}, firstStep(RmsProp.keras(), g), "RMSprop");
        // Adadelta: lr 0.001, rho 0.95, epsilon 1e-7
        assertNear(new double[]{-0.001 * Math.sqrt(1e-7) / Math.sqrt((1 - 0.95) * 0.09 + 1e-7) * 0.3,
                -0.001 * Math.sqrt(1e-7) / Math.sqrt((1 - 0.95) * 0.000004 + 1e-7) * -0.002, 0.0},
                firstStep(AdaDelta.keras(), g), "Adadelta");
        // Adam (and amsgrad, identical on step 1): lr 0.001, betas (0.9, 0.999), epsilon 1e-7
        double alpha = 0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double[] adam = {-alpha * (0.1 * 0.3) / (Math.sqrt(0.001 * 0.09) + 1e-7),
                -alpha * (0.1 * -0.002) / (Math.sqrt(0.001 * 0.000004) + 1e-7), 0.0};
        assertNear(adam, firstStep(Adam.keras(), g), "Adam");
        assertNear(adam, firstStep(AmsGrad.keras(), g), "Adam(amsgrad=True)");
        // Adamax: lr 0.001, epsilon 1e-7
        assertNear(new double[]{-0.001 * (0.1 * 0.3) / ((1 - 0.9) * (0.3 + 1e-7)),
                -0.001 * (0.1 * -0.002) / ((1 - 0.9) * (0.002 + 1e-7)), 0.0}, firstStep(AdaMax.keras(), g), "Adamax");
        // Nadam: lr 0.001, epsilon 1e-7 (u₁ = 0.468, u₂ = 0.48528)
        double u1 = 0.9 * (1 - 0.5 * 0.96), u2 = 0.9 * (1 - 0.5 * 0.96 * 0.96);
        assertNear(new double[]{
                -0.001 * (u2 * 0.03 / (1 - u1 * u2) + (1 - u1) * 0.3 / (1 - u1)) / (Math.sqrt(0.001 * 0.09 / 0.001) + 1e-7),
                -0.001 * (u2 * -0.0002 / (1 - u1 * u2) + (1 - u1) * -0.002 / (1 - u1))
                        / (Math.sqrt(0.001 * 0.000004 / 0.001) + 1e-7), 0.0}, firstStep(NAdam.keras(), g), "Nadam");
        // AdamW: weight_decay 0.004 at lr 0.001 shrinks θ = 1 by 4e-6 before Adam's step
        double[] p = {1.0, 1.0, 1.0};
        AdamW.keras().step(p, g);
        assertNear(new double[]{1 - 1 * 0.004 * 0.001 + adam[0], 1 - 1 * 0.004 * 0.001 + adam[1], 1 - 1 * 0.004 * 0.001},
                p, "AdamW");
    }

    private static double[] firstStep(Optimizer optimizer, double[] grad) {
        double[] p = new double[grad.length];
        optimizer.step(p, grad);
        return p;
    }
}
