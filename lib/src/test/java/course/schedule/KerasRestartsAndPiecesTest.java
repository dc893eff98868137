package course.schedule;

import org.junit.jupiter.api.Test;

import static course.schedule.BadInputTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keras's PiecewiseConstantDecay and CosineDecayRestarts by hand (the golden replay is
 * KerasGoldenTest), and their bad arguments.
 */
class KerasRestartsAndPiecesTest {

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-17, what);
    }

    @Test
    void piecewiseConstantKeepsEachValueThroughItsBoundary() {
        // Keras's docstring example: 1.0 up to step 100000 included, 0.5 up to 110000, then 0.1
        PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {100000, 110000}, 1.0, 0.5, 0.1);
        assertEquals(1.0, s.learningRate(0));
        assertEquals(1.0, s.learningRate(100000), "k ≤ b₀");
        assertEquals(0.5, s.learningRate(100001), "b₀ < k");
        assertEquals(0.5, s.learningRate(110000));
        assertEquals(0.1, s.learningRate(110001));
        assertEquals(0.1, s.learningRate(Long.MAX_VALUE));
    }

    @Test
    void restartsByHand() {
        // S = 10, t = 2, m = 0.5, α = 0.2; cycles [0, 10), [10, 30), [30, 70)
        CosineDecayRestarts s = new CosineDecayRestarts(1.0, 10, 2, 0.5, 0.2);
        close(1.0, s.learningRate(0), "cycle 0 starts at (1 − α)·1 + α = 1");
        close(0.8 * 0.5 + 0.2, s.learningRate(5), "half-way: cos(π/2) = 0, (1 + 0)/2 = 0.5");
        close(0.8 * 0.5 + 0.2, s.learningRate(10), "cycle 1 starts at (1 − α)·m + α = 0.6");
        close(0.8 * 0.5 * 0.5 + 0.2, s.learningRate(20), "half of cycle 1 (20 steps long)");
        close(0.8 * 0.25 + 0.2, s.learningRate(30), "cycle 2 starts at (1 − α)·m² + α = 0.4");
        close(0.8 * 0.25 * (1 + Math.cos(Math.PI * 0.25)) / 2 + 0.2, s.learningRate(40), "10 of cycle 2's 40 steps");
        // the defaults: t = 2, m = 1, α = 0
        CosineDecayRestarts d = new CosineDecayRestarts(0.1, 10);
        close(0.1, d.learningRate(30), "restart at 10 + 20");
        close(0.1, d.learningRate(70), "restart at 10 + 20 + 40");
        close(0.05, d.learningRate(50), "half of the 40-step cycle");
        // t = 1.5: cycles of 4, 6, 9 steps start at 0, 4, 10, 19
        CosineDecayRestarts f = new CosineDecayRestarts(1.0, 4, 1.5, 1, 0);
        close(1.0, f.learningRate(10), "restart at 4 + 6");
        close(1.0, f.learningRate(19), "restart at 4 + 6 + 9");
        close((1 + Math.cos(Math.PI * 3 / 9.0)) / 2, f.learningRate(13), "3 of the 9-step cycle");
    }

    @Test
    void aRestartIsNeverLateEvenFarOut() {
        // restarts at 10·(2^n − 1): at each the peak m^n, one step before it near the floor
        CosineDecayRestarts s = new CosineDecayRestarts(1.0, 10, 2, 0.9, 0);
        for (int n = 1; n < 40; n++) {
            long restart = 10L * ((1L << n) - 1);
            close(Math.pow(0.9, n), s.learningRate(restart), "restart " + n + " at step " + restart);
            assertEquals(0, s.learningRate(restart - 1), 0.03 * Math.pow(0.9, n - 1), "end of cycle " + (n - 1));
        }
    }

    @Test
    void badArguments() {
        refused(() -> new PiecewiseConstantDecay(new long[0], 0.1), "boundaries must list at least one step",
                "ConstantSchedule");
        refused(() -> new PiecewiseConstantDecay(null, 0.1), "boundaries", "null");
        refused(() -> new PiecewiseConstantDecay(new long[] {10, 20}, 0.1, 0.01), "one entry more than boundaries",
                "2 boundaries need 3 values, got 2");
        refused(() -> new PiecewiseConstantDecay(new long[] {10, 10}, 0.1, 0.05, 0.01), "strictly increasing",
                "[10, 10]");
        refused(() -> new PiecewiseConstantDecay(new long[] {-1}, 0.1, 0.05), "boundaries[0] must be ≥ 0");
        refused(() -> new PiecewiseConstantDecay(new long[] {5}, 0.1, Double.NaN), "values[1]", "NaN");
        refused(() -> new PiecewiseConstantDecay(new long[] {5}, 0.1, 0.2).learningRate(-1), "step must be ≥ 0");
        refused(() -> new CosineDecayRestarts(0, 10), "initial learning rate must be a positive finite number");
        refused(() -> new CosineDecayRestarts(0.1, 0), "first_decay_steps must be at least 1 step, got 0");
        refused(() -> new CosineDecayRestarts(0.1, 10, 0.5, 1, 0), "t_mul must be a finite number ≥ 1", "NaN");
        refused(() -> new CosineDecayRestarts(0.1, 10, Double.POSITIVE_INFINITY, 1, 0), "t_mul", "Infinity");
        refused(() -> new CosineDecayRestarts(0.1, 10, 2, -0.5, 0), "m_mul must be a finite number ≥ 0");
        refused(() -> new CosineDecayRestarts(0.1, 10, 2, 1, 1.5), "alpha must lie in [0, 1]");
    }
}
