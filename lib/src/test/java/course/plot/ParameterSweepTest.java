package course.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.Trajectory;
import course.problems.Quadratic;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slider figure: its plotly sliders, the traces each step touches, the PNG, offline HTML and its size. */
class ParameterSweepTest {
    static final Quadratic BOWL = Quadratic.of(new double[][]{{2, 0}, {0, 8}});
    static final double[] RATES = {0.02, 0.1, 0.2, 0.24, 0.26};

    static Trajectory gd(double rate, int steps) {
        return Trajectory.run("η = " + rate, GradientDescent.textbook().learningRate(rate), BOWL, new double[]{2, 1.5}, steps);
    }

    static ParameterSweep oneSlider() {
        return ParameterSweep.of("GD on the bowl", BOWL, "η", RATES, r -> gd(r, 30))
                .readout("factor", r -> Math.max(Math.abs(1 - 2 * r), Math.abs(1 - 8 * r)))
                .valueLabels("too small", "slow", "best", "zig-zags", "diverges")
                .pictured(0.2);
    }

    static ParameterSweep twoSliders() {
        double[] betas = {0, 0.5, 0.9}, rates = {0.05, 0.1, 0.2, 0.3};
        return ParameterSweep.of("momentum on the bowl", BOWL, "β", betas, "η", rates,
                        (b, r) -> Trajectory.run("η = " + r, Momentum.textbook().learningRate(r).momentum(b), BOWL,
                                new double[]{2, 1.5}, 40))
                .readout("ηλmax", (b, r) -> 8 * r)
                .pictured(0.5, 0.2);
    }

    static JsonObject spec(Figure<?> figure) {
        return new JsonParser().parse(figure.displayJson()).getAsJsonObject();
    }

    static double[] numbers(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    /** The shown paths and costs keep four significant digits. */
    static void assertShown(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 5e-4 * Math.abs(expected[k]) + 1e-300, what + " at " + k);
        }
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    @Test
    void oneSliderHasAStepPerValueThatRewritesThePathItsEndsTheCostCurveAndTheTitle() {
        JsonObject spec = spec(oneSlider());
        FigureSpecTest.assertCurrentTitleForm(spec);
        JsonArray data = spec.getAsJsonArray("data");
        JsonObject layout = spec.getAsJsonObject("layout");
        assertEquals("contour", data.get(0).getAsJsonObject().get("type").getAsString());
        JsonArray sliders = layout.getAsJsonArray("sliders");
        assertEquals(1, sliders.size(), "one slider");
        JsonObject slider = sliders.get(0).getAsJsonObject();
        assertEquals(2, slider.get("active").getAsInt(), "starts at the pictured η = 0.2");
        JsonArray steps = slider.getAsJsonArray("steps");
        assertEquals(RATES.length, steps.size(), "one step per value");
        assertEquals("η = 0.2 (best) · factor = 0.6", FigureSpecTest.titleText(layout).replace("GD on the bowl · ", ""));
        for (int i = 0; i < RATES.length; i++) {
            JsonObject step = steps.get(i).getAsJsonObject();
            assertEquals("update", step.get("method").getAsString());
            JsonArray args = step.getAsJsonArray("args");
            int[] touched = ints(args.get(2).getAsJsonArray());
            assertArrayEquals(new int[]{1, 2, 3, data.size() - 1}, touched, "path, start, end and cost curve");
            JsonObject restyle = args.get(0).getAsJsonObject();
            Trajectory run = gd(RATES[i], 30);
            // Every step's data is the run at its value: the path, its start and end, and its cost curve.
            JsonArray x = restyle.getAsJsonArray("x"), y = restyle.getAsJsonArray("y");
            assertShown(run.coordinate(0), numbers(x.get(0)), "path x at η = " + RATES[i]);
            assertShown(run.coordinate(1), numbers(y.get(0)), "path y");
            assertShown(run.point(0), new double[]{numbers(x.get(1))[0], numbers(y.get(1))[0]}, "start");
            assertShown(run.last(), new double[]{numbers(x.get(2))[0], numbers(y.get(2))[0]}, "end");
            assertShown(run.values(), numbers(y.get(3)), "cost curve");
            String title = args.get(1).getAsJsonObject().get("title.text").getAsString();
            assertTrue(title.contains("η = " + ParameterSweep.number(RATES[i])), title);
            assertTrue(title.contains("factor = " + ParameterSweep.readoutNumber(Math.max(Math.abs(1 - 2 * RATES[i]),
                    Math.abs(1 - 8 * RATES[i])))), title);
            assertTrue(step.get("label").getAsString().startsWith(ParameterSweep.number(RATES[i])));
        }
        // The traces the steps touch are the right ones: the path and markers on the contours, the cost on the second axes.
        assertEquals("x", data.get(1).getAsJsonObject().get("xaxis").getAsString());
        assertEquals("circle-open", data.get(2).getAsJsonObject().getAsJsonObject("marker").get("symbol").getAsString());
        assertEquals("star", data.get(3).getAsJsonObject().getAsJsonObject("marker").get("symbol").getAsString());
        assertEquals("x2", data.get(data.size() - 1).getAsJsonObject().get("xaxis").getAsString());
        assertEquals("log", layout.getAsJsonObject("yaxis2").get("type").getAsString(), "the cost on a log axis");
        assertShown(gd(0.2, 30).coordinate(0), numbers(data.get(1).getAsJsonObject().get("x")),
                "the figure opens on the pictured run");
        assertFalse(spec.has("frames"), "no frames: the slider restyles");
    }

