package course.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.Adam;
import course.optim.AmsGrad;
import course.optim.GradientDescent;
import org.junit.jupiter.api.Test;

/** Reddi, Kale and Kumar's online problem: Adam drifts to the worst point, AMSGrad to the best. */
class OnlineCounterexampleTest {
    private static final OnlineCounterexample THEOREM = OnlineCounterexample.theorem();
    // the paper's Theorem 1 settings for C = 3: β₁ = 0, β₂ = 1/(1 + C²), α < √(1 − β₂)
    private static final double BETA2 = 1.0 / (1 + 9);
    private static final double ALPHA = 0.5 * Math.sqrt(1 - BETA2);

    @Test
    void theLossesFollowThePeriod() {
        assertEquals(3, THEOREM.gradient(1), 0.0);
        assertEquals(-1, THEOREM.gradient(2), 0.0);
        assertEquals(-1, THEOREM.gradient(3), 0.0);
        assertEquals(3, THEOREM.gradient(4), 0.0);
        assertEquals(-0.5, THEOREM.loss(2, 0.5), 0.0);
        assertEquals(1, THEOREM.slopePerPeriod(), 0.0);
        assertEquals(-1, THEOREM.optimum(), 0.0);
        assertEquals(1, new OnlineCounterexample(1.5, 3).optimum(), 0.0);
        assertTrue(OnlineCounterexample.experiment().isLargeStep(102));
        assertEquals(1, OnlineCounterexample.experiment().slopePerPeriod(), 0.0);
    }

    @Test
    void runSetsTheDecayingRateAndProjects() {
        // plain descent: x₁ = 1 − 1·3 → projected to −1; x₂ = −1 + (1/√2)·1
        double[] xs = THEOREM.run(GradientDescent.pytorch().learningRate(1), 1.0, 2, 1.0);
        assertArrayEquals(new double[]{1, -1, -1 + 1 / Math.sqrt(2)}, xs, 1e-15);
    }

    @Test
    void adamDriftsToTheWorstPointAndAmsGradToTheBest() {
        int steps = 30_000;
        double[] adam = THEOREM.run(Adam.pytorch().betas(0, BETA2).epsilon(0), ALPHA, steps, 1.0);
        double[] ams = THEOREM.run(AmsGrad.pytorch().betas(0, BETA2).epsilon(0), ALPHA, steps, 1.0);
        assertTrue(OnlineCounterexample.tailMean(adam, 3000) > 0.99, "Adam settles near +1");
        assertTrue(OnlineCounterexample.tailMean(ams, 3000) < -0.99, "AMSGrad settles near −1");
        double[] adamRegret = THEOREM.regret(adam), amsRegret = THEOREM.regret(ams);
        // at x = +1 each period costs (C − 2) − (−(C − 2)) = 2 more than the optimum: 2/3 per step
        assertEquals(2.0 / 3, adamRegret[steps] / steps, 0.01);
        assertTrue(amsRegret[steps] / steps < 0.02, "AMSGrad's average regret vanishes: " + amsRegret[steps] / steps);
    }

    @Test
    void theScaledExperimentAlsoFailsWithUsualBetas() {
        OnlineCounterexample p = OnlineCounterexample.experiment();
        double[] adam = p.run(Adam.pytorch().betas(0.9, 0.99), 0.1, 200_000, 0.0);
        double[] ams = p.run(AmsGrad.pytorch().betas(0.9, 0.99), 0.1, 200_000, 0.0);
        double adamTail = OnlineCounterexample.tailMean(adam, 1010), amsTail = OnlineCounterexample.tailMean(ams, 1010);
        assertTrue(adamTail > 0.99, "Adam: " + adamTail);
        assertTrue(amsTail < -0.2, "AMSGrad: " + amsTail);
    }

    @Test
    void regretIsMeasuredAgainstTheBestFixedPointSoFar() {
        // x stays at 0: suffered 0; after one step the best point is x = −1 with loss −3
        double[] regret = THEOREM.regret(new double[]{0, 0, 0, 0});
        assertArrayEquals(new double[]{0, 3, 2, 1}, regret, 1e-15);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OnlineCounterexample(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new OnlineCounterexample(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> THEOREM.gradient(0));
        assertThrows(IllegalArgumentException.class, () -> THEOREM.run(Adam.pytorch(), 0.1, 10, 2));
        assertEquals(1, OnlineCounterexample.project(7), 0.0);
    }
}
