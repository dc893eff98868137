package course.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.PiePlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;

/** tablesaw-jsplot figures as the course draws them: offline, titles in plotly.js 3's form, a real PNG. */
class JsplotFigureTest {
    private static Table losses() {
        return Table.create("runs",
                StringColumn.create("run", "SGD", "SGD", "SGD", "Adam", "Adam", "Adam"),
                DoubleColumn.create("epoch", 1, 2, 3, 1, 2, 3),
                DoubleColumn.create("loss", 0.9, 0.5, 0.4, 0.6, 0.3, Double.NaN));
    }

    private static JsonObject json(JsplotFigure figure) {
        return new JsonParser().parse(figure.toJson()).getAsJsonObject();
    }

    @Test
    void aLinePlotByGroupKeepsItsTracesAndNumbersAndGetsTitlesPlotly3Reads() {
        JsplotFigure figure = JsplotFigure.of(LinePlot.create("loss & rate by run", losses(), "epoch", "loss", "run"));
        JsonObject spec = json(figure);
        JsonObject layout = spec.getAsJsonObject("layout");
        assertEquals("loss & rate by run", layout.getAsJsonObject("title").get("text").getAsString());
        assertEquals("epoch", layout.getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
        assertEquals("loss", layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
        JsonArray data = spec.getAsJsonArray("data");
        assertEquals(2, data.size());
        JsonObject adam = data.get(0).getAsJsonObject().get("name").getAsString().contains("Adam")
                ? data.get(0).getAsJsonObject() : data.get(1).getAsJsonObject();
        JsonArray y = adam.getAsJsonArray("y");
        assertEquals(0.6, y.get(0).getAsDouble(), 0, "tablesaw's quoted '0.6' is a number again");
        assertTrue(y.get(2).isJsonNull(), "a missing value is a gap: " + y);
        assertEquals(List.of(), figure.leftOutOfPng());
        assertEquals(2, figure.traceCount());
    }

    @Test
    void itsHtmlNeverLoadsPlotlyFromACdnAndItsPngHasTheCurves() {
        JsplotFigure figure = JsplotFigure.of(LinePlot.create("losses", losses(), "epoch", "loss", "run"));
        Map<String, Object> bundle = figure.mimeBundle();
        String html = (String) bundle.get("text/html");
        assertFalse(html.contains("cdn.plot.ly"), "no CDN");
        assertFalse(html.contains("https://"), "nothing fetched from the network");
        assertTrue(html.contains("course-figure-spec"), "the course's figure div");
        BufferedImage png = figure.toImage();
        assertEquals(figure.width(), png.getWidth());
        assertTrue(figure.width() != 640 && figure.height() != 400, "tablesaw's own size, not the course's default");
        assertTrue(distinctColours(png) > 8, "curves, axes and text were drawn");
    }

    @Test
    void barsAreDrawnAndWhatThePngCannotDrawIsNamed() {
        Table shares = Table.create("shares", StringColumn.create("optimizer", "SGD", "Adam", "RMSprop"),
                DoubleColumn.create("wins", 2, 5, 3));
        JsplotFigure bars = JsplotFigure.of(VerticalBarPlot.create("wins", shares, "optimizer", "wins"));
        assertEquals(List.of(), bars.leftOutOfPng());
        assertTrue(distinctColours(bars.toImage()) > 4);
        Figure pie = PiePlot.create("wins", shares, "optimizer", "wins");
        JsplotFigure shown = JsplotFigure.of(pie);
        assertEquals(1, shown.leftOutOfPng().size());
        assertTrue(shown.leftOutOfPng().get(0).startsWith("pie"), shown.leftOutOfPng().toString());
        assertEquals("pie", json(shown).getAsJsonArray("data").get(0).getAsJsonObject().get("type").getAsString());
        assertTrue(shown.toPng().length > 1000, "a PNG that says what it leaves out");
    }

    @Test
    void theTextFormSaysWhatItHolds() {
        JsplotFigure figure = JsplotFigure.of(LinePlot.create("losses", losses(), "epoch", "loss", "run"));
        assertEquals("tablesaw figure 'losses': 2 traces [scatter, scatter]", figure.toString());
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