    @Test
    void twoSlidersComposeTheFirstSetsTheDataTheSecondShowsOneValue() {
        ParameterSweep sweep = twoSliders();
        JsonObject spec = spec(sweep);
        JsonArray data = spec.getAsJsonArray("data");
        JsonArray sliders = spec.getAsJsonObject("layout").getAsJsonArray("sliders");
        assertEquals(2, sliders.size());
        JsonArray outer = sliders.get(0).getAsJsonObject().getAsJsonArray("steps");
        JsonArray inner = sliders.get(1).getAsJsonObject().getAsJsonArray("steps");
        assertEquals(3, outer.size(), "one step per β");
        assertEquals(4, inner.size(), "one step per η");
        assertEquals(1, sliders.get(0).getAsJsonObject().get("active").getAsInt());
        assertEquals(2, sliders.get(1).getAsJsonObject().get("active").getAsInt());
        int[] touched = ints(outer.get(0).getAsJsonObject().getAsJsonArray("args").get(2).getAsJsonArray());
        assertEquals(4 * 4 + 4, touched.length, "4 traces for each of the 4 values of η, and their 4 readout lines");
        for (int j = 0; j < 4; j++) {
            JsonObject step = inner.get(j).getAsJsonObject();
            assertEquals("restyle", step.get("method").getAsString());
            JsonArray args = step.getAsJsonArray("args");
            assertArrayEquals(touched, ints(args.get(1).getAsJsonArray()), "the same traces as the first slider");
            JsonArray visible = args.get(0).getAsJsonObject().getAsJsonArray("visible");
            for (int t = 0; t < touched.length; t++) {
                int value = t < 16 ? t / 4 : t - 16;
                assertEquals(value == j, visible.get(t).getAsBoolean(), "step " + j + " shows only its value's traces: " + t);
            }
        }
        for (int i = 0; i < 3; i++) {
            JsonObject restyle = outer.get(i).getAsJsonObject().getAsJsonArray("args").get(0).getAsJsonObject();
            assertEquals(20, restyle.getAsJsonArray("x").size());
            double beta = new double[]{0, 0.5, 0.9}[i];
            Trajectory run = Trajectory.run("", Momentum.textbook().learningRate(0.3).momentum(beta), BOWL, new double[]{2, 1.5}, 40);
            assertShown(run.coordinate(0), numbers(restyle.getAsJsonArray("x").get(12)), "β = " + beta + ", η = 0.3");
            assertShown(run.values(), numbers(restyle.getAsJsonArray("y").get(15)), "its cost curve");
            assertEquals("η = 0.3: ηλmax = 2.4", restyle.getAsJsonArray("text").get(19).getAsJsonArray().get(0).getAsString(),
                    "the readout line of η = 0.3");
            assertTrue(restyle.getAsJsonArray("text").get(12).isJsonNull(), "paths carry no text");
            String title = outer.get(i).getAsJsonObject().getAsJsonArray("args").get(1).getAsJsonObject().get("title.text").getAsString();
            assertEquals("momentum on the bowl · β = " + ParameterSweep.number(beta), title);
        }
        for (int t = 0; t < touched.length; t++) {
            int value = t < 16 ? t / 4 : t - 16;
            assertEquals(value == 2, data.get(touched[t]).getAsJsonObject().get("visible").getAsBoolean(), "trace " + touched[t]);
        }
        assertEquals("text", data.get(touched[touched.length - 1]).getAsJsonObject().get("mode").getAsString());
        assertThrows(IllegalArgumentException.class, () -> sweep.readout("one value", r -> r));
        assertThrows(IllegalArgumentException.class, () -> sweep.pictured(0.5));
        assertEquals("ParameterSweep 'momentum on the bowl': 12 runs over β (3 values) × η (4 values), pictured β = 0.5, η = 0.2",
                sweep.toString());
    }

