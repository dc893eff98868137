package course.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineChartTest {
    private static final double[] XS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] YS = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};

    private static boolean redDominant(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r >= 200 && g <= 60 && b <= 60;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "not a readable PNG");
        return image;
    }

    @Test
    void redSeriesProducesRedPixelsAcrossThePlot() throws IOException {
        BufferedImage image = decode(LineChart.titled("red").size(400, 300).series("loss", XS, YS, Color.RED).toPng());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        int red = 0, minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (redDominant(image.getRGB(x, y))) {
                    red++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(red >= 100, "expected a red line, found " + red + " red pixels");
        // A falling line across the plot area: wide and tall, strictly inside the image.
        assertTrue(maxX - minX > image.getWidth() / 2, "red spans x " + minX + ".." + maxX);
        assertTrue(maxY - minY > image.getHeight() / 3, "red spans y " + minY + ".." + maxY);
        assertTrue(minX > 0 && maxX < image.getWidth() - 1 && minY > 0 && maxY < image.getHeight() - 1);
        // Falling line: the leftmost red pixel is near the top, the rightmost near the bottom.
        int yAtLeft = -1, yAtRight = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            if (redDominant(image.getRGB(minX, y))) {
                yAtLeft = y;
            }
            if (redDominant(image.getRGB(maxX, y))) {
                yAtRight = y;
            }
        }
        assertTrue(yAtLeft < yAtRight, "left end at y=" + yAtLeft + ", right end at y=" + yAtRight);
    }

    @Test
    void blueSeriesHasNoRedPixels() throws IOException {
        BufferedImage image = decode(LineChart.titled("blue").size(400, 300).series("loss", XS, YS, Color.BLUE).toPng());
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (redDominant(image.getRGB(x, y))) {
                    red++;
                }
            }
        }
        assertEquals(0, red);
    }

    @Test
    void chartWithoutSeriesCannotBeDrawn() {
        LineChart chart = LineChart.titled("empty");
        IllegalStateException e = assertThrows(IllegalStateException.class, chart::toImage);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalStateException.class, chart::toPng);
        assertThrows(IllegalStateException.class, chart::mimeBundle);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        LineChart chart = LineChart.titled("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("s", new double[]{1, 2, 3}, new double[]{1, 2}));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.series("s", null, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> chart.series("s", (double[]) null));
        assertThrows(IllegalArgumentException.class, () -> chart.series("s", new double[0]));
    }

    @Test
    void nonFinitePointsAreRejectedNamingTheIndex() {
        LineChart chart = LineChart.titled("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("loss", new double[]{1.0, 0.5, Double.NaN}));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("loss", new double[]{Double.POSITIVE_INFINITY, 1}, new double[]{1, 2}));
        assertTrue(e.getMessage().contains("index 0"), e.getMessage());
        // Rejected series are not added.
        assertThrows(IllegalStateException.class, chart::toImage);
    }

    @Test
    void logAxisRejectsNonPositiveValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").logY().series("loss", new double[]{1.0, 0.1, 0.0}));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").logY().series("loss", new double[]{1.0, -0.1}));
        // Positive values draw fine on a log axis.
        BufferedImage image = LineChart.titled("t").logY().series("loss", new double[]{1.0, 0.1, 0.01}).toImage();
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void logAxisChosenAfterTheSeriesStillRejectsNonPositiveValues() {
        // The order of the builder calls must not decide whether the data is checked.
        LineChart chart = LineChart.titled("t").series("loss", new double[]{1.0, 0.0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chart.logY().toImage());
        assertTrue(e.getMessage().contains("loss"), "the message should name the series: " + e.getMessage());
    }

    @Test
    void tooSmallSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LineChart.titled("t").size(99, 400));
        assertThrows(IllegalArgumentException.class, () -> LineChart.titled("t").size(400, 0));
    }

    @Test
    void mimeBundleHasPngAndText() throws IOException {
        LineChart chart = LineChart.titled("losses").labels("step", "loss").size(300, 200)
                .series("a", new double[]{3, 2, 1})
                .series("b", new double[]{0, 1}, new double[]{5, 4});
        Map<String, Object> bundle = chart.mimeBundle();
        assertTrue(bundle.containsKey("image/png"));
        assertTrue(bundle.containsKey("text/plain"));
        byte[] png = Base64.getDecoder().decode((String) bundle.get("image/png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage image = decode(png);
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        assertEquals("LineChart 'losses': 2 series, 5 points", bundle.get("text/plain"));
        assertEquals(bundle.get("text/plain"), chart.toString());
    }

    @Test
    void sameChartTwiceGivesIdenticalPng() {
        LineChart chart = LineChart.titled("twice").series("a", XS, YS).series("b", YS);
        byte[] first = chart.toPng();
        byte[] second = chart.toPng();
        assertArrayEquals(first, second);
        byte[] rebuilt = LineChart.titled("twice").series("a", XS, YS).series("b", YS).toPng();
        assertArrayEquals(first, rebuilt);
    }

    @Test
    void seriesDataIsCopied() {
        double[] y = {1, 2, 3};
        LineChart chart = LineChart.titled("copy").series("a", y);
        byte[] before = chart.toPng();
        y[1] = 100;
        assertArrayEquals(before, chart.toPng());
    }

    @Test
    void savePngWritesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chart.png");
        LineChart chart = LineChart.titled("saved").series("a", new double[]{1, 2});
        assertEquals(file, chart.savePng(file));
        assertArrayEquals(chart.toPng(), Files.readAllBytes(file));
    }
}
