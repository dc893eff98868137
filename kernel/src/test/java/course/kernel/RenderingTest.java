package course.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import course.display.Table;
import course.plot.LineChart;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {
    /** An object that offers its own bundle, the way lib's classes do. */
    public static final class Offers {
        private final Map<String, Object> bundle;

        Offers(Map<String, Object> bundle) {
            this.bundle = bundle;
        }

        public Map<String, Object> mimeBundle() {
            return bundle;
        }

        @Override
        public String toString() {
            return "Offers!";
        }
    }

    public static final class NotAMap {
        public String mimeBundle() {
            return "<b>not a map</b>";
        }

        @Override
        public String toString() {
            return "NotAMap";
        }
    }

    public static final class Broken {
        public Map<String, Object> mimeBundle() {
            throw new UnsupportedOperationException("cannot draw");
        }
    }

    private static Map<String, Object> offers(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void nullIsTheTextNull() {
        assertEquals(Map.of("text/plain", "null"), Rendering.bundle(null));
        assertEquals("null", Rendering.plainText(null));
    }

    @Test
    void plainObjectsUseToString() {
        assertEquals(Map.of("text/plain", "42"), Rendering.bundle(42));
        assertEquals(Map.of("text/plain", "hello"), Rendering.bundle("hello"));
        assertEquals(Map.of("text/plain", "[1, 2]"), Rendering.bundle(List.of(1, 2)));
    }

    @Test
    void arraysShowTheirContents() {
        assertEquals("[1.0, 2.0]", Rendering.bundle(new double[]{1.0, 2.0}).get("text/plain"));
        assertEquals("[1, 2, 3]", Rendering.plainText(new int[]{1, 2, 3}));
        assertEquals("[[1, 2], [3]]", Rendering.plainText(new int[][]{{1, 2}, {3}}));
        assertEquals("[a, null]", Rendering.plainText(new String[]{"a", null}));
        assertEquals("[]", Rendering.plainText(new double[0]));
    }

    @Test
    void offeredBundleIsUsedAndTextPlainAdded() {
        Map<String, Object> bundle = Rendering.bundle(new Offers(offers("text/html", "<b>x</b>")));
        assertEquals("<b>x</b>", bundle.get("text/html"));
        assertEquals("Offers!", bundle.get("text/plain"));
        assertEquals(Set.of("text/html", "text/plain"), bundle.keySet());
    }

    @Test
    void offeredTextPlainWins() {
        Map<String, Object> bundle = Rendering.bundle(new Offers(offers("text/plain", "own text", "text/markdown", "*x*")));
        assertEquals("own text", bundle.get("text/plain"));
        assertEquals("*x*", bundle.get("text/markdown"));
    }

    @Test
    void libraryObjectsOfferTheirBundles() {
        Table table = Table.of("a", "b").row("x", 1.5);
        Map<String, Object> bundle = Rendering.bundle(table);
        assertEquals(table.toHtml(), bundle.get("text/html"));
        assertEquals(table.toString(), bundle.get("text/plain"));

        LineChart chart = LineChart.titled("c").size(200, 150).series("s", new double[]{1, 2}, new double[]{3, 1}, Color.RED);
        Map<String, Object> chartBundle = Rendering.bundle(chart);
        assertInstanceOf(String.class, chartBundle.get("image/png"));
        assertEquals(chart.toString(), chartBundle.get("text/plain"));
    }

    @Test
    void figuresSendThePlotlyJsonAsAJsonObjectBesideHtmlAndPng() {
        LineChart chart = LineChart.titled("f").series("s", new double[]{1, 2}, new double[]{3, 1}, Color.RED);
        Map<String, Object> bundle = Rendering.bundle(chart);
        assertEquals(Set.of("text/plain", "text/html", "image/png", "application/vnd.plotly.v1+json"), bundle.keySet());
        JsonObject plotly = assertInstanceOf(JsonObject.class, bundle.get("application/vnd.plotly.v1+json"));
        assertEquals("scatter", plotly.getAsJsonArray("data").get(0).getAsJsonObject().get("type").getAsString());
        assertEquals("f", plotly.getAsJsonObject("layout").getAsJsonObject("title").get("text").getAsString());
        assertTrue(((String) bundle.get("text/html")).contains("class=\"course-figure\""));
    }

    @Test
    void tablesawTablesRenderAsCompactHtml() {
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("losses",
                tech.tablesaw.api.DoubleColumn.create("loss", 0.5, 1.0 / 3));
        Map<String, Object> bundle = Rendering.bundle(table);
        assertTrue(((String) bundle.get("text/html")).contains("<td style=\"text-align:right\">0.333333</td>"));
        assertTrue(((String) bundle.get("text/plain")).startsWith("losses: 2 rows × 1 columns"));
    }

    @Test
    void mimeBundleThatIsNotAMapIsIgnored() {
        assertEquals(Map.of("text/plain", "NotAMap"), Rendering.bundle(new NotAMap()));
    }

    @Test
    void failingMimeBundleIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Rendering.bundle(new Broken()));
        assertInstanceOf(UnsupportedOperationException.class, e.getCause());
        assertTrue(e.getMessage().contains("cannot draw"), e.getMessage());
    }

    @Test
    void jsonStringsBecomeJsonElements() {
        Map<String, Object> bundle = Rendering.bundle(new Offers(offers(
                "application/json", "{\"a\": [1, 2], \"b\": \"text\"}",
                "application/vnd.course+json", "[true, null]",
                "text/html", "{\"not\": \"parsed\"}")));
        JsonObject json = assertInstanceOf(JsonObject.class, bundle.get("application/json"));
        assertEquals(2, json.getAsJsonArray("a").size());
        assertEquals(2, json.getAsJsonArray("a").get(1).getAsInt());
        assertEquals("text", json.get("b").getAsString());
        JsonElement vendor = assertInstanceOf(JsonElement.class, bundle.get("application/vnd.course+json"));
        assertTrue(vendor.isJsonArray());
        assertEquals(2, vendor.getAsJsonArray().size());
        assertEquals("{\"not\": \"parsed\"}", bundle.get("text/html"), "only JSON types are parsed");
    }

    @Test
    void jsonThatIsNotAStringIsKept() {
        Map<String, Object> data = Map.of("k", 1);
        assertSame(data, Rendering.bundle(new Offers(offers("application/json", data))).get("application/json"));
    }

    @Test
    void invalidJsonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rendering.bundle(new Offers(offers("application/json", "{\"a\": [1, 2"))));
        assertTrue(e.getMessage().contains("application/json"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Rendering.bundle(new Offers(offers("application/json", "{\"a\": 1} trailing"))));
    }

    @Test
    void bytesBecomeBase64() {
        byte[] bytes = {1, 2, 3, (byte) 0xff};
        Object data = Rendering.bundle(new Offers(offers("application/octet-stream", bytes))).get("application/octet-stream");
        assertEquals(Base64.getEncoder().encodeToString(bytes), data);
    }

    @Test
    void imagesBecomePng() throws IOException {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 7, Color.GREEN.getRGB());
        Map<String, Object> bundle = Rendering.bundle(image);
        assertEquals("image 30x20", bundle.get("text/plain"));
        byte[] png = Base64.getDecoder().decode((String) bundle.get("image/png"));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(decoded);
        assertEquals(30, decoded.getWidth());
        assertEquals(20, decoded.getHeight());
        assertEquals(Color.GREEN.getRGB(), decoded.getRGB(5, 7));
        assertEquals(Color.BLACK.getRGB(), decoded.getRGB(0, 0));
    }

    @Test
    void bundleRestrictedToChosenTypes() {
        Offers value = new Offers(offers("text/html", "<i>h</i>", "text/markdown", "*m*", "text/plain", "p"));
        Map<String, Object> html = Rendering.bundle(value, "text/html");
        assertEquals(Map.of("text/html", "<i>h</i>", "text/plain", "p"), html);
        Map<String, Object> two = Rendering.bundle(value, "text/markdown", "image/png");
        assertEquals(Set.of("text/markdown", "text/plain"), two.keySet());
        assertEquals(Rendering.bundle(value), Rendering.bundle(value, new String[0]));
        assertEquals(Rendering.bundle(value), Rendering.bundle(value, (String[]) null));
        assertEquals(Map.of("text/plain", "plain"), Rendering.bundle("plain", "text/plain"));
    }

    @Test
    void askingForAnAbsentTypeIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rendering.bundle("just text", "text/html"));
        assertTrue(e.getMessage().contains("text/plain") && e.getMessage().contains("text/html"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Rendering.bundle(new Offers(offers("text/html", "x")), "image/png"));
    }

    @Test
    void pngHelperRoundTrips() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(Rendering.png(image))));
        assertEquals(4, decoded.getWidth());
        assertEquals(3, decoded.getHeight());
    }
}
