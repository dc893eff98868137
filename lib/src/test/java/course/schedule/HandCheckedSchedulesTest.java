package course.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The textbook's linear decay and the constant schedule, by hand; a few structural checks. */
class HandCheckedSchedulesTest {

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-17, what);
    }

    @Test
    void textbookLinearDecay() {
        // eps_k = (1 - k/100) * 0.1 + (k/100) * 0.001 for k < 100, then 0.001
        LinearDecay s = new LinearDecay(0.1, 0.001, 100);
        close(0.1, s.learningRate(0), "alpha = 0");
        close(0.07525, s.learningRate(25), "0.75 * 0.1 + 0.25 * 0.001 = 0.075 + 0.00025");
        close(0.0505, s.learningRate(50), "0.5 * 0.1 + 0.5 * 0.001");
        close(0.00199, s.learningRate(99), "0.01 * 0.1 + 0.99 * 0.001 = 0.001 + 0.00099");
        close(0.001, s.learningRate(100), "alpha = 1: eps_tau");
        close(0.001, s.learningRate(1_000_000), "constant after tau");
        // linear: equal steps down, (0.1 - 0.001) / 100 = 0.00099 per step
        for (int k = 1; k < 100; k++) {
            close(0.00099, s.learningRate(k - 1) - s.learningRate(k), "decrement at step " + k);
        }
    }

    @Test
    void textbookDefaultFinalRateIsOnePercent() {
        // eps_tau = 0.2 / 100 = 0.002; half-way: (0.2 + 0.002) / 2 = 0.101
        LinearDecay s = LinearDecay.textbook(0.2, 400);
        close(0.101, s.learningRate(200), "half-way");
        close(0.002, s.learningRate(400), "one percent of eps_0");
    }

    @Test
    void constant() {
        ConstantSchedule s = new ConstantSchedule(0.03);
        for (long k : new long[] {0, 1, 17, 1_000_000_000_000L}) {
            assertEquals(0.03, s.learningRate(k), 0.0);
        }
        assertTrue(Double.isNaN(s.momentum(3)), "a constant schedule leaves the momentum alone");
    }

    @Test
    void lambdaIsASchedule() {
        LearningRateSchedule oneOverK = k -> 1.0 / (k + 1);
        assertArrayEquals(new double[] {1.0, 0.5, 1.0 / 3, 0.25}, oneOverK.learningRates(4), 1e-15);
        assertTrue(Double.isNaN(oneOverK.momenta(2)[1]));
    }

    @Test
    void warmRestartsByHand() {
        // T_0 = 4, T_mult = 2: cycles [0,4), [4,12), [12,28); eps = 0.1 * (1 + cos(pi * T_cur / T_i)) / 2
        CosineWarmRestarts s = new CosineWarmRestarts(0.1, 4, 2, 0.0);
        close(0.1, s.learningRate(0), "start");
        close(0.05, s.learningRate(2), "T_cur/T_i = 2/4");
        close(0.1, s.learningRate(4), "restart");
        close(0.05, s.learningRate(8), "T_cur/T_i = 4/8");
        close(0.1, s.learningRate(12), "second restart");
        close(0.05, s.learningRate(20), "T_cur/T_i = 8/16");
    }

    @Test
    void oneCycleEndpointsByHand() {
        // defaults, T = 100: initial 0.1/25 = 0.004 at step 0; max 0.1 at step 0.3*100 - 1 = 29;
        // min 0.004/1e4 = 4e-7 at step 99; momentum 0.95 -> 0.85 -> 0.95
        OneCycle s = new OneCycle(0.1, 100);
        close(0.004, s.learningRate(0), "initial");
        close(0.1, s.learningRate(29), "peak");
        close(4e-7, s.learningRate(99), "minimum");
        close(0.95, s.momentum(0), "max momentum first");
        close(0.85, s.momentum(29), "base momentum at the peak");
        close(0.95, s.momentum(99), "max momentum at the end");
        assertTrue(Double.isNaN(s.cycleMomentum(false).momentum(10)));
    }

    @Test
    void warmupCompositions() {
        // before: 4 steps from 0.25 * 0.1 to 0.1 (0.025, 0.04375, 0.0625, 0.08125), then StepLR(0.1, 2, 0.5)
        LinearWarmup before = LinearWarmup.before(new StepDecay(0.1, 2, 0.5), 0.25, 4);
        assertArrayEquals(new double[] {0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1, 0.05, 0.05, 0.025},
                before.learningRates(9), 1e-15);
        // scaling: factor (0.25, 0.625, 1, 1, ...) times 0.1 * 0.5^k
        LinearWarmup scaling = LinearWarmup.scaling(ExponentialDecay.pytorch(0.1, 0.5), 0.25, 2);
        assertArrayEquals(new double[] {0.025, 0.03125, 0.025, 0.0125}, scaling.learningRates(4), 1e-15);
    }
}
