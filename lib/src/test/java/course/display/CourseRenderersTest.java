package course.display;

import course.kernel.Notebook;
import course.kernel.Renderers;
import course.plot.Figure;
import course.plot.LineChart;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lib's figures and tables reach the kernel's registry through ServiceLoader (META-INF/services). */
class CourseRenderersTest {
    @Test
    void figuresAndTablesAreRegistered() {
        assertEquals(Optional.of(Figure.class), Renderers.typeFor(LineChart.class));
        assertEquals(Optional.of(tech.tablesaw.api.Table.class), Renderers.typeFor(tech.tablesaw.api.Table.class));
        assertEquals(Optional.of(Table.class), Renderers.typeFor(Table.class));
    }

    @Test
    void aTablesawTableRendersAsTheCoursesCompactTable() {
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("losses", DoubleColumn.create("loss", 0.5, 1.0 / 3));
        Map<String, Object> bundle = Notebook.render(table).mimeBundle();
        assertTrue(((String) bundle.get("text/html")).contains("<td style=\"text-align:right\">0.333333</td>"), bundle.toString());
        assertTrue(((String) bundle.get("text/plain")).startsWith("losses: 2 rows × 1 columns"));
    }

    @Test
    void aFigureRendersAsHtmlPngAndPlotlyJson() {
        LineChart chart = LineChart.titled("f").series("s", new double[]{3, 1});
        assertEquals(java.util.Set.of("text/plain", "text/html", "image/png", "application/vnd.plotly.v1+json"),
                Notebook.render(chart).mimeBundle().keySet());
    }
}
