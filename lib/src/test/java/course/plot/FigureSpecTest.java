package course.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import course.optim.Adam;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.Trajectory;
import course.problems.Beale;
import course.problems.Problem;
import course.problems.Rosenbrock;
import course.problems.Saddle;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plotly JSON of every kind of figure, checked in the form current plotly.js (3.x) reads:
 * titles as {@code {text: ...}} objects (plotly.js 3 ignores a plain string, the form tablesaw
 * writes), no {@code titlefont}, traces of the right type on the right axes.
 */
class FigureSpecTest {
    static JsonObject spec(Figure<?> figure) {
        return new JsonParser().parse(figure.displayJson()).getAsJsonObject();
    }

    static List<JsonObject> traces(JsonObject spec) {
        List<JsonObject> traces = new ArrayList<>();
        spec.getAsJsonArray("data").forEach(t -> traces.add(t.getAsJsonObject()));
        return traces;
    }

    static String titleText(JsonObject owner) {
        JsonElement title = owner.get("title");
        assertTrue(title != null && title.isJsonObject(), "title must be an object {text: ...}, got " + title);
        return title.getAsJsonObject().get("text").getAsString();
    }

    /** No title anywhere in the JSON is a bare string, and the pre-2.0 titlefont key is gone. */
    static void assertCurrentTitleForm(JsonElement element) {
        if (element.isJsonObject()) {
            for (var entry : element.getAsJsonObject().entrySet()) {
                assertFalse(entry.getKey().equals("titlefont"), "titlefont is gone from plotly.js");
                if (entry.getKey().equals("title")) {
                    assertTrue(entry.getValue().isJsonObject(), "a bare-string title: " + entry.getValue());
                }
                assertCurrentTitleForm(entry.getValue());
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(FigureSpecTest::assertCurrentTitleForm);
        }
    }

    static Trajectory path(String label, Problem problem, double rate, int steps) {
        return Trajectory.run(label, GradientDescent.textbook().learningRate(rate), problem, problem.startPoint(), steps);
    }

    @Test
    void lineChartHasTracesAxesTitlesAndLogAxis() {
        LineChart chart = LineChart.titled("Loss").labels("step", "loss").logY()
                .series("SGD", new double[]{1, 0.5, 0.25}).series("Adam", new double[]{0, 1, 2}, new double[]{1, 0.1, 0.01}, Color.RED);
        JsonObject spec = spec(chart);
        assertCurrentTitleForm(spec);
        JsonObject layout = spec.getAsJsonObject("layout");
        assertEquals("Loss", titleText(layout));
        assertEquals("step", titleText(layout.getAsJsonObject("xaxis")));
        assertEquals("loss", titleText(layout.getAsJsonObject("yaxis")));
        assertEquals("log", layout.getAsJsonObject("yaxis").get("type").getAsString());
        assertEquals("linear", layout.getAsJsonObject("xaxis").get("type").getAsString());
        assertTrue(layout.get("showlegend").getAsBoolean());
        // Responsive: no fixed width, the figure's height, the title below the modebar (the PNG stays 640 x 400).
        assertFalse(layout.has("width"), "a fixed width: " + layout.get("width"));
        assertTrue(layout.get("autosize").getAsBoolean());
        assertEquals(400, layout.get("height").getAsInt());
        assertTrue(spec.getAsJsonObject("config").get("responsive").getAsBoolean());
        JsonObject title = layout.getAsJsonObject("title");
        assertEquals("container", title.get("yref").getAsString());
        assertEquals(400 - Figure.TITLE_TOP, 400 * title.get("y").getAsDouble(), 1e-9, "title top in pixels from the bottom");
        assertTrue(layout.getAsJsonObject("margin").get("t").getAsInt() >= Figure.TITLE_TOP + 30, "room for the title");
        assertEquals(640, chart.toImage().getWidth());
        List<JsonObject> traces = traces(spec);
        assertEquals(2, traces.size());
        assertEquals("scatter", traces.get(0).get("type").getAsString());
        assertEquals("lines", traces.get(0).get("mode").getAsString());
        assertEquals("SGD", traces.get(0).get("name").getAsString());
        assertEquals(3, traces.get(0).getAsJsonArray("y").size());
        assertEquals(0.25, traces.get(0).getAsJsonArray("y").get(2).getAsDouble());
        assertEquals("#1f77b4", traces.get(0).getAsJsonObject("line").get("color").getAsString());
        assertEquals("#ff0000", traces.get(1).getAsJsonObject("line").get("color").getAsString());
        assertFalse(spec.getAsJsonObject("config").get("displaylogo").getAsBoolean());
    }

    @Test
    void aTopLegendThatWrapsGetsRoomBetweenTitleAndPlot() {
        Problem problem = new Rosenbrock();
        List<Trajectory> few = new ArrayList<>(), many = new ArrayList<>();
        few.add(path("GD", problem, 1e-3, 20));
        for (int i = 0; i < 12; i++) {
            many.add(path("optimizer number " + i + " η=1e-03", problem, 1e-4 * (i + 1), 20));
        }
        int fewTop = spec(ContourPlot.of(problem).trajectories(few.toArray(new Trajectory[0])))
                .getAsJsonObject("layout").getAsJsonObject("margin").get("t").getAsInt();
        int manyTop = spec(ContourPlot.of(problem).trajectories(many.toArray(new Trajectory[0])))
                .getAsJsonObject("layout").getAsJsonObject("margin").get("t").getAsInt();
        assertEquals(100 + Figure.TITLE_DROP, fewTop, "one legend row fits the usual top margin");
        // 12 entries of about 230 px in a 450 px plot area: 6 rows, plus the markers' entries.
        assertTrue(manyTop >= Figure.TITLE_TOP + Figure.TITLE_HEIGHT + 6 * Figure.LEGEND_ROW, "top margin " + manyTop);
    }

    @Test
    void oneSeriesHasNoLegendAndRangesAreLog10OnLogAxes() {
        JsonObject layout = spec(LineChart.titled("t").logX().xRange(1e-3, 1).series("s", new double[]{0.01, 0.1}, new double[]{3, 4}))
                .getAsJsonObject("layout");
        assertFalse(layout.get("showlegend").getAsBoolean());
        JsonArray range = layout.getAsJsonObject("xaxis").getAsJsonArray("range");
        assertEquals(-3, range.get(0).getAsDouble(), 1e-12);
        assertEquals(0, range.get(1).getAsDouble(), 1e-12);
    }

    @Test
    void contourPlotHasContourTraceTrajectoriesAndMarkers() {
        Rosenbrock problem = new Rosenbrock();
        ContourPlot plot = ContourPlot.of(problem).trajectories(path("GD", problem, 0.001, 50),
                Trajectory.run("momentum", Momentum.pytorch().learningRate(0.001).momentum(0.9), problem, problem.startPoint(), 50));
        JsonObject spec = spec(plot);
        assertCurrentTitleForm(spec);
        List<JsonObject> traces = traces(spec);
        JsonObject contour = traces.get(0);
        assertEquals("contour", contour.get("type").getAsString());
        assertEquals(80, contour.getAsJsonArray("x").size());
        assertEquals(80, contour.getAsJsonArray("z").size());
        assertEquals(80, contour.getAsJsonArray("z").get(0).getAsJsonArray().size());
        assertEquals("lines", contour.getAsJsonObject("contours").get("coloring").getAsString());
        assertFalse(contour.get("autocontour").getAsBoolean());
        assertTrue(titleText(contour.getAsJsonObject("colorbar")).startsWith("log"));
        assertEquals("GD", traces.get(1).get("name").getAsString());
        assertEquals(51, traces.get(1).getAsJsonArray("x").size());
        assertEquals("momentum", traces.get(2).get("name").getAsString());
        JsonObject start = traces.get(3), end = traces.get(4), minimum = traces.get(5);
        assertEquals("start", start.get("name").getAsString());
        assertEquals("circle-open", start.getAsJsonObject("marker").get("symbol").getAsString());
        assertEquals(-1.2, start.getAsJsonArray("x").get(0).getAsDouble(), 1e-12);
        assertEquals("end", end.get("name").getAsString());
        assertEquals("star", end.getAsJsonObject("marker").get("symbol").getAsString());
        assertEquals(2, end.getAsJsonArray("x").size());
        assertEquals("minimum", minimum.get("name").getAsString());
        assertEquals(1.0, minimum.getAsJsonArray("x").get(0).getAsDouble());
        // The axes show exactly the problem's box.
        JsonObject layout = spec.getAsJsonObject("layout");
        JsonArray xRange = layout.getAsJsonObject("xaxis").getAsJsonArray("range");
        assertEquals(problem.plotBox().xMin(), xRange.get(0).getAsDouble());
        assertEquals(problem.plotBox().xMax(), xRange.get(1).getAsDouble());
        assertEquals("h", layout.getAsJsonObject("legend").get("orientation").getAsString());
    }

    @Test
    void raceHasFramesPlayPauseAndASliderOverTheSteps() {
        Beale beale = new Beale();
        Trajectory gd = path("GD", beale, 0.001, 120);
        Trajectory adam = Trajectory.run("Adam", Adam.pytorch().learningRate(0.05), beale, beale.startPoint(), 80);
        TrajectoryRace race = TrajectoryRace.of(beale, gd, adam).frames(25);
        JsonObject spec = spec(race);
        assertCurrentTitleForm(spec);
        JsonArray frames = spec.getAsJsonArray("frames");
        assertEquals(25, frames.size());
        JsonObject first = frames.get(0).getAsJsonObject(), last = frames.get(24).getAsJsonObject();
        assertEquals("step 0", first.get("name").getAsString());
        assertEquals("step 120", last.get("name").getAsString());
        // Each frame updates both paths and the stars at their heads (traces 1, 2 and 4).
        assertEquals("[1,2,4]", first.getAsJsonArray("traces").toString());
        assertEquals(1, first.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("x").size());
        // The last frame has every point; Adam stopped at step 80, and its star is where it ended.
        JsonArray lastData = last.getAsJsonArray("data");
        assertEquals(121, lastData.get(0).getAsJsonObject().getAsJsonArray("x").size());
        assertEquals(81, lastData.get(1).getAsJsonObject().getAsJsonArray("x").size());
        assertEquals(adam.last()[0], lastData.get(2).getAsJsonObject().getAsJsonArray("x").get(1).getAsDouble(), 1e-5);
        JsonObject layout = spec.getAsJsonObject("layout");
        JsonArray buttons = layout.getAsJsonArray("updatemenus").get(0).getAsJsonObject().getAsJsonArray("buttons");
        assertEquals(2, buttons.size());
        assertTrue(buttons.get(0).getAsJsonObject().get("label").getAsString().contains("Play"));
        assertTrue(buttons.get(1).getAsJsonObject().get("label").getAsString().contains("Pause"));
        for (JsonElement button : buttons) {
            assertEquals("animate", button.getAsJsonObject().get("method").getAsString());
        }
        assertTrue(buttons.get(0).getAsJsonObject().getAsJsonArray("args").get(0).isJsonNull(), "Play animates all frames");
        JsonObject slider = layout.getAsJsonArray("sliders").get(0).getAsJsonObject();
        assertEquals(25, slider.getAsJsonArray("steps").size());
        assertEquals(24, slider.get("active").getAsInt());
        assertEquals("step 60", slider.getAsJsonArray("steps").get(12).getAsJsonObject().getAsJsonArray("args").get(0)
                .getAsJsonArray().get(0).getAsString());
    }

    @Test
    void raceFramesStayWithinTheirPointBudget() {
        Rosenbrock problem = new Rosenbrock();
        Trajectory[] paths = new Trajectory[5];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = path("GD " + i, problem, 0.0002 * (i + 1), 2000);
        }
        TrajectoryRace race = TrajectoryRace.of(problem, paths).frames(60);
        JsonArray frames = spec(race).getAsJsonArray("frames");
        int points = 0;
        for (int f = 0; f < frames.size() - 1; f++) {
            JsonArray data = frames.get(f).getAsJsonObject().getAsJsonArray("data");
            for (int i = 0; i < paths.length; i++) {
                points += data.get(i).getAsJsonObject().getAsJsonArray("x").size();
            }
        }
        assertTrue(points <= TrajectoryRace.FRAME_POINT_BUDGET + 2 * 60 * paths.length, "frames hold " + points + " points");
        assertTrue(race.displayJson().length() < 400_000, "race JSON is " + race.displayJson().length() + " characters");
    }

