package course.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.Plot;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What every figure of the course shares: one builder that gives an interactive plotly figure and a
 * static PNG of the same figure, drawn in Java, and renders in a notebook as one display bundle:
 * <ul>
 * <li>{@code text/html}: the figure's {@code div} (deterministic id {@code course-fig-N}, numbered in
 *     the order this kernel renders figures) holding the PNG, the plotly JSON, and the loader script
 *     that replaces the PNG by the interactive figure (see {@link PlotlyJs} for how plotly.js is
 *     embedded once per notebook and found offline);</li>
 * <li>{@code image/png}: for nbconvert, GitHub, PDF exports and plain viewers;</li>
 * <li>{@code application/vnd.plotly.v1+json}: {@code {data, layout, config[, frames]}}, which
 *     JupyterLab's plotly renderer, VS Code and nteract draw natively;</li>
 * <li>{@code text/plain}: one line, e.g. {@code LineChart 'losses': 2 series, 5 points}.</li>
 * </ul>
 * A notebook shows long series downsampled (see {@link LineChart#maxPoints}); {@link #toJson()},
 * {@link #saveJson} and {@link #saveHtml} keep every point.
 *
 * @param <F> the figure's own type, so that the shared settings chain
 */
public abstract class Figure<F extends Figure<F>> {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String title;
    private int width = 640;
    private int height = 400;

    Figure(String title) {
        this.title = title == null ? "" : title;
    }

    @SuppressWarnings("unchecked")
    final F self() {
        return (F) this;
    }

    /**
     * Size in pixels of the PNG (default 640 × 400); the interactive figure has this height and fills the
     * width of the output area or page it is shown in.
     */
    public F size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a figure needs at least 100x100 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return self();
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    // ---- what each kind of figure provides -------------------------------------------------------

    /** Throws IllegalStateException, naming the figure, when there is nothing to draw. */
    abstract void checkDrawable();

    /** The plotly figure {data, layout[, frames]}; {@code full}: every point, else thinned for display. */
    abstract Map<String, Object> plotly(boolean full);

    /** The static rendering, {@link #width()} × {@link #height()} pixels. */
    abstract BufferedImage draw();

    /** One line: kind, title, what it holds. */
    abstract String describe();

    // ---- subplots of SmallMultiples: the 2-D figures override these ------------------------------

    /** Whether the figure can be a subplot (line, bar and contour figures). */
    boolean isPanel() {
        return false;
    }

    /** plotly traces on the axes {@code xRef}/{@code yRef} ("x", "y" alone; "x2", "y2" in a grid), coloured from the legend. */
    List<Map<String, Object>> traces(String xRef, String yRef, Legend legend, boolean full) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be a subplot");
    }

    Map<String, Object> xAxisSpec() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be a subplot");
    }

    Map<String, Object> yAxisSpec() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be a subplot");
    }

    /** The subplot as drawn in a PNG, coloured from the legend. */
    Plot plot(Legend legend) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be a subplot");
    }

    // ---- outputs --------------------------------------------------------------------------------

    /** The figure drawn in Java: what the PNG holds. */
    public final BufferedImage toImage() {
        checkDrawable();
        return draw();
    }

    public final byte[] toPng() {
        return png(toImage());
    }

    /** The complete plotly figure as JSON, every point at full precision (what {@link #saveJson} writes). */
    public final String toJson() {
        return Json.write(spec(true), Json.ALL_DIGITS);
    }

    /** The plotly figure as a notebook shows it: long series thinned, numbers to 6 digits. */
    public final String displayJson() {
        return Json.write(spec(false), Json.DISPLAY_DIGITS);
    }

    /**
     * Pixels from the top of an interactive figure to the top of its title: below plotly's modebar, the
     * row of buttons at the top right (about 34 px tall), which would otherwise cover a long title.
     */
    static final int TITLE_TOP = 40;
    /** How much lower the title (and so the plot area) sits than in the PNG's layout, in pixels. */
    static final int TITLE_DROP = 30;
    /** Height of a title line and of a legend row in the interactive figure, in pixels. */
    static final int TITLE_HEIGHT = 30;
    static final int LEGEND_ROW = 29;

    private Map<String, Object> spec(boolean full) {
        checkDrawable();
        Map<String, Object> spec = new LinkedHashMap<>(plotly(full));
        spec.put("layout", responsive(spec.get("layout"), spec.get("data")));
        spec.put("config", Map.of("displaylogo", false, "responsive", true));
        return spec;
    }

    /**
     * The interactive figure fills the width it is shown in (an output area, a page) at the figure's
     * height, and its title sits below the modebar; the PNG keeps {@link #width()} × {@link #height()}.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> responsive(Object plotlyLayout, Object data) {
        Map<String, Object> layout = new LinkedHashMap<>((Map<String, Object>) plotlyLayout);
        layout.remove("width");
        layout.put("autosize", true);
        layout.put("height", height);
        if (!title.isEmpty() && layout.get("title") instanceof Map<?, ?> titleSpec) {
            Map<String, Object> placed = new LinkedHashMap<>((Map<String, Object>) titleSpec);
            placed.put("yref", "container");
            placed.put("y", 1 - TITLE_TOP / (double) height);
            placed.put("yanchor", "top");
            layout.put("title", placed);
            Map<String, Object> margin = layout.get("margin") instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            int top = margin.get("t") instanceof Number t ? t.intValue() : 60;
            int needed = top + TITLE_DROP;
            // A horizontal legend on top of the plot grows upwards as it wraps: room for its rows below the title.
            if (layout.get("legend") instanceof Map<?, ?> legend && "h".equals(legend.get("orientation"))
                    && legend.get("y") instanceof Number y && y.doubleValue() >= 1) {
                needed = Math.max(needed, TITLE_TOP + TITLE_HEIGHT + LEGEND_ROW * legendRows(data));
            }
            margin.put("t", needed);
            layout.put("margin", margin);
        }
        return layout;
    }

    /**
     * How many rows a horizontal legend of these traces takes at the figure's nominal width (the plot
     * area's, without the side margins and a colour bar): each listed entry about 40 px of symbol and gap
     * plus 8.5 px a character (plotly's 12 px font, as measured in Chromium), wrapped.
     */
    private int legendRows(Object data) {
        if (!(data instanceof List<?> traces)) {
            return 1;
        }
        int available = Math.max(200, width - 190), x = 0, rows = 1;
        for (Object trace : traces) {
            if (!(trace instanceof Map<?, ?> t) || Boolean.FALSE.equals(t.get("showlegend"))
                    || !(t.get("name") instanceof String name)) {
                continue;
            }
            int entry = 40 + (int) Math.ceil(8.5 * name.length());
            if (x > 0 && x + entry > available) {
                rows++;
                x = 0;
            }
            x += entry;
        }
        return rows;
    }

    /** The HTML a notebook shows (the first figure of a kernel also carries plotly.js). */
    public final String toHtml() {
        checkDrawable();
        return html(displayJson(), Base64.getEncoder().encodeToString(toPng()), PlotlyJs.embedOnce());
    }

    private String html(String json, String pngBase64, String plotlyJs) {
        String id = "course-fig-" + IDS.incrementAndGet();
        return "<div class=\"course-figure\" id=\"" + id + "\" style=\"width:100%;height:" + height
                + "px\">\n<img src=\"data:image/png;base64," + pngBase64 + "\" width=\"" + width
                + "\" height=\"" + height + "\" alt=\"" + escape(describe()) + "\" style=\"max-width:100%;height:auto\">\n"
                + "<script type=\"application/json\" class=\"course-figure-spec\">" + json + "</script>\n</div>\n"
                + plotlyJs + PlotlyJs.loader(id);
    }

    /** The display bundle the course kernel shows: HTML, PNG, plotly JSON and one line of text. */
    public final Map<String, Object> mimeBundle() {
        checkDrawable();
        String json = displayJson();
        String png = Base64.getEncoder().encodeToString(toPng());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", describe());
        bundle.put("text/html", html(json, png, PlotlyJs.embedOnce()));
        bundle.put("image/png", png);
        bundle.put("application/vnd.plotly.v1+json", json);
        return bundle;
    }

    /**
     * Makes the next figure carry plotly.js again: after clearing the output that held it, so that
     * the saved notebook has a copy (the live page keeps its copy anyway).
     */
    public static void embedPlotlyAgain() {
        PlotlyJs.embedAgain();
    }

    // ---- files ----------------------------------------------------------------------------------

    public final Path savePng(Path file) {
        return write(file, toPng());
    }

    /** A self-contained page that works offline: plotly.js inside, every point of the data. */
    public final Path saveHtml(Path file) {
        checkDrawable();
        String body = html(toJson(), Base64.getEncoder().encodeToString(toPng()), PlotlyJs.embedded());
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n</head>\n<body style=\"font-family:sans-serif\">\n" + body + "</body>\n</html>\n";
        return write(file, page.getBytes(StandardCharsets.UTF_8));
    }

    /** The plotly figure {data, layout, config[, frames]} with every point, for plotly in any language. */
    public final Path saveJson(Path file) {
        return write(file, toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A table's column by name, or an error that lists the columns it has. */
    protected static Column<?> column(Table table, String name) {
        if (name == null || !table.columnNames().contains(name)) {
            throw new IllegalArgumentException("the table '" + table.name() + "' has no column '" + name + "'; it has "
                    + table.columnNames());
        }
        return table.column(name);
    }
}
