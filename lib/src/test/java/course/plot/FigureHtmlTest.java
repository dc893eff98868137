package course.plot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The display bundle and the HTML: plotly.js from lib's resources, once per kernel, never a CDN. */
class FigureHtmlTest {
    private static final String EMBED = "id=\"" + PlotlyJs.SCRIPT_ID + "\"";

    static LineChart chart(String title) {
        return LineChart.titled(title).series("s", new double[]{1, 2, 3});
    }

    static int divId(String html) {
        Matcher m = Pattern.compile("<div class=\"course-figure\" id=\"course-fig-(\\d+)\"").matcher(html);
        assertTrue(m.find(), "no figure div in " + html.substring(0, Math.min(300, html.length())));
        return Integer.parseInt(m.group(1));
    }

    @Test
    void bundleHasTheFourTypesAndPlainTextIsOneLine() {
        Map<String, Object> bundle = chart("four").mimeBundle();
        assertEquals(java.util.Set.of("text/plain", "text/html", "image/png", "application/vnd.plotly.v1+json"), bundle.keySet());
        assertEquals("LineChart 'four': 1 series, 3 points", bundle.get("text/plain"));
        JsonObject plotly = new JsonParser().parse((String) bundle.get("application/vnd.plotly.v1+json")).getAsJsonObject();
        assertTrue(plotly.has("data") && plotly.has("layout") && plotly.has("config"));
    }

    @Test
    void plotlyJsIsEmbeddedOnceThenOnlyUsedAndAgainOnRequest() {
        Figure.embedPlotlyAgain();
        String first = chart("first").toHtml();
        String second = chart("second").toHtml();
        String third = (String) chart("third").mimeBundle().get("text/html");
        assertTrue(first.contains(EMBED), "the first figure carries plotly.js");
        assertFalse(second.contains(EMBED), "later figures do not");
        assertFalse(third.contains(EMBED));
        assertTrue(first.length() > 1_000_000 && second.length() < 100_000, first.length() + " and " + second.length());
        Figure.embedPlotlyAgain();
        assertTrue(chart("after a cleared output").toHtml().contains(EMBED));
    }

    @Test
    void divIdsAreNumberedInRenderOrder() {
        int a = divId(chart("a").toHtml()), b = divId(chart("b").toHtml());
        assertEquals(a + 1, b);
        String html = chart("c").toHtml();
        int c = divId(html);
        assertTrue(html.contains("})('course-fig-" + c + "');"), "the loader names its own div");
    }

    @Test
    void htmlUsesNoCdnNoRequireJsAndKeepsThePngInsideTheDiv() {
        Figure.embedPlotlyAgain();
        String html = chart("offline").toHtml();
        for (String banned : new String[]{"cdn.plot.ly", "https://", "http://", "require(", "requirejs", "define("}) {
            assertFalse(html.contains(banned), "the figure's HTML contains " + banned);
        }
        int div = html.indexOf("<div class=\"course-figure\""), img = html.indexOf("<img src=\"data:image/png;base64,");
        int spec = html.indexOf("<script type=\"application/json\" class=\"course-figure-spec\">");
        int end = html.indexOf("</div>");
        assertTrue(div >= 0 && div < img && img < spec && spec < end, "div > img, spec");
        assertTrue(html.indexOf("<script>") > end, "the loader is a plain script after the div");
    }

    @Test
    void bundledPlotlyIsTheWebJarsLibrary() throws IOException {
        assertEquals("3.3.1", PlotlyJs.version());
        byte[] gz = PlotlyJs.gzipped();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(js.startsWith("/**\n* plotly.js v3.3.1"), js.substring(0, 40));
            assertTrue(js.contains("window.Plotly = Plotly"), "it defines window.Plotly without a module loader");
            assertTrue(js.length() > 5_000_000, "the full bundle (surface and contour traces included)");
        }
    }

    @Test
    void savedFilesAreCompleteAndOffline(@TempDir Path dir) throws IOException {
        LineChart chart = chart("saved");
        Path html = chart.saveHtml(dir.resolve("sub/chart.html"));
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains(EMBED), "a saved page always carries plotly.js");
        assertFalse(page.contains("https://"), "nothing is fetched");
        assertEquals(chart.toJson(), Files.readString(chart.saveJson(dir.resolve("chart.json"))));
        byte[] png = Files.readAllBytes(chart.savePng(dir.resolve("chart.png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
