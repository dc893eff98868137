package course.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import course.plot.LineChart;
import course.plot.SmallMultiples;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs as one tablesaw table with a "run" column, and plotted by run in one call. */
class HistoryTableTest {
    static History run(String label, double rate, int epochs, boolean validation) {
        History history = new History(label, "accuracy");
        for (int e = 0; e < epochs; e++) {
            double loss = Math.pow(1 - rate, e + 1);
            history.addStep(e, loss, rate, 1, e + 0.5);
            history.addEpoch(loss, validation ? 1.1 * loss : Double.NaN, validation ? 1 - loss : Double.NaN, rate, e + 1.0);
        }
        return history;
    }

    @Test
    void epochsOfSeveralRunsInOneTable() {
        Table table = History.table(run("SGD", 0.1, 3, true), run("Adam", 0.3, 2, false));
        assertEquals(5, table.rowCount());
        assertEquals("SGD", table.stringColumn("run").get(0));
        assertEquals("Adam", table.stringColumn("run").get(4));
        assertEquals(2, table.intColumn("epoch").get(4));
        assertEquals(0.81, table.doubleColumn("train loss").get(1), 1e-12);
        assertTrue(table.doubleColumn("validation loss").isMissing(3), "Adam had no validation set");
        assertEquals(3, History.stepsTable(run("SGD", 0.1, 3, true)).rowCount());
        assertEquals(3, run("SGD", 0.1, 3, true).toTable().rowCount());
    }

    @Test
    void plottedByRunInOneCall() {
        LineChart chart = LineChart.histories("train loss", run("SGD", 0.1, 3, true), run("Adam", 0.3, 2, false));
        assertEquals(java.util.List.of("SGD", "Adam"), chart.seriesNames());
        JsonObject spec = new JsonParser().parse(chart.displayJson()).getAsJsonObject();
        JsonArray adamY = spec.getAsJsonArray("data").get(1).getAsJsonObject().getAsJsonArray("y");
        assertEquals(2, adamY.size());
        assertEquals(0.49, adamY.get(1).getAsDouble(), 1e-12);
        // Validation loss: Adam has none, so only SGD's series.
        assertEquals(1, LineChart.histories("validation loss", run("SGD", 0.1, 3, true), run("Adam", 0.3, 2, false))
                .seriesCount());
        SmallMultiples grid = SmallMultiples.histories(run("SGD", 0.1, 3, true), run("Adam", 0.3, 2, true));
        assertEquals(4, grid.panelCount(), "train loss, validation loss, accuracy, learning rate");
        assertTrue(grid.toPng().length > 1000);
    }
}