    @Test
    void surfaceHasSceneAxisTitlesAndPathOnTheSurface() {
        Saddle saddle = new Saddle();
        SurfacePlot plot = SurfacePlot.of(saddle).trajectory(path("GD", saddle, 0.05, 10)).view(-60, 30);
        JsonObject spec = spec(plot);
        assertCurrentTitleForm(spec);
        List<JsonObject> traces = traces(spec);
        assertEquals("surface", traces.get(0).get("type").getAsString());
        assertEquals(40, traces.get(0).getAsJsonArray("z").size());
        JsonObject path = traces.get(1);
        assertEquals("scatter3d", path.get("type").getAsString());
        // z of the start point: f(1.5, 0.01) = 2.2499 lifted by 1 % of the range [-4, 4].
        assertEquals(1.5 * 1.5 - 0.01 * 0.01 + 0.08, path.getAsJsonArray("z").get(0).getAsDouble(), 1e-4);
        JsonObject scene = spec.getAsJsonObject("layout").getAsJsonObject("scene");
        assertEquals("x", titleText(scene.getAsJsonObject("xaxis")));
        assertEquals("f", titleText(scene.getAsJsonObject("zaxis")));
        JsonObject eye = scene.getAsJsonObject("camera").getAsJsonObject("eye");
        assertTrue(eye.get("y").getAsDouble() < 0 && eye.get("x").getAsDouble() > 0, "viewer at azimuth -60°: " + eye);
    }

