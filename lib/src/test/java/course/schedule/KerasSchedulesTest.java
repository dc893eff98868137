package course.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Keras 3 schedules against values derived by hand from Keras's formulas
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), written out step by step in each
 * test. Keras evaluates in float32 by default; these are the exact (float64) values of its formulas.
 */
class KerasSchedulesTest {

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-17, what);
    }

    @Test
    void exponentialDecay() {
        // lr(k) = 0.1 * 0.5^(k / 10)
        ExponentialDecay s = ExponentialDecay.keras(0.1, 10, 0.5);
        close(0.1, s.learningRate(0), "0.5^0 = 1");
        close(0.05, s.learningRate(10), "0.5^1");
        close(0.1 / Math.sqrt(2), s.learningRate(5), "0.5^0.5 = 1/sqrt 2");        // 0.0707106781...
        close(0.1 * 0.125 * Math.sqrt(2) , s.learningRate(25), "0.5^2.5 = sqrt 2 / 8"); // 0.0176776695...
        close(0.1 * Math.pow(2, -0.1), s.learningRate(1), "0.5^0.1");
    }

    @Test
    void exponentialDecayStaircase() {
        // p = floor(k / 10): 0.1 for k = 0..9, 0.05 for 10..19, 0.025 for 20..29
        ExponentialDecay s = ExponentialDecay.keras(0.1, 10, 0.5, true);
        close(0.1, s.learningRate(9), "floor(0.9) = 0");
        close(0.05, s.learningRate(10), "floor(1.0) = 1");
        close(0.05, s.learningRate(15), "floor(1.5) = 1");
        close(0.05, s.learningRate(19), "floor(1.9) = 1");
        close(0.025, s.learningRate(20), "floor(2.0) = 2");
        // Keras's docstring example: 0.1, decay_steps 100000, rate 0.96, staircase: at step 250000,
        // floor(2.5) = 2 and 0.1 * 0.96^2 = 0.09216
        close(0.09216, ExponentialDecay.keras(0.1, 100000, 0.96, true).learningRate(250000), "docstring example");
    }

    @Test
    void inverseTimeDecay() {
        // lr(k) = 0.1 / (1 + 0.5 * k / 5)
        InverseTimeDecay s = new InverseTimeDecay(0.1, 5, 0.5);
        close(0.1, s.learningRate(0), "1 + 0");
        close(0.05, s.learningRate(10), "1 + 0.5 * 2 = 2");
        close(0.1 / 1.3, s.learningRate(3), "1 + 0.5 * 0.6 = 1.3");              // 0.0769230769...
        // staircase: p = floor(k / 5)
        InverseTimeDecay stairs = new InverseTimeDecay(0.1, 5, 0.5, true);
        close(0.1 / 1.5, stairs.learningRate(7), "floor(1.4) = 1: 1 + 0.5 = 1.5");   // 0.0666...
        close(0.05, stairs.learningRate(14), "floor(2.8) = 2: 1 + 1 = 2");
        // docstring example: decay_steps 1, rate 0.5 -> 0.1 / (1 + k/2)
        InverseTimeDecay doc = new InverseTimeDecay(0.1, 1, 0.5);
        close(0.05, doc.learningRate(2), "1 + 1");
        close(0.1 / 3, doc.learningRate(4), "1 + 2");
    }

    @Test
    void polynomialDecayDefaults() {
        // end 1e-4, power 1: lr(k) = (0.1 - 0.0001) * (1 - min(k, 100)/100) + 0.0001
        PolynomialDecay s = PolynomialDecay.keras(0.1, 100);
        close(0.1, s.learningRate(0), "0.0999 * 1 + 0.0001");
        close(0.05005, s.learningRate(50), "0.0999 * 0.5 + 0.0001 = 0.04995 + 0.0001");
        close(0.0001, s.learningRate(100), "0.0999 * 0 + 0.0001");
        close(0.0001, s.learningRate(150), "k capped at 100");
    }

    @Test
    void polynomialDecayPowerAndEnd() {
        // end 0.01, power 2: lr(k) = 0.09 * (1 - k/100)^2 + 0.01
        PolynomialDecay s = PolynomialDecay.keras(0.1, 100, 0.01, 2.0, false);
        close(0.0325, s.learningRate(50), "0.09 * 0.25 + 0.01");
        close(0.0109, s.learningRate(90), "0.09 * 0.01 + 0.01");
        // docstring example: 0.1 -> 0.01 over 10000 steps, power 0.5: at 7500, 0.09 * sqrt(0.25) + 0.01
        close(0.055, PolynomialDecay.keras(0.1, 10000, 0.01, 0.5, false).learningRate(7500), "docstring example");
    }

    @Test
    void polynomialDecayCycle() {
        // cycle: horizon = 100 * ceil(k / 100) (100 at k = 0); lr = 0.09 * (1 - k / horizon) + 0.01
        PolynomialDecay s = PolynomialDecay.keras(0.1, 100, 0.01, 1.0, true);
        close(0.1, s.learningRate(0), "k = 0: multiplier 1, p = 0");
        close(0.01, s.learningRate(100), "ceil(1) = 1: p = 1");
        close(0.05455, s.learningRate(101), "ceil(1.01) = 2: p = 101/200 = 0.505, 0.09 * 0.495 + 0.01");
        close(0.0325, s.learningRate(150), "horizon 200: p = 0.75, 0.09 * 0.25 + 0.01");
        close(0.025, s.learningRate(250), "ceil(2.5) = 3: p = 250/300, 0.09 / 6 + 0.01");
        close(0.01, s.learningRate(300), "ceil(3) = 3: p = 1");
    }

    @Test
    void cosineDecay() {
        // lr(k) = 0.1 * (0.5 * (1 + cos(pi * min(k, 100) / 100)))
        CosineDecay s = new CosineDecay(0.1, 100);
        close(0.1, s.learningRate(0), "cos 0 = 1");
        close(0.05, s.learningRate(50), "cos(pi/2) = 0");
        close(0.05 * (1 + Math.sqrt(0.5)), s.learningRate(25), "cos(pi/4) = sqrt(1/2)");  // 0.0853553390...
        assertEquals(0.0, s.learningRate(100), 1e-17, "cos(pi) = -1");
        assertEquals(0.0, s.learningRate(200), 1e-17, "k capped at decay_steps: no climb back (PyTorch's climbs)");
    }

    @Test
    void cosineDecayAlpha() {
        // alpha 0.1: lr(k) = 0.1 * (0.9 * c + 0.1), c = 0.5 * (1 + cos(pi * min(k,100) / 100))
        CosineDecay s = new CosineDecay(0.1, 100, 0.1);
        close(0.055, s.learningRate(50), "c = 0.5: 0.1 * (0.45 + 0.1)");
        close(0.01, s.learningRate(100), "c = 0: the floor alpha * lr");
        close(0.01, s.learningRate(1000), "stays at the floor");
        // k = 75: cos(3pi/4) = -sqrt(1/2), c = (1 - sqrt(1/2)) / 2
        close(0.1 * (0.9 * (1 - Math.sqrt(0.5)) / 2 + 0.1), s.learningRate(75), "c = (1 - sqrt(1/2)) / 2");
    }

    @Test
    void cosineDecayWithWarmup() {
        // initial 0.01, warmup_target 0.1 over 10 steps, then decay over 100 steps from 0.1
        CosineDecay s = new CosineDecay(0.01, 100, 0.0, 0.1, 10);
        close(0.01, s.learningRate(0), "warm-up: (0.1 - 0.01) * 0 + 0.01");
        close(0.055, s.learningRate(5), "warm-up: 0.09 * 0.5 + 0.01");
        close(0.1, s.learningRate(10), "decay from 0.1 at its step 0");
        close(0.05, s.learningRate(60), "decay step 50 of 100");
        assertEquals(0.0, s.learningRate(110), 1e-17, "end of the decay");
        assertEquals(0.0, s.learningRate(5000), 1e-17, "capped at warmup + decay steps");
        // Keras's docstring example: from 0 to 0.1 over 1000 steps, then 1000 steps of decay
        CosineDecay doc = new CosineDecay(0.0, 1000, 0.0, 0.1, 1000);
        assertEquals(0.0, doc.learningRate(0), 0.0);
        close(0.05, doc.learningRate(500), "half-way up");
        close(0.1, doc.learningRate(1000), "the top");
        close(0.05, doc.learningRate(1500), "half-way down");
    }
}