    @Test
    void comparingDrawsSeveralRunsAtEachValueInOneColourPerMethod() {
        ParameterSweep sweep = ParameterSweep.comparing("momentum against Nesterov", BOWL, "η", new double[]{0.05, 0.1, 0.2},
                r -> List.of(Trajectory.run("momentum", Momentum.textbook().learningRate(r).momentum(0.9), BOWL, new double[]{2, 1.5}, 50),
                        Trajectory.run("Nesterov", course.optim.Nesterov.textbook().learningRate(r).momentum(0.9), BOWL,
                                new double[]{2, 1.5}, 50)));
        assertEquals(6, sweep.runCount());
        JsonObject spec = spec(sweep);
        JsonArray data = spec.getAsJsonArray("data");
        JsonObject first = data.get(1).getAsJsonObject(), second = data.get(2).getAsJsonObject();
        assertEquals("momentum", first.get("name").getAsString());
        assertEquals("Nesterov", second.get("name").getAsString());
        assertNotEquals(first.getAsJsonObject("line").get("color"), second.getAsJsonObject("line").get("color"));
        JsonArray steps = spec.getAsJsonObject("layout").getAsJsonArray("sliders").get(0).getAsJsonObject().getAsJsonArray("steps");
        JsonArray touched = steps.get(0).getAsJsonObject().getAsJsonArray("args").get(2).getAsJsonArray();
        assertEquals(8, touched.size(), "path, start, end and cost of both runs");
        Trajectory nesterov = Trajectory.run("", course.optim.Nesterov.textbook().learningRate(0.05).momentum(0.9), BOWL,
                new double[]{2, 1.5}, 50);
        assertShown(nesterov.coordinate(1), numbers(steps.get(0).getAsJsonObject().getAsJsonArray("args").get(0)
                .getAsJsonObject().getAsJsonArray("y").get(4)), "Nesterov's path at η = 0.05");
        assertMessage("has 1 runs, value 0 has 2", () -> ParameterSweep.comparing("t", BOWL, "η", new double[]{0.1, 0.2},
                r -> r < 0.15 ? List.of(gd(r, 5), gd(r, 5)) : List.of(gd(r, 5))));
    }