    @Test
    void barChartGroupsBars() {
        BarChart chart = BarChart.titled("final loss").labels("optimizer", "loss")
                .bars("lr 0.1", new String[]{"SGD", "Adam"}, new double[]{0.3, 0.1})
                .bars("lr 0.01", new String[]{"SGD", "Adam"}, new double[]{0.5, 0.2});
        JsonObject spec = spec(chart);
        assertCurrentTitleForm(spec);
        List<JsonObject> traces = traces(spec);
        assertEquals(2, traces.size());
        assertEquals("bar", traces.get(0).get("type").getAsString());
        assertEquals("[\"SGD\",\"Adam\"]", traces.get(0).getAsJsonArray("x").toString());
        assertEquals("group", spec.getAsJsonObject("layout").get("barmode").getAsString());
        assertEquals("category", spec.getAsJsonObject("layout").getAsJsonObject("xaxis").get("type").getAsString());
    }

    @Test
    void smallMultiplesPutEachPanelOnItsOwnAxesWithOneLegendEntryPerName() {
        Rosenbrock problem = new Rosenbrock();
        LineChart a = LineChart.titled("a").series("GD", new double[]{3, 2, 1}).series("Adam", new double[]{3, 1, 0.5});
        LineChart b = LineChart.titled("b").logY().series("Adam", new double[]{2, 1}).series("GD", new double[]{4, 3});
        ContourPlot c = ContourPlot.of(problem).trajectory(path("GD", problem, 0.001, 5));
        SmallMultiples grid = SmallMultiples.of("grid", 2, a, b, c);
        JsonObject spec = spec(grid);
        assertCurrentTitleForm(spec);
        JsonObject layout = spec.getAsJsonObject("layout");
        assertEquals("y2", layout.getAsJsonObject("xaxis2").get("anchor").getAsString());
        assertEquals("x3", layout.getAsJsonObject("yaxis3").get("anchor").getAsString());
        assertEquals("log", layout.getAsJsonObject("yaxis2").get("type").getAsString());
        List<JsonObject> traces = traces(spec);
        int gdListed = 0;
        String gdColor = null;
        for (JsonObject trace : traces) {
            if (trace.has("name") && trace.get("name").getAsString().equals("GD") && !trace.get("type").getAsString().equals("contour")) {
                gdListed += trace.get("showlegend").getAsBoolean() ? 1 : 0;
                String color = trace.getAsJsonObject("line").get("color").getAsString();
                if (gdColor == null) {
                    gdColor = color;
                }
                assertEquals(gdColor, color, "GD has one colour in every subplot");
            }
        }
        assertEquals(1, gdListed, "GD is listed once in the shared legend");
        JsonObject contour = traces.stream().filter(t -> t.get("type").getAsString().equals("contour")).findFirst().orElseThrow();
        assertEquals("x3", contour.get("xaxis").getAsString());
        assertFalse(contour.get("showscale").getAsBoolean(), "no colour bar inside a grid");
        assertEquals(3, layout.getAsJsonArray("annotations").size(), "one title per subplot");
        assertThrows(IllegalArgumentException.class, () -> SmallMultiples.of("g", 2, SurfacePlot.of(new Saddle())));
    }

