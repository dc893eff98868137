package course.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart drawn in Java (XChart), shown in a notebook as a PNG. The static image is what
 * nbconvert, GitHub and PDF exports display; interactive figures build on it later.
 */
public final class LineChart {
    private record Series(String name, double[] x, double[] y, Color color) {
    }

    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private boolean logY;
    private int width = 640;
    private int height = 400;
    private final List<Series> series = new ArrayList<>();

    private LineChart(String title) {
        this.title = title;
    }

    public static LineChart titled(String title) {
        return new LineChart(title == null ? "" : title);
    }

    public LineChart labels(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        return this;
    }

    /** A logarithmic y axis, for losses that fall over orders of magnitude. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    public LineChart size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a chart needs at least 100x100 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Adds a series y against 0, 1, 2, ... (steps, epochs). */
    public LineChart series(String name, double[] y) {
        double[] x = new double[y == null ? 0 : y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return series(name, x, y);
    }

    public LineChart series(String name, double[] x, double[] y) {
        return series(name, x, y, null);
    }

    /** Adds a series in a chosen colour. */
    public LineChart series(String name, double[] x, double[] y, Color color) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x and y must have the same length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite point at index " + i
                        + " (x=" + x[i] + ", y=" + y[i] + "): did training diverge?");
            }
        }
        Series added = new Series(name, x.clone(), y.clone(), color);
        if (logY) {
            rejectNonPositive(added);
        }
        series.add(added);
        return this;
    }

    private static void rejectNonPositive(Series s) {
        for (int i = 0; i < s.y().length; i++) {
            if (s.y()[i] <= 0) {
                throw new IllegalArgumentException("series '" + s.name() + "' has y=" + s.y()[i] + " at index "
                        + i + ", which a logarithmic axis cannot show");
            }
        }
    }

    public BufferedImage toImage() {
        if (series.isEmpty()) {
            throw new IllegalStateException("the chart '" + title + "' has no series: add one with series(...)");
        }
        if (logY) {
            series.forEach(LineChart::rejectNonPositive);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(series.size() > 1);
        for (Series s : series) {
            XYSeries added = chart.addSeries(s.name(), s.x(), s.y());
            added.setMarker(SeriesMarkers.NONE);
            if (s.color() != null) {
                added.setLineColor(s.color());
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    public byte[] toPng() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(toImage(), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path savePng(Path file) {
        try {
            Files.write(file, toPng());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the course kernel shows: the PNG and a one-line description. */
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("image/png", Base64.getEncoder().encodeToString(toPng()));
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        int points = series.stream().mapToInt(s -> s.y().length).sum();
        return "LineChart '" + title + "': " + series.size() + " series, " + points + " points";
    }
}
