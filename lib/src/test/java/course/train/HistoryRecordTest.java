package course.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.display.Table;
import org.junit.jupiter.api.Test;

/** Training loops other than Trainer (the DL4J runs) record into a History too. */
class HistoryRecordTest {
    @Test
    void recordedStepsAndEpochsWithATrainingMetricShowInTheTable() {
        History history = new History("adam", "accuracy");
        history.recordStep(0, 2.3, 0.001, Double.NaN, 0.1);
        history.recordStep(0, 1.9, 0.001, Double.NaN, 0.2);
        history.recordEpoch(2.1, 0.4, 1.5, 0.6, 0.001, 0.3);
        assertEquals(2, history.stepCount());
        assertArrayEquals(new double[] {0.4}, history.trainMetrics(), 0.0);
        Table table = history.epochTable();
        assertEquals(java.util.List.of("epoch", "train loss", "train accuracy", "validation loss", "accuracy",
                "learning rate", "seconds"), table.headers());
        assertEquals(0.4, table.get(0, 2));
        assertThrows(IllegalArgumentException.class, () -> history.recordStep(-1, 1, 1, 1, 1));
    }

    @Test
    void withoutATrainingMetricTheTableKeepsItsColumns() {
        History history = new History("sgd", "accuracy");
        history.recordEpoch(2.1, Double.NaN, 1.5, 0.6, 0.01, 0.3);
        assertEquals(6, history.epochTable().headers().size());
    }
}