    @Test
    void displayThinsLongSeriesButTheSavedJsonKeepsEveryPoint() {
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 100.0) + (i == 5_000 ? 5 : 0);
        }
        LineChart chart = LineChart.titled("long").series("s", y);
        JsonArray shown = traces(spec(chart)).get(0).getAsJsonArray("y");
        assertEquals(1000, shown.size());
        boolean spikeKept = false;
        for (JsonElement v : shown) {
            spikeKept |= v.getAsDouble() > 4;
        }
        assertTrue(spikeKept, "the spike at step 5000 survives thinning");
        JsonObject full = new JsonParser().parse(chart.toJson()).getAsJsonObject();
        JsonArray all = full.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("y");
        assertEquals(10_000, all.size());
        assertEquals(y[1234], all.get(1234).getAsDouble(), 0.0, "the saved JSON keeps every digit");
    }

    @Test
    void emptyFiguresAreErrorsNotBlankImages() {
        assertThrows(IllegalStateException.class, () -> LineChart.titled("e").mimeBundle());
        assertThrows(IllegalStateException.class, () -> BarChart.titled("e").toPng());
        assertThrows(IllegalStateException.class, () -> SmallMultiples.of("e", 2).displayJson());
        assertThrows(IllegalStateException.class, () -> TrajectoryRace.of(new Beale()).toHtml());
        assertThrows(IllegalArgumentException.class, () -> ContourPlot.of("nan", (x, y) -> Double.NaN,
                new Rosenbrock().plotBox()).toPng());
    }
}
