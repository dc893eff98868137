package course.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Robbins–Monro sums over 10⁷ steps and their verdicts for the four classic schedules. */
class RobbinsMonroTest {
    static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void constantRateFailsTheSecondCondition() {
        RobbinsMonro.Report r = RobbinsMonro.check(new ConstantSchedule(0.1));
        assertArrayEquals(new long[] {10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000}, r.horizons());
        // sum of 0.1 over H steps = 0.1 H; of 0.01 = 0.01 H
        assertEquals(1e6, r.sum().last(), 1e-9 * 1e6);
        assertEquals(1e5, r.sumOfSquares().last(), 1e-9 * 1e5);
        assertEquals(10.0, r.sum().lastRatio(), 1e-9, "ten times more growth each decade");
        assertTrue(r.sumDiverges());
        assertFalse(r.sumOfSquaresConverges(), "sum of squares diverges");
        assertFalse(r.conditionsHold());
    }

    @Test
    void oneOverKMeetsBothConditions() {
        // Keras InverseTimeDecay(0.1, 1, 1): 0.1 / (k + 1). Sum over k < n = 0.1 * H_n, the harmonic number,
        // H_n = ln n + gamma + 1/(2n) - ...; sum of squares = 0.01 * (pi^2/6 - 1/n + 1/(2n^2) - ...)
        RobbinsMonro.Report r = RobbinsMonro.check(new InverseTimeDecay(0.1, 1, 1.0));
        double n = 1e7;
        assertEquals(0.1 * (Math.log(n) + EULER_GAMMA + 1 / (2 * n)), r.sum().last(), 1e-12);
        assertEquals(0.01 * (Math.PI * Math.PI / 6 - 1 / n), r.sumOfSquares().last(), 1e-15);
        assertTrue(r.sumDiverges(), "grows by 0.1 ln 10 per decade: " + r.sum());
        assertTrue(r.sumOfSquaresConverges(), r.sumOfSquares().toString());
        assertTrue(r.conditionsHold());
        // the growth per decade is 0.1 ln 10 at every horizon
        double[] s = r.sum().partialSums();
        for (int j = 2; j < s.length; j++) {
            assertEquals(0.1 * Math.log(10), s[j] - s[j - 1], 1e-3);
        }
    }

    @Test
    void oneOverKSquaredHasAFiniteSum() {
        RobbinsMonro.Report r = RobbinsMonro.check(k -> 0.1 / ((k + 1.0) * (k + 1.0)));
        // 0.1 * (pi^2/6 - 1/n)
        assertEquals(0.1 * (Math.PI * Math.PI / 6 - 1e-7), r.sum().last(), 1e-13);
        assertFalse(r.sumDiverges(), r.sum().toString());
        assertTrue(r.sumOfSquaresConverges());
        assertFalse(r.conditionsHold());
    }

    @Test
    void exponentialDecayHasAFiniteSum() {
        // geometric series: 0.1 / (1 - 0.95) = 2, squares 0.01 / (1 - 0.9025)
        RobbinsMonro.Report r = RobbinsMonro.check(ExponentialDecay.pytorch(0.1, 0.95));
        assertEquals(2.0, r.sum().last(), 1e-13);
        assertEquals(0.01 / (1 - 0.9025), r.sumOfSquares().last(), 1e-14);
        assertFalse(r.sumDiverges());
        assertTrue(r.sumOfSquaresConverges());
        assertFalse(r.conditionsHold());
        assertTrue(r.toString().contains("Σε = ∞ fails"), r.toString());
    }

    @Test
    void theVerdictIsOnlyAnIndication() {
        // k^-1.5 converges and has settled by 10^6 steps; k^-1.1 converges too, but what is left of it after 10^6
        // steps is still about a quarter of the total, so it reads as diverging
        assertFalse(RobbinsMonro.check(k -> Math.pow(k + 1, -1.5), 6).sumDiverges());
        assertTrue(RobbinsMonro.check(k -> Math.pow(k + 1, -1.1), 6).sumDiverges());
    }

    @Test
    void judgeProjectsAGeometricRemainder() {
        // decade growths 1, 0.5: ratio 0.5, projected remainder 0.5 * 0.5 / 0.5 = 0.5 on a sum of 11.5
        RobbinsMonro.Series s = RobbinsMonro.judge(new double[] {10, 11, 11.5}, 0.01);
        assertEquals(0.5, s.lastRatio(), 0.0);
        assertEquals(0.5, s.projectedRemainder(), 0.0);
        assertFalse(s.converges(), "0.5 > 1% of 11.5");
        assertTrue(RobbinsMonro.judge(new double[] {10, 11, 11.5}, 0.05).converges(), "0.5 < 5% of 11.5");
        assertTrue(RobbinsMonro.judge(new double[] {3, 3, 3}, 0.01).converges(), "no growth at all");
        assertFalse(RobbinsMonro.judge(new double[] {3, 3, 3.1}, 0.01).converges(), "growth after none");
    }

    @Test
    void reportTableHasOneRowPerHorizon() {
        RobbinsMonro.Report r = RobbinsMonro.check(new ConstantSchedule(0.5), 3);
        assertEquals(3, r.table().rowCount());
        assertEquals(500.0, r.sum().last(), 1e-12);
    }
}
