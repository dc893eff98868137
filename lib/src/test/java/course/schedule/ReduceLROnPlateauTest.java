package course.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReduceLROnPlateau on short sequences traced by hand with PyTorch's rules. */
class ReduceLROnPlateauTest {

    @Test
    void patienceCooldownAndReduction() {
        // lr 1, factor 0.5, patience 1, cooldown 1, abs threshold 0, mode min; metrics 5 4 4 4 4 4 3 3 3:
        // e1 5: best 5 | e2 4: best 4 | e3 4: bad 1 | e4 4: bad 2 > 1 -> lr 0.5, cooldown 1, bad 0
        // e5 4: bad 1, in cooldown -> counter 0, bad 0 | e6 4: bad 1 | e7 3: best 3 | e8 3: bad 1
        // e9 3: bad 2 > 1 -> lr 0.25
        ReduceLROnPlateau s = new ReduceLROnPlateau(1.0).factor(0.5).patience(1).cooldown(1).threshold(0)
                .thresholdMode("abs");
        for (double m : new double[] {5, 4, 4, 4, 4, 4, 3, 3, 3}) {
            s.step(m);
        }
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25}, s.learningRates(10), 0.0);
        assertEquals(2, s.reductions());
        assertEquals(9, s.epochs());
        assertEquals(3.0, s.best(), 0.0);
        assertTrue(s.inCooldown());
    }

    @Test
    void relativeThresholdOnNegativeMetricsInMaxModeCountsWorseValuesAsBetter() {
        // mode max, rel, threshold 0.1: improvement iff m > best * 1.1. With best = -1, best * 1.1 = -1.1,
        // so -1.05 (worse) counts as an improvement and becomes the best, as in PyTorch
        ReduceLROnPlateau s = new ReduceLROnPlateau(1.0).mode("max").threshold(0.1).patience(0);
        s.step(-1.0);
        s.step(-1.05);
        assertEquals(-1.05, s.best(), 0.0);
        assertEquals(1.0, s.learningRate(), 0.0);
        s.step(-1.2); // -1.2 > -1.155? no: a bad epoch, patience 0 -> reduce
        assertEquals(0.1, s.learningRate(), 1e-17);
    }

    @Test
    void minLrAndEpsStopTheReductions() {
        // lr 1e-6, factor 0.1, patience 0, metric never improves after the first:
        // 1e-7, 1e-8, then 1e-9 would be a change of 9e-9 < eps = 1e-8: no more reductions
        ReduceLROnPlateau s = new ReduceLROnPlateau(1e-6).patience(0);
        for (int e = 0; e < 6; e++) {
            s.step(1.0);
        }
        assertEquals(2, s.reductions());
        assertEquals(1e-8, s.learningRate(), 1e-22);
        // min_lr 0.03 from 0.1 with factor 0.5: 0.05, then max(0.025, 0.03) = 0.03, then none
        ReduceLROnPlateau floor = new ReduceLROnPlateau(0.1).factor(0.5).patience(0).minLr(0.03);
        for (int e = 0; e < 6; e++) {
            floor.step(1.0);
        }
        assertEquals(0.03, floor.learningRate(), 0.0);
        assertEquals(2, floor.reductions());
    }

    @Test
    void copiesStartFresh() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(0.1).patience(0);
        s.step(1);
        s.step(1);
        ReduceLROnPlateau copy = s.factor(0.5);
        assertEquals(0, copy.epochs());
        assertEquals(0.1, copy.learningRate(), 0.0);
        assertFalse(copy.inCooldown());
        assertEquals(Double.POSITIVE_INFINITY, copy.best(), 0.0);
    }
}
