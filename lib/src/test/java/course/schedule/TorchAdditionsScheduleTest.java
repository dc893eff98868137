package course.schedule;

import course.optim.GradientDescent;
import course.optim.Momentum;
import org.junit.jupiter.api.Test;

import static course.schedule.BadInputTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PyTorch's ConstantLR, MultiplicativeLR and CyclicLR by hand (the replay is TorchGoldenTest), and bad arguments. */
class TorchAdditionsScheduleTest {

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-17, what);
    }

    @Test
    void constantWarmup() {
        ConstantWarmup s = new ConstantWarmup(0.3);  // factor 1/3 for 5 steps
        close(0.1, s.learningRate(0), "0.3 / 3");
        close(0.1, s.learningRate(4), "still the factor at step 4");
        close(0.3, s.learningRate(5), "the base rate from total_iters on");
        close(0.1, new ConstantWarmup(0.1, 0.5, 0).learningRate(0), "no warm-up");
    }

    @Test
    void multiplicativeDecayInAnyOrder() {
        MultiplicativeDecay s = new MultiplicativeDecay(1.0, k -> k % 10 == 0 ? 0.5 : 1.0);
        close(1.0, s.learningRate(9), "no tenth step yet");
        close(0.5, s.learningRate(10), "f(10) = 0.5");
        close(0.125, s.learningRate(35), "f(10), f(20), f(30)");
        close(0.5, s.learningRate(12), "back to an earlier step: multiplied again from step 1");
        close(Math.pow(0.95, 50), new MultiplicativeDecay(1.0, k -> 0.95).learningRate(50), "a constant factor is exponential");
        MultiplicativeDecay bad = new MultiplicativeDecay(1.0, k -> k == 3 ? Double.NaN : 1.0);
        refused(() -> bad.learningRate(5), "gives NaN at step 3", "finite number ≥ 0");
    }

    @Test
    void cyclicByHand() {
        Cyclic s = new Cyclic(0.01, 0.11, 10);  // triangular, up 10, down 10
        close(0.01, s.learningRate(0), "starts at base_lr");
        close(0.06, s.learningRate(5), "half-way up");
        close(0.11, s.learningRate(10), "the peak");
        close(0.06, s.learningRate(15), "half-way down");
        close(0.01, s.learningRate(20), "next cycle");
        close(0.9, s.momentum(0), "momentum at max_momentum while the rate is at base_lr");
        close(0.8, s.momentum(10), "and at base_momentum at the peak");
        Cyclic halving = new Cyclic(1.0, 2.0, 4).mode("triangular2").stepSizeDown(6);
        close(2.0, halving.learningRate(4), "first peak");
        close(1.5, halving.learningRate(14), "second peak, half as high above base_lr");
        close(1.25, halving.learningRate(24), "third");
        close(1.5, halving.learningRate(7), "falling over 6 steps: 3 of them left");
        Cyclic shrinking = new Cyclic(0.1, 0.2, 5).mode(Cyclic.Mode.EXP_RANGE).gamma(0.9);
        close(0.1 + 0.1 * Math.pow(0.9, 5), shrinking.learningRate(5), "exp_range: γ^k at the peak");
        assertTrue(Double.isNaN(s.cycleMomentum(false).momentum(3)), "no momentum cycling: NaN, leave it alone");
    }

    @Test
    void cyclicMomentumReachesOnlyOptimizersThatHaveOne() {
        Cyclic s = new Cyclic(0.01, 0.1, 10);
        Momentum momentum = Momentum.pytorch().learningRate(0.05).momentum(0.5);
        s.applyTo(momentum, 10);
        close(0.8, momentum.momentum(), "SGD with momentum gets base_momentum at the peak");
        GradientDescent plain = GradientDescent.pytorch();
        close(0.1, s.applyTo(plain, 10), "plain gradient descent gets the rate");
        double[] theta = {1.0};
        for (int k = 0; k < 3; k++) {
            s.applyTo(plain, 10);
            plain.step(theta, new double[] {1.0});
        }
        close(1.0 - 3 * 0.1, theta[0], "and stays plain: no velocity builds up (PyTorch would switch momentum 0.9 on)");
    }

    @Test
    void badArguments() {
        refused(() -> new ConstantWarmup(0.1, 0, 5), "factor must lie in (0, 1]", "got 0.0");
        refused(() -> new ConstantWarmup(0.1, 1.5, 5), "factor must lie in (0, 1]");
        refused(() -> new ConstantWarmup(0.1, 0.5, -1), "total_iters must be ≥ 0");
        refused(() -> new ConstantWarmup(-0.1), "learning rate must be a positive finite number");
        refused(() -> new MultiplicativeDecay(0.1, null), "factor", "must not be null");
        refused(() -> new Cyclic(0, 0.1, 10), "base_lr must be a positive finite number");
        refused(() -> new Cyclic(0.01, 0.1, 0), "step_size_up must be at least 1 step");
        refused(() -> new Cyclic(0.01, 0.1, 10).stepSizeDown(0), "step_size_down must be at least 1 step");
        refused(() -> new Cyclic(0.01, 0.1, 10).mode("triangle"), "'triangular', 'triangular2' or 'exp_range'",
                "'triangle'");
        refused(() -> new Cyclic(0.01, 0.1, 10).gamma(1.5), "gamma must lie in (0, 1]");
        refused(() -> new Cyclic(0.01, 0.1, 10).momentum(0.8, 1.0), "max_momentum must lie in [0, 1)");
        refused(() -> new Cyclic(0.01, 0.1, 10).learningRate(-1), "step must be ≥ 0");
    }
}
