package course.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tablesaw-jsplot {@code Figure} shown as the course's figures are: the same plotly figure, drawn by the
 * course's local plotly.js (never tablesaw's CDN link), with a PNG beside it and its plotly JSON. The
 * course kernel shows every jsplot {@code Figure} this way, as a cell's value, through {@code display}
 * and through {@code Plot.show}; {@code JsplotFigure.of(figure).saveHtml(path)} writes an offline page.
 *
 * <p>tablesaw writes JavaScript, not JSON ({@link JsLiteral} reads it), and in plotly.js 1's form: a
 * title as a plain string, which plotly.js 3 ignores, so titles vanish; here every title (figure, axes)
 * becomes {@code {text: …}}, with {@code titlefont} as its {@code font}. Numbers tablesaw quotes
 * ({@code x: ['1.0','2.0']}, from a table's number column) become numbers, and its missing values gaps.
 *
 * <p>The PNG draws line and scatter traces with numeric axes, or bar traces (vertical or horizontal),
 * with the axis titles and a logarithmic y (or x) axis. What it cannot draw (pie, box, histogram, heat
 * map, contour, 3-D, candlestick traces, or bars beside lines) it leaves out and says so at its foot;
 * the interactive figure shows everything.
 */
public final class JsplotFigure extends Figure<JsplotFigure> {
    private static final List<String> DATA_ARRAYS = List.of("x", "y", "z", "open", "high", "low", "close");

    private final List<Map<String, Object>> traces;
    private final Map<String, Object> layout;

    private JsplotFigure(String title, List<Map<String, Object>> traces, Map<String, Object> layout) {
        super(title);
        this.traces = traces;
        this.layout = layout;
    }

    /** The course's rendering of a tablesaw-jsplot figure (its data and layout read once, now). */
    public static JsplotFigure of(tech.tablesaw.plotly.components.Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("give a tablesaw Figure, e.g. LinePlot.create(title, table, x, y)");
        }
        figure.asJavascript("course");
        Object script = figure.getContext().get("figure");
        Map<String, Object> variables = JsLiteral.readVariables(String.valueOf(script));
        Map<String, Object> layout = variables.get("layout") instanceof Map<?, ?> m ? plotly3(cast(m)) : new LinkedHashMap<>();
        List<Map<String, Object>> traces = new ArrayList<>();
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            if (variable.getKey().startsWith("trace") && variable.getValue() instanceof Map<?, ?> trace) {
                traces.add(numericData(cast(trace)));
            }
        }
        String title = layout.get("title") instanceof Map<?, ?> t && t.get("text") instanceof String text ? text : "";
        JsplotFigure shown = new JsplotFigure(title, traces, layout);
        if (layout.get("width") instanceof Number w && layout.get("height") instanceof Number h
                && w.intValue() >= 100 && h.intValue() >= 100) {
            shown.size(w.intValue(), h.intValue());
        }
        return shown;
    }

    /** How many traces the figure holds. */
    public int traceCount() {
        return traces.size();
    }

    /** The trace types the PNG leaves out (empty when it draws everything), e.g. {@code [pie 'shares']}. */
    public List<String> leftOutOfPng() {
        return pngPlan().leftOut;
    }

    @Override
    void checkDrawable() {
        if (traces.isEmpty()) {
            throw new IllegalStateException("the tablesaw figure '" + title() + "' has no traces");
        }
    }

    @Override
    Map<String, Object> plotly(boolean full) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", traces);
        spec.put("layout", layout);
        return spec;
    }

    @Override
    BufferedImage draw() {
        PngPlan plan = pngPlan();
        BufferedImage image = plan.chart != null ? plan.chart.size(width(), height()).draw()
                : new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        if (plan.chart == null) {
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            g.dispose();
        }
        if (!plan.leftOut.isEmpty()) {
            footnote(image, "This picture leaves out " + String.join(", ", plan.leftOut)
                    + ": the interactive figure shows them.");
        }
        return image;
    }

    @Override
    String describe() {
        List<String> kinds = new ArrayList<>();
        for (Map<String, Object> trace : traces) {
            kinds.add(String.valueOf(trace.getOrDefault("type", "scatter")));
        }
        return "tablesaw figure '" + title() + "': " + traces.size() + (traces.size() == 1 ? " trace " : " traces ")
                + kinds;
    }

    // ---- the PNG -------------------------------------------------------------------------------

    private record PngPlan(AxesChart<?> chart, List<String> leftOut) {
    }

    private PngPlan pngPlan() {
        String xTitle = axisTitle("xaxis"), yTitle = axisTitle("yaxis");
        LineChart lines = LineChart.titled(title()).labels(xTitle, yTitle);
        BarChart bars = BarChart.titled(title()).labels(xTitle, yTitle);
        if (axisIsLog("yaxis")) {
            lines.logY();
            bars.logY();
        }
        if (axisIsLog("xaxis")) {
            lines.logX();
        }
        List<String> leftOut = new ArrayList<>();
        List<Map<String, Object>> barTraces = new ArrayList<>();
        boolean markersOnly = false;
        int index = 0;
        for (Map<String, Object> trace : traces) {
            index++;
            String type = String.valueOf(trace.getOrDefault("type", "scatter"));
            String name = trace.get("name") instanceof String n && !n.isEmpty() ? n : "trace " + index;
            double[][] xy = type.startsWith("scatter") && !type.equals("scatter3d") ? numericXy(trace) : null;
            if (xy != null && xy[0].length > 0) {
                lines.series(name, xy[0], xy[1]);
                markersOnly |= !String.valueOf(trace.getOrDefault("mode", "markers")).contains("lines");
            } else if (type.equals("bar")) {
                barTraces.add(trace);
            } else {
                leftOut.add(type + " '" + name + "'");
            }
        }
        if (markersOnly) {
            lines.markers();
        }
        if (lines.seriesCount() > 0) {
            for (Map<String, Object> trace : barTraces) {
                leftOut.add("bar '" + trace.getOrDefault("name", "") + "'");
            }
            return new PngPlan(lines, leftOut);
        }
        for (Map<String, Object> trace : barTraces) {
            boolean horizontal = "h".equals(trace.get("orientation"));
            List<?> categories = list(trace.get(horizontal ? "y" : "x")), values = list(trace.get(horizontal ? "x" : "y"));
            if (categories.isEmpty() || categories.size() != values.size()) {
                leftOut.add("bar '" + trace.getOrDefault("name", "") + "'");
                continue;
            }
            String[] names = new String[categories.size()];
            double[] heights = new double[values.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = String.valueOf(categories.get(i));
                heights[i] = values.get(i) instanceof Number v ? v.doubleValue() : 0;
            }
            bars.bars(String.valueOf(trace.getOrDefault("name", "bars")), names, heights);
        }
        return new PngPlan(bars.traceCount() > 0 ? bars : null, leftOut);
    }

    /** x and y of a trace as numbers, the points where either is missing dropped; null if not numeric. */
    private static double[][] numericXy(Map<String, Object> trace) {
        List<?> x = list(trace.get("x")), y = list(trace.get("y"));
        if (y.isEmpty() && !x.isEmpty()) {
            return null;
        }
        if (x.isEmpty()) {
            x = indices(y.size());
        }
        if (x.size() != y.size()) {
            return null;
        }
        double[] xs = new double[x.size()], ys = new double[y.size()];
        int kept = 0;
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != null && !(x.get(i) instanceof Number)) {
                return null;
            }
            if (x.get(i) instanceof Number a && y.get(i) instanceof Number b) {
                xs[kept] = a.doubleValue();
                ys[kept++] = b.doubleValue();
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, kept), java.util.Arrays.copyOf(ys, kept)};
    }

    private static List<Object> indices(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((double) i);
        }
        return out;
    }

    private String axisTitle(String axis) {
        return layout.get(axis) instanceof Map<?, ?> a && a.get("title") instanceof Map<?, ?> t
                && t.get("text") instanceof String text ? text : "";
    }

    private boolean axisIsLog(String axis) {
        return layout.get(axis) instanceof Map<?, ?> a && "log".equals(a.get("type"));
    }

    private static void footnote(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        int height = g.getFontMetrics().getHeight() + 4;
        g.setColor(new Color(255, 248, 220));
        g.fillRect(0, image.getHeight() - height, image.getWidth(), height);
        g.setColor(new Color(120, 80, 0));
        g.drawString(text, 6, image.getHeight() - g.getFontMetrics().getDescent() - 2);
        g.dispose();
    }

    // ---- tablesaw's JavaScript to plotly.js 3 ----------------------------------------------------

    /** Titles as {text, font} (plotly.js 3 ignores a title given as a string, and {@code titlefont}). */
    private static Map<String, Object> plotly3(Map<String, Object> layout) {
        Map<String, Object> out = titled(layout);
        for (Map.Entry<String, Object> entry : out.entrySet()) {
            if (entry.getKey().matches("[xyz]axis\\d*") && entry.getValue() instanceof Map<?, ?> axis) {
                entry.setValue(titled(cast(axis)));
            }
            if (entry.getKey().equals("scene") && entry.getValue() instanceof Map<?, ?> scene) {
                Map<String, Object> axes = new LinkedHashMap<>(cast(scene));
                axes.replaceAll((key, value) -> key.matches("[xyz]axis") && value instanceof Map<?, ?> a
                        ? titled(cast(a)) : value);
                entry.setValue(axes);
            }
        }
        return out;
    }

    private static Map<String, Object> titled(Map<String, Object> component) {
        Map<String, Object> out = new LinkedHashMap<>(component);
        Object font = out.remove("titlefont");
        if (out.get("title") instanceof String text) {
            Map<String, Object> title = new LinkedHashMap<>();
            title.put("text", text);
            if (font != null) {
                title.put("font", font);
            }
            out.put("title", title);
        }
        return out;
    }

    /** tablesaw quotes a number column's values ('1.0'): numbers again, and 'null'/'NaN' as gaps. */
    private static Map<String, Object> numericData(Map<String, Object> trace) {
        Map<String, Object> out = new LinkedHashMap<>(trace);
        for (String key : DATA_ARRAYS) {
            if (out.get(key) instanceof List<?> values && allNumeric(values)) {
                List<Object> numbers = new ArrayList<>(values.size());
                for (Object v : values) {
                    numbers.add(asNumber(v));
                }
                out.put(key, numbers);
            }
        }
        return out;
    }

    private static boolean allNumeric(List<?> values) {
        boolean any = false;
        for (Object v : values) {
            if (v instanceof String s && !isMissing(s)) {
                try {
                    Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (v != null && !(v instanceof Number) && !(v instanceof String)) {
                return false;
            }
            any |= v instanceof Number || v instanceof String s && !isMissing(s);
        }
        return any;
    }

    private static boolean isMissing(String s) {
        return s.isBlank() || s.equals("null") || s.equals("NaN");
    }

    private static Double asNumber(Object v) {
        double d = v instanceof Number n ? n.doubleValue()
                : v instanceof String s && !isMissing(s) ? Double.parseDouble(s.trim()) : Double.NaN;
        return Double.isFinite(d) ? d : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