    @Test
    void thePngShowsThePicturedRunAndSaysWhich() throws IOException {
        ParameterSweep sweep = oneSlider();
        BufferedImage image = FigurePngTest.decode(sweep.toPng());
        assertEquals(920, image.getWidth());
        assertEquals(600, image.getHeight());
        int pathColour = FigurePngTest.countAll(image, FigurePngTest.near(Palette.series(0), 30));
        assertTrue(pathColour > 200, "the path and the cost curve in the first palette colour: " + pathColour + " pixels");
        assertEquals("this picture shows η = 0.2; the notebook's slider moves through all 5 runs", sweep.caption());
        int captionInk = FigurePngTest.count(image, 0, 580, 920, 600, rgb -> (rgb & 0xff) < 160);
        assertTrue(captionInk > 100, "the caption is drawn: " + captionInk);
        assertFalse(Arrays.equals(sweep.toPng(), oneSlider().pictured(0.26).toPng()), "another value, another picture");
        assertArrayEquals(sweep.toPng(), oneSlider().toPng(), "reproducible");
        assertEquals("this picture shows β = 0.5, η = 0.2; the notebook's sliders move through all 12 runs",
                twoSliders().caption());
    }

    @Test
    void theHtmlWorksOfflineAndTheSavedPageKeepsEveryPoint(@TempDir Path dir) throws IOException {
        Figure.embedPlotlyAgain();
        String html = oneSlider().toHtml();
        for (String banned : new String[]{"cdn.plot.ly", "https://", "http://", "require("}) {
            assertFalse(html.contains(banned), "the figure's HTML contains " + banned);
        }
        assertTrue(html.contains("id=\"" + PlotlyJs.SCRIPT_ID + "\""), "the first figure carries plotly.js");
        assertTrue(html.contains("\"sliders\""));
        String page = Files.readString(oneSlider().saveHtml(dir.resolve("sweep.html")));
        assertTrue(page.contains("id=\"" + PlotlyJs.SCRIPT_ID + "\"") && !page.contains("https://"));
        Trajectory longRun = gd(0.01, 3000);
        ParameterSweep sweep = ParameterSweep.of("long", BOWL, "η", new double[]{0.01}, List.of(longRun));
        JsonObject full = new JsonParser().parse(sweep.toJson()).getAsJsonObject();
        JsonObject shown = spec(sweep);
        assertEquals(3001, full.getAsJsonArray("data").get(1).getAsJsonObject().getAsJsonArray("x").size(), "saved: every point");
        assertTrue(shown.getAsJsonArray("data").get(1).getAsJsonObject().getAsJsonArray("x").size() <= ContourPlot.SHOWN_PATH_POINTS + 1);
    }

    @Test
    void thePayloadStaysBoundedHoweverManyAndLongTheRunsAre() {
        double[] betas = {0, 0.3, 0.5, 0.7, 0.8, 0.9}, rates = {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4};
        ParameterSweep sweep = ParameterSweep.of("48 runs of 1000 steps", BOWL, "β", betas, "η", rates,
                (b, r) -> Trajectory.run("η = " + r, Momentum.textbook().learningRate(r).momentum(b), BOWL,
                        new double[]{2, 1.5}, 1000));
        assertEquals(ParameterSweep.POINT_BUDGET / 48, sweep.pointsPerRun());
        int json = sweep.displayJson().length();
        int html = ((String) sweep.mimeBundle().get("text/html")).length();
        assertTrue(json < 450_000, "the plotly JSON is " + json + " bytes");
        assertTrue(html < 550_000, "the HTML is " + html + " bytes");
        assertTrue(sweep.toJson().length() > 4 * json, "the saved JSON keeps every point");
        JsonObject step = spec(sweep).getAsJsonObject("layout").getAsJsonArray("sliders").get(0).getAsJsonObject()
                .getAsJsonArray("steps").get(0).getAsJsonObject();
        for (JsonElement path : step.getAsJsonArray("args").get(0).getAsJsonObject().getAsJsonArray("x")) {
            assertTrue(path.getAsJsonArray().size() <= sweep.pointsPerRun() + 1, "a thinned path: " + path.getAsJsonArray().size());
        }
        int small = oneSlider().displayJson().length();
        assertTrue(small < 120_000, "five runs of 30 steps: " + small + " bytes");
    }

