package course.plot;

import course.optim.GradientDescent;
import course.optim.Trajectory;
import course.problems.Beale;
import course.problems.Rosenbrock;
import course.problems.Saddle;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static PNGs, checked by their pixels: what is drawn is really there, in its colour and place. */
class FigurePngTest {
    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "not a readable PNG");
        return image;
    }

    /** Pixels within distance {@code tolerance} (per channel) of {@code color} in the given region. */
    static int count(BufferedImage image, int x0, int y0, int x1, int y1, IntPredicate matches) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (matches.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    static IntPredicate near(Color color, int tolerance) {
        return rgb -> Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= tolerance
                && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= tolerance
                && Math.abs((rgb & 0xff) - color.getBlue()) <= tolerance;
    }

    static int countAll(BufferedImage image, IntPredicate matches) {
        return count(image, 0, 0, image.getWidth(), image.getHeight(), matches);
    }

    @Test
    void contourPlotDrawsTheRedPathFromStartTowardsTheMinimumAndColouredLevels() throws IOException {
        Rosenbrock problem = new Rosenbrock();
        Trajectory path = Trajectory.run("GD", GradientDescent.textbook().learningRate(0.001), problem, problem.startPoint(), 400);
        BufferedImage image = decode(ContourPlot.of(problem).size(600, 450).trajectory(path, Color.RED).toPng());
        assertEquals(600, image.getWidth());
        IntPredicate red = near(Color.RED, 40);
        int redPixels = countAll(image, red);
        assertTrue(redPixels > 60, "the path is drawn in red: " + redPixels + " red pixels");
        // The path runs from x = -1.2 rightwards: red in the left half of the plot, none in the far right.
        int leftHalf = count(image, 0, 0, image.getWidth() / 2, image.getHeight(), red);
        int farRight = count(image, image.getWidth() * 3 / 4, 0, image.getWidth(), image.getHeight(), red);
        assertTrue(leftHalf > farRight, "left " + leftHalf + ", far right " + farRight);
        // Contour lines in viridis: dark purple near the valley and green on the walls.
        assertTrue(countAll(image, near(Palette.viridis(0.05), 30)) > 50, "dark contour lines");
        assertTrue(countAll(image, near(Palette.viridis(0.75), 30)) > 50, "green contour lines");
    }

    @Test
    void withoutTrajectoriesThereIsNoPathColour() throws IOException {
        BufferedImage image = decode(ContourPlot.of(new Rosenbrock()).toPng());
        assertEquals(0, countAll(image, near(Color.RED, 40)));
        assertEquals(0, countAll(image, near(Palette.series(0), 10)));
    }

    @Test
    void raceShowsItsLastFrame() throws IOException {
        Beale beale = new Beale();
        Trajectory path = Trajectory.run("GD", GradientDescent.textbook().learningRate(0.001), beale, beale.startPoint(), 200);
        BufferedImage image = decode(TrajectoryRace.of(beale, path).toPng());
        assertEquals(640, image.getWidth());
        assertEquals(560, image.getHeight());
        assertTrue(countAll(image, near(Palette.series(0), 20)) > 40, "the whole path in the first palette colour");
    }

    @Test
    void surfaceIsFilledWithViridisAndCarriesThePath() throws IOException {
        Saddle saddle = new Saddle();
        Trajectory path = Trajectory.run("GD", GradientDescent.textbook().learningRate(0.05), saddle, saddle.startPoint(), 30);
        BufferedImage image = decode(SurfacePlot.of(saddle).trajectory(path).toPng());
        int width = image.getWidth(), height = image.getHeight();
        // A good part of the image is surface: neither white nor grey.
        int coloured = count(image, 0, 0, width - 80, height, rgb -> {
            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
            return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40;
        });
        assertTrue(coloured > width * height / 8, coloured + " coloured pixels");
        assertTrue(count(image, 0, 0, width - 80, height, near(Palette.series(0), 12)) > 20, "the path");
    }

    @Test
    void barsAreFilledInTheirColours() throws IOException {
        BufferedImage image = decode(BarChart.titled("b").size(400, 300)
                .bars("one", new String[]{"a", "b"}, new double[]{1, 2}, Color.RED)
                .bars("two", new String[]{"a", "b"}, new double[]{2, 1}, Color.BLUE).toPng());
        int red = countAll(image, near(Color.RED, 10)), blue = countAll(image, near(Color.BLUE, 10));
        assertTrue(red > 2000 && blue > 2000, "red " + red + ", blue " + blue);
        // Same total height: the two groups fill about the same area.
        assertTrue(Math.abs(red - blue) < 0.2 * red, "red " + red + ", blue " + blue);
    }

    @Test
    void gridDrawsEveryPanelInItsCell() throws IOException {
        LineChart left = LineChart.titled("left").series("a", new double[]{1, 2, 3}, new double[]{3, 2, 1}, Color.RED);
        LineChart right = LineChart.titled("right").series("b", new double[]{1, 2, 3}, new double[]{1, 2, 3}, Color.BLUE);
        BufferedImage image = decode(SmallMultiples.of("two", 2, left, right).size(800, 300).toPng());
        int half = image.getWidth() / 2;
        assertTrue(count(image, 0, 0, half, 300, near(Color.RED, 40)) > 50);
        assertEquals(0, count(image, half, 0, 800, 280, near(Color.RED, 40)), "no red in the right panel");
        assertTrue(count(image, half, 0, 800, 300, near(Color.BLUE, 40)) > 50);
    }

    @Test
    void pngsAreReproducibleAndTheBundleCarriesTheSameImageTwice() throws IOException {
        ContourPlot plot = ContourPlot.of(new Saddle()).grid(30);
        assertArrayEquals(plot.toPng(), plot.toPng());
        Map<String, Object> bundle = plot.mimeBundle();
        String png = (String) bundle.get("image/png");
        assertTrue(((String) bundle.get("text/html")).contains("data:image/png;base64," + png),
                "the HTML holds the PNG as its fallback");
        BufferedImage image = decode(Base64.getDecoder().decode(png));
        assertEquals(plot.width(), image.getWidth());
        assertEquals(plot.height(), image.getHeight());
    }
}
