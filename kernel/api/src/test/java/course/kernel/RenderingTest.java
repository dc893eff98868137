package course.kernel;

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
                () -> Rendering.bundle(new Offers(offers("text/html", "x")), "image/png"));
        assertTrue(e.getMessage().contains("text/html") && e.getMessage().contains("image/png"), e.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> Rendering.bundle("just text", "image/png"));
        assertTrue(text.getMessage().contains("any text type"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rendering.bundle("x", "text/html", null));
        assertThrows(IllegalArgumentException.class, () -> Rendering.bundle(42, "text/html"), "only strings are their own HTML");
    }

    @Test
    void aStringRendersAsTheTextTypesAskedFor() {
        assertEquals(Map.of("text/html", "<b>bold</b>", "text/plain", "<b>bold</b>"), Rendering.bundle("<b>bold</b>", "text/html"));
        Map<String, Object> js = Rendering.bundle("alert(1)", "application/javascript", "image/png");
        assertEquals(Map.of("application/javascript", "alert(1)", "text/plain", "alert(1)"), js,
                "types a string cannot be are left out when another one fits, as in IJava");
        assertEquals(Set.of("text/markdown", "text/latex", "text/plain"),
                Rendering.bundle(new StringBuilder("$x$"), "text/markdown", "text/latex").keySet());
        assertTrue(Rendering.isTextual("application/vnd.plotly.v1+json") && Rendering.isTextual("image/svg+xml"));
        assertTrue(!Rendering.isTextual("image/png"));
    }

    @Test
    void aReadyBundleIsShownAsItIs() {
        MimeBundle ready = new MimeBundle(Map.of("text/markdown", "*m*", "text/plain", "m"));
        assertEquals(ready.mimeBundle(), Rendering.bundle(ready));
    }

    @Test
    void aRegisteredRendererWinsOverTheObjectsOwnBundle() {
        Offers value = new Offers(offers("text/html", "own"));
        Renderers.register(Offers.class, o -> Map.of("text/html", "registered"));
        try {
            assertEquals("registered", Rendering.bundle(value).get("text/html"));
            assertEquals("Offers!", Rendering.bundle(value).get("text/plain"), "text/plain is still added");
        } finally {
            Renderers.unregister(Offers.class);
        }
        assertEquals("own", Rendering.bundle(value).get("text/html"));
    }

    @Test
    void pngHelperRoundTrips() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(Rendering.png(image))));
        assertEquals(4, decoded.getWidth());
        assertEquals(3, decoded.getHeight());
    }
}