    @Test
    void badInputIsRefusedWithWhatToDo() {
        List<Trajectory> two = List.of(gd(0.1, 5), gd(0.2, 5));
        assertMessage("has 3 values but 2 runs", () -> ParameterSweep.of("t", BOWL, "η", new double[]{0.1, 0.2, 0.3}, two));
        assertMessage("has no values", () -> ParameterSweep.of("t", BOWL, "η", new double[0], r -> gd(r, 5)));
        assertMessage("is NaN", () -> ParameterSweep.of("t", BOWL, "η", new double[]{0.1, Double.NaN}, r -> gd(0.1, 5)));
        assertMessage("twice", () -> ParameterSweep.of("t", BOWL, "η", new double[]{0.1, 0.1}, r -> gd(r, 5)));
        assertMessage("name of its parameter", () -> ParameterSweep.of("t", BOWL, " ", new double[]{0.1}, r -> gd(r, 5)));
        Trajectory noCost = Trajectory.of("no cost", new double[][]{{1, 1}, {0, 0}}, null);
        assertMessage("has the cost NaN at step 0", () -> ParameterSweep.of("t", BOWL, "η", new double[]{0.1}, List.of(noCost)));
        assertMessage("row 1 of the runs (β = 0.5) has 1 runs, but η has 2 values", () -> ParameterSweep.of("t", BOWL, "β",
                new double[]{0, 0.5}, "η", new double[]{0.1, 0.2}, new Trajectory[][]{{gd(0.1, 5), gd(0.2, 5)}, {gd(0.1, 5)}}));
        ParameterSweep sweep = oneSlider();
        assertMessage("5 values but 2 labels", () -> sweep.valueLabels("a", "b"));
        assertMessage("0.3 is not a value of the slider over η", () -> sweep.pictured(0.3));
        assertMessage("as a function of η alone", () -> sweep.readout("r", (a, b) -> a));
        assertMessage("levels must be in 2..200", () -> sweep.levels(1));
        assertMessage("two variables", () -> ParameterSweep.of("t", Quadratic.of(new double[][]{{1}}), "η",
                new double[]{0.1}, r -> gd(r, 5)));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void shownNumbersKeepFourDigitsAndWholeNumbers() {
        assertArrayEquals(new double[]{0.1235, -2.5e-7, 1235, 0, 12345, 7.778e-5},
                ParameterSweep.rounded(new double[]{0.123456, -2.50049e-7, 1234.6, 0, 12345, 7.77777e-5}), 1e-15);
        JsonObject full = new JsonParser().parse(oneSlider().toJson()).getAsJsonObject();
        assertArrayEquals(gd(0.2, 30).coordinate(0), numbers(full.getAsJsonArray("data").get(1).getAsJsonObject().get("x")),
                "a saved figure keeps every digit");
    }

    @Test
    void numbersAreShortOnTheSlider() {
        assertEquals("0.2", ParameterSweep.number(0.2));
        assertEquals("0.0025", ParameterSweep.number(0.0025));
        assertEquals("1e-04", ParameterSweep.number(1e-4));
        assertEquals("0.3333", ParameterSweep.number(1 / 3.0));
        assertEquals("31", ParameterSweep.readoutNumber(31));
        assertEquals("∞", ParameterSweep.readoutNumber(Double.POSITIVE_INFINITY));
        assertNotEquals(ParameterSweep.number(0.24), ParameterSweep.number(0.26));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < RATES.length; i++) {
            labels.add(oneSlider().valueText(i));
        }
        assertEquals(List.of("0.02 (too small)", "0.1 (slow)", "0.2 (best)", "0.24 (zig-zags)", "0.26 (diverges)"), labels);
    }
}
