package course.plot;

import course.train.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/**
 * A grid of subplots with one shared legend: a name (an optimizer, a run) has the same colour in
 * every subplot and one legend entry. Subplots are line charts, bar charts and contour plots:
 * {@code SmallMultiples.of("four problems", 2, contourA, contourB, contourC, contourD)}; a set of
 * training runs in one call: {@code SmallMultiples.histories(sgd, momentum, adam)}.
 */
public final class SmallMultiples extends Figure<SmallMultiples> {
    private static final int LEGEND_ROW = 22;
    private final int columns;
    private final List<Figure<?>> panels = new ArrayList<>();

    private SmallMultiples(String title, int columns) {
        super(title);
        if (columns < 1 || columns > 6) {
            throw new IllegalArgumentException("columns must be in 1..6, got " + columns);
        }
        this.columns = columns;
    }

    /** A grid with this many columns; rows are added as needed. */
    public static SmallMultiples of(String title, int columns, Figure<?>... figures) {
        SmallMultiples grid = new SmallMultiples(title, columns);
        for (Figure<?> figure : figures) {
            grid.add(figure);
        }
        return grid;
    }

    /**
     * Training runs side by side, runs by colour: train loss (log scale), then validation loss,
     * the validation metric and the learning rate where any run recorded them, per epoch.
     */
    public static SmallMultiples histories(History... runs) {
        tech.tablesaw.api.Table table = History.table(runs);
        String metric = table.columnNames().get(4);
        List<Figure<?>> charts = new ArrayList<>();
        for (String column : new String[]{"train loss", "validation loss", metric, "learning rate"}) {
            if (table.column(column).countMissing() == table.rowCount()) {
                continue;
            }
            LineChart chart = LineChart.of(table, "epoch", column, "run").labels("epoch", column);
            if (column.equals("train loss") && positive(table, column)) {
                chart.logY();
            }
            charts.add(chart);
        }
        String title = runs.length + " runs: " + String.join(", ", table.stringColumn("run").unique().asList());
        return of(title, Math.min(2, charts.size()), charts.toArray(new Figure<?>[0]))
                .size(Math.min(2, charts.size()) * 420, ((charts.size() + 1) / 2) * 300 + 90);
    }

    private static boolean positive(tech.tablesaw.api.Table table, String column) {
        return table.doubleColumn(column).removeMissing().min() > 0;
    }

    /** Adds a subplot (a line chart, bar chart or contour plot) in the next cell. */
    public SmallMultiples add(Figure<?> figure) {
        if (figure == null || !figure.isPanel()) {
            throw new IllegalArgumentException("a " + (figure == null ? "null" : figure.getClass().getSimpleName())
                    + " cannot be a subplot: use line charts, bar charts and contour plots");
        }
        panels.add(figure);
        return this;
    }

    public int panelCount() {
        return panels.size();
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    void checkDrawable() {
        if (panels.isEmpty()) {
            throw new IllegalStateException("the grid '" + title() + "' has no subplots: add some with add(...)");
        }
        panels.forEach(Figure::checkDrawable);
    }

    @Override
    Map<String, Object> plotly(boolean full) {
        Legend legend = new Legend();
        List<Object> data = new ArrayList<>();
        List<Object> annotations = new ArrayList<>();
        Map<String, Object> layout = Charts.layout(title(), width(), height());
        int rows = rows();
        double gapX = 0.08 / columns, gapY = 0.12 / rows;
        for (int k = 0; k < panels.size(); k++) {
            Figure<?> panel = panels.get(k);
            int row = k / columns, column = k % columns;
            String suffix = k == 0 ? "" : String.valueOf(k + 1);
            data.addAll(panel.traces("x" + suffix, "y" + suffix, legend, full));
            double x0 = (double) column / columns + gapX, x1 = (double) (column + 1) / columns - gapX;
            double y1 = 1 - (double) row / rows - gapY, y0 = 1 - (double) (row + 1) / rows + gapY / 2;
            Map<String, Object> xAxis = new LinkedHashMap<>(panel.xAxisSpec());
            xAxis.put("domain", new double[]{x0, x1});
            xAxis.put("anchor", "y" + suffix);
            Map<String, Object> yAxis = new LinkedHashMap<>(panel.yAxisSpec());
            yAxis.put("domain", new double[]{y0, y1});
            yAxis.put("anchor", "x" + suffix);
            layout.put("xaxis" + suffix, xAxis);
            layout.put("yaxis" + suffix, yAxis);
            annotations.add(Map.of("text", "<b>" + escape(panel.title()) + "</b>", "xref", "paper", "yref", "paper",
                    "x", (x0 + x1) / 2, "y", y1, "xanchor", "center", "yanchor", "bottom", "showarrow", false,
                    "font", Map.of("size", 13)));
        }
        layout.put("annotations", annotations);
        layout.put("showlegend", legend.entries().size() > 1);
        layout.put("legend", Map.of("orientation", "h", "x", 0.5, "xanchor", "center", "y", -0.02, "yanchor", "top"));
        layout.put("margin", Map.of("l", 60, "r", 20, "t", 70, "b", 90));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", data);
        spec.put("layout", layout);
        return spec;
    }

    @Override
    BufferedImage draw() {
        Legend legend = new Legend();
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            int top = 0;
            if (!title().isEmpty()) {
                g.setFont(Charts.TITLE);
                g.setColor(Color.BLACK);
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(title(), (width() - metrics.stringWidth(title())) / 2, 6 + metrics.getAscent());
                top = 10 + metrics.getHeight();
            }
            int rows = rows();
            int cellWidth = width() / columns;
            int cellHeight = Math.max(60, (height() - top - LEGEND_ROW - 8) / rows);
            for (int k = 0; k < panels.size(); k++) {
                Figure<?> panel = panels.get(k);
                JFreeChart chart = Charts.chart("", panel.plot(legend), false);
                TextTitle subtitle = new TextTitle(panel.title(), new Font(Charts.FONT_FAMILY, Font.BOLD, 12));
                chart.setTitle(subtitle);
                g.drawImage(Charts.image(chart, cellWidth, cellHeight), (k % columns) * cellWidth,
                        top + (k / columns) * cellHeight, null);
            }
            drawLegend(g, legend, top + rows * cellHeight + 4);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The shared legend: one line swatch and name per series name, centred in a row. */
    private void drawLegend(Graphics2D g, Legend legend, int y) {
        Map<String, Color> entries = legend.entries();
        if (entries.size() < 2) {
            return;
        }
        g.setFont(Charts.LABEL);
        FontMetrics metrics = g.getFontMetrics();
        int total = 0;
        for (String name : entries.keySet()) {
            total += 30 + metrics.stringWidth(name) + 16;
        }
        int x = Math.max(4, (width() - total) / 2);
        int baseline = y + metrics.getAscent();
        g.setStroke(new BasicStroke(2.5f));
        for (Map.Entry<String, Color> entry : entries.entrySet()) {
            g.setColor(entry.getValue());
            int middle = baseline - metrics.getAscent() / 2 + 1;
            g.drawLine(x, middle, x + 24, middle);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), x + 30, baseline);
            x += 30 + metrics.stringWidth(entry.getKey()) + 16;
        }
    }

    @Override
    String describe() {
        return "SmallMultiples '" + title() + "': " + panels.size() + " subplots in " + rows() + "x" + columns;
    }
}
