package course.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.Plot;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/** In the kernel (a stand-in frontend here), tablesaw's Plot.show draws inline and writes nothing. */
class JsplotInKernelTest {
    private final List<Map<String, Object>> shown = new ArrayList<>();

    private final Frontend frontend = new Frontend() {
        @Override
        public boolean isExecuting() {
            return true;
        }

        @Override
        public String publishDisplay(Map<String, Object> bundle) {
            shown.add(bundle);
            return "id-" + shown.size();
        }

        @Override
        public void publishUpdate(String displayId, Map<String, Object> bundle) {
        }

        @Override
        public void publishClearOutput(boolean wait) {
        }

        @Override
        public void addPagePayload(Map<String, Object> bundle) {
        }
    };

    @AfterEach
    void detach() {
        Notebook.attach(null);
    }

    @Test
    void plotShowDrawsTheFigureInlineAsTheCoursesFiguresAndWritesNoFile() {
        Path output = Path.of(System.getProperty("user.dir"), "testoutput");
        boolean existedBefore = Files.exists(output);
        Notebook.attach(frontend);
        Figure figure = LinePlot.create("losses", "step", new double[] {1, 2, 3}, "loss", new double[] {3, 2, 1.5});
        Plot.show(figure);
        Plot.show(figure, "target");
        assertEquals(2, shown.size());
        Map<String, Object> bundle = shown.get(0);
        assertTrue(bundle.keySet().containsAll(List.of("text/html", "image/png", "application/vnd.plotly.v1+json")),
                bundle.keySet().toString());
        assertFalse(((String) bundle.get("text/html")).contains("cdn.plot.ly"));
        assertEquals("tablesaw figure 'losses': 1 trace [scatter]", bundle.get("text/plain"));
        assertEquals(existedBefore, Files.exists(output), "nothing written to the working folder");
    }

    @Test
    void aFigureAsACellsValueOrThroughDisplayRendersTheSameWay() {
        Figure figure = LinePlot.create("losses", "step", new double[] {1, 2}, "loss", new double[] {3, 2});
        assertEquals(java.util.Optional.of(Figure.class), Renderers.typeFor(Figure.class));
        Map<String, Object> bundle = Notebook.render(figure).mimeBundle();
        assertTrue(((String) bundle.get("application/vnd.plotly.v1+json")).contains("\"title\":{\"text\":\"losses\""),
                bundle.get("application/vnd.plotly.v1+json").toString());
    }
}
