package course.display;

import course.train.History;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableViewTest {
    static Table runs(int rows) {
        StringColumn run = StringColumn.create("run");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss");
        for (int i = 0; i < rows; i++) {
            run.append(i % 2 == 0 ? "SGD" : "Adam<β>");
            epoch.append(i + 1);
            if (i == 1) {
                loss.appendMissing();
            } else {
                loss.append(1.0 / (i + 3));
            }
        }
        return Table.create("runs", run, epoch, loss);
    }

    @Test
    void smallTableShowsEveryRowWithCourseNumbersAndEmptyMissingCells() {
        String html = TableView.of(runs(3)).toHtml();
        assertTrue(html.contains("<b>runs</b> · 3 rows × 3 columns"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">0.333333</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\"></td>"), "missing is empty: " + html);
        assertTrue(html.contains("Adam&lt;β&gt;"), "names are escaped");
        assertTrue(html.contains("<th style=\"text-align:right\">loss</th>"));
        String text = TableView.of(runs(3)).toString();
        assertEquals("runs: 3 rows × 3 columns\n"
                + "run      epoch      loss\n"
                + "SGD          1  0.333333\n"
                + "Adam<β>      2          \n"
                + "SGD          3       0.2", text);
    }

    @Test
    void longTableShowsHeadAndTailAroundAGap() {
        TableView view = TableView.of(runs(100)).maxRows(8);
        String html = view.toHtml();
        assertTrue(html.contains("… 92 more rows …"), html);
        assertEquals(8 + 1, html.split("<tr>").length - 2, "8 rows and the gap");
        assertTrue(html.contains(">1</td>") && html.contains(">100</td>") && !html.contains(">50</td>"));
        assertTrue(view.toString().contains("… 92 more rows …"));
        assertThrows(IllegalArgumentException.class, () -> view.maxRows(1));
    }

    @Test
    void theKernelHookRendersTablesawTablesOnly() {
        Map<String, Object> bundle = TableView.bundleFor(runs(2));
        assertTrue(((String) bundle.get("text/html")).startsWith("<div class=\"course-table-view\">"));
        assertTrue(((String) bundle.get("text/plain")).startsWith("runs: 2 rows"));
        assertNull(TableView.bundleFor("a string"));
        assertNull(TableView.bundleFor(null));
    }

    @Test
    void historyTablesHaveARunColumnAndMissingValidation() {
        History history = new History("SGD", "accuracy");
        Table table = History.table(history);
        assertEquals("[run, epoch, train loss, validation loss, accuracy, learning rate, seconds]", table.columnNames().toString());
        assertEquals(0, table.rowCount());
        assertThrows(IllegalArgumentException.class, History::table);
        assertThrows(IllegalArgumentException.class, () -> History.table(history, null));
        assertFalse(History.stepsTable(history).columnNames().isEmpty());
    }
}
