package course.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.Dataset;
import course.data.SyntheticData;
import course.models.LinearRegression;
import course.optim.GradientDescent;
import org.junit.jupiter.api.Test;

class CountedRunTest {
    private static final Dataset LINE = SyntheticData.linearRegression(100, new double[] {2.0, -1.0}, 0.5, 0.1, 3);
    private static final LinearRegression MODEL = new LinearRegression(2);

    @Test
    void countsUpdatesAndExampleGradientsAndRecordsTheLossPerEpoch() {
        double[] start = MODEL.initialParameters(1);
        double[] kept = start.clone();
        CountedRun run = CountedRun.of(MODEL, GradientDescent.textbook().learningRate(0.05), LINE, start, 32, 3, 9);
        assertArrayEquals(kept, start, 0, "the start is copied, not trained");
        assertEquals(32, run.batchSize());
        assertEquals(3 * 4, run.updates(), "100 rows in batches of 32: 4 updates per epoch, the last of 4 rows");
        assertEquals(3 * 100, run.examples(), "every row once per epoch");
        assertEquals(4, run.loss().length);
        assertEquals(MODEL.loss(start, LINE), run.loss()[0], 0);
        double[] replay = start.clone();
        Trainer.of(MODEL, GradientDescent.textbook().learningRate(0.05)).batchSize(32).epochs(3).seed(9).fit(replay, LINE);
        assertEquals(MODEL.loss(replay, LINE), run.finalLoss(), 0, "the same run as the Trainer with the same seed");
        assertTrue(run.finalLoss() < run.loss()[0]);
        assertEquals(0, run.seconds()[0], 0);
        for (int e = 1; e < run.seconds().length; e++) {
            assertTrue(run.seconds()[e] >= run.seconds()[e - 1] && run.seconds()[e] >= 0, "training seconds accumulate");
        }
    }

    @Test
    void aFullBatchCountsOneUpdateOfEveryRowPerEpoch() {
        CountedRun run = CountedRun.of(MODEL, GradientDescent.textbook().learningRate(0.05), LINE, MODEL.initialParameters(1), 100, 2, 1);
        assertEquals(2, run.updates());
        assertEquals(200, run.examples());
    }

    @Test
    void badInputIsRefused() {
        double[] start = MODEL.initialParameters(1);
        GradientDescent gd = GradientDescent.textbook().learningRate(0.05);
        assertThrows(IllegalArgumentException.class, () -> CountedRun.of(MODEL, gd, LINE, start, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> CountedRun.of(MODEL, gd, LINE, start, 8, 0, 1));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> CountedRun.of(MODEL, gd, LINE, start, 101, 1, 1));
        assertTrue(tooBig.getMessage().contains("larger than the training set"), tooBig.getMessage());
    }
}
