package course.plot;

import course.train.History;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Curves against steps, epochs or time: any number of series, linear or logarithmic axes, one
 * legend. {@code LineChart.titled("loss").logY().series("SGD", losses)}; from a tablesaw table, one
 * series per group: {@code LineChart.of(table, "epoch", "validation loss", "run")}; from training
 * runs: {@code LineChart.histories("train loss", sgd, adam)}.
 *
 * <p>Series longer than {@link #maxPoints(int)} (default 1000) are thinned for the notebook and the
 * PNG with largest-triangle-three-buckets, which keeps spikes and oscillations; the saved JSON and
 * HTML keep every point.
 */
public final class LineChart extends AxesChart<LineChart> {
    private record Series(String name, double[] x, double[] y, Color color) {
    }

    private final List<Series> series = new ArrayList<>();
    private boolean markers;
    private int maxPoints = 1000;

    private LineChart(String title) {
        super(title, "x", "y");
    }

    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    /**
     * One series per distinct value of {@code group} (in order of first appearance), {@code y}
     * against {@code x}; rows where x or y is missing are left out. Without a group column (null),
     * one series named after {@code y}.
     */
    public static LineChart of(Table table, String x, String y, String group) {
        requireTable(table);
        Column<?> xs = column(table, x), ys = column(table, y), groups = group == null ? null : column(table, group);
        Map<String, double[][]> byGroup = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (xs.isMissing(row) || ys.isMissing(row)) {
                continue;
            }
            String key = groups == null ? y : groups.getString(row);
            double[][] points = byGroup.computeIfAbsent(key, k -> new double[2][table.rowCount()]);
            int n = sizes.merge(key, 1, Integer::sum) - 1;
            points[0][n] = number(xs, row, x);
            points[1][n] = number(ys, row, y);
        }
        if (byGroup.isEmpty()) {
            throw new IllegalArgumentException("the table '" + table.name() + "' has no rows with both " + x + " and " + y);
        }
        LineChart chart = new LineChart(y + (group == null ? "" : " by " + group)).labels(x, y);
        byGroup.forEach((key, points) -> {
            int n = sizes.get(key);
            chart.series(key, Arrays.copyOf(points[0], n), Arrays.copyOf(points[1], n));
        });
        return chart;
    }

    /**
     * A column of {@link History#table} (such as "train loss", "validation loss", "learning rate")
     * per epoch, one series per run, named by the runs' labels.
     */
    public static LineChart histories(String column, History... runs) {
        return of(History.table(runs), "epoch", column, "run").labels("epoch", column);
    }

    /** A logarithmic x axis, e.g. for a sweep over learning rates. */
    public LineChart logX() {
        xAxis.log(true);
        return this;
    }

    public LineChart xRange(double min, double max) {
        xAxis.range(min, max);
        return this;
    }

    public LineChart yRange(double min, double max) {
        yAxis.range(min, max);
        return this;
    }

    /** Marks every point, not only the line between them. */
    public LineChart markers() {
        this.markers = true;
        return this;
    }

    /** At most this many points per series in the notebook and the PNG (at least 10). */
    public LineChart maxPoints(int maxPoints) {
        if (maxPoints < 10) {
            throw new IllegalArgumentException("maxPoints must be at least 10, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
        return this;
    }

    /** Adds a series y against its index 0, 1, 2, ... (step k, epoch). */
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

    /** Adds a series in a chosen colour (by default the palette's next colour). */
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
        Series added = new Series(name == null ? "series " + (series.size() + 1) : name, x.clone(), y.clone(), color);
        checkLog(added);
        series.add(added);
        return this;
    }

    private void checkLog(Series s) {
        for (int i = 0; i < s.y().length; i++) {
            if ((yAxis.isLog() && s.y()[i] <= 0) || (xAxis.isLog() && s.x()[i] <= 0)) {
                throw new IllegalArgumentException("series '" + s.name() + "' has (x=" + s.x()[i] + ", y=" + s.y()[i]
                        + ") at index " + i + ", which a logarithmic axis cannot show");
            }
        }
    }

    public int seriesCount() {
        return series.size();
    }

    /** The names of the series, in the order they were added. */
    public List<String> seriesNames() {
        return series.stream().map(Series::name).toList();
    }

    // ---- Figure and subplot ----------------------------------------------------------------------

    @Override
    int traceCount() {
        return series.size();
    }

    @Override
    void checkDrawable() {
        if (series.isEmpty()) {
            throw new IllegalStateException("the chart '" + title() + "' has no series: add one with series(...)");
        }
        series.forEach(this::checkLog);
    }

    /** The series as drawn: thinned to maxPoints unless {@code full}. */
    private double[][] shown(Series s, boolean full) {
        if (full || s.x().length <= maxPoints) {
            return new double[][]{s.x(), s.y()};
        }
        int[] kept = Downsample.lttb(s.x(), s.y(), maxPoints, xAxis.isLog(), yAxis.isLog());
        return new double[][]{Downsample.pick(s.x(), kept), Downsample.pick(s.y(), kept)};
    }

    @Override
    List<Map<String, Object>> traces(String xRef, String yRef, Legend legend, boolean full) {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (Series s : series) {
            double[][] points = shown(s, full);
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "scatter");
            trace.put("mode", markers ? "lines+markers" : "lines");
            trace.put("name", s.name());
            trace.put("x", points[0]);
            trace.put("y", points[1]);
            trace.put("line", Map.of("color", Palette.hex(legend.color(s.name(), s.color())), "width", 2));
            endTrace(trace, s.name(), legend, xRef, yRef);
            traces.add(trace);
        }
        return traces;
    }

    @Override
    Plot plot(Legend legend) {
        DefaultXYDataset dataset = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            // Same-named series are distinct keys for JFreeChart; the legend lists a name once.
            dataset.addSeries(i + ":" + s.name(), shown(s, false));
            renderer.setSeriesStroke(i, Charts.LINE);
            colourAndList(renderer, i, s.name(), s.color(), legend);
        }
        renderer.setLegendItemLabelGenerator((data, index) -> series.get(index).name());
        XYPlot plot = new XYPlot(dataset, xAxis.jfree(), yAxis.jfree(), renderer);
        Charts.style(plot);
        return plot;
    }

    @Override
    String describe() {
        int points = series.stream().mapToInt(s -> s.y().length).sum();
        return "LineChart '" + title() + "': " + series.size() + " series, " + points + " points";
    }
}
