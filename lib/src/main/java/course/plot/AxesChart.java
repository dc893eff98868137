package course.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.AbstractRenderer;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What {@link LineChart} and {@link BarChart} share: traces on one x and one y axis, drawn alone or as
 * a panel of {@link SmallMultiples}, with a legend once there is more than one trace. The figure alone
 * is the one-panel case of the grid (the same traces, axes and legend colours), so both go through
 * {@link #traces} and {@link #plot}.
 *
 * @param <F> the chart's own type, so that the shared settings chain
 */
abstract class AxesChart<F extends AxesChart<F>> extends Figure<F> {
    final Axis xAxis;
    final Axis yAxis;

    AxesChart(String title, String xLabel, String yLabel) {
        super(title);
        this.xAxis = new Axis(xLabel);
        this.yAxis = new Axis(yLabel);
    }

    public F labels(String xLabel, String yLabel) {
        xAxis.label(xLabel);
        yAxis.label(yLabel);
        return self();
    }

    /** A logarithmic y axis, for losses that fall over orders of magnitude. */
    public F logY() {
        yAxis.log(true);
        return self();
    }

    /** How many traces (series, groups of bars) the chart holds: more than one gets a legend. */
    abstract int traceCount();

    /** What this kind of chart adds to the plotly layout of the figure alone, after the axes. */
    void addToLayout(Map<String, Object> layout) {
    }

    @Override
    final boolean isPanel() {
        return true;
    }

    @Override
    Map<String, Object> xAxisSpec() {
        return xAxis.plotly();
    }

    @Override
    final Map<String, Object> yAxisSpec() {
        return yAxis.plotly();
    }

    @Override
    final Map<String, Object> plotly(boolean full) {
        Map<String, Object> layout = Charts.layout(title(), width(), height());
        layout.put("xaxis", xAxisSpec());
        layout.put("yaxis", yAxisSpec());
        addToLayout(layout);
        layout.put("showlegend", traceCount() > 1);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", traces("x", "y", new Legend(), full));
        spec.put("layout", layout);
        return spec;
    }

    @Override
    final BufferedImage draw() {
        JFreeChart chart = Charts.chart(title(), plot(new Legend()), traceCount() > 1);
        return Charts.image(chart, width(), height());
    }

    /**
     * Ends a plotly trace with what ties it to the legend and the subplot: one legend group per name,
     * listed the first time the name appears (a grid lists each name once), and the axes it is drawn on.
     */
    static void endTrace(Map<String, Object> trace, String name, Legend legend, String xRef, String yRef) {
        trace.put("legendgroup", name);
        trace.put("showlegend", legend.listOnce(name));
        trace.put("xaxis", xRef);
        trace.put("yaxis", yRef);
    }

    /** The PNG's side of {@link #endTrace}: series {@code index} in the legend's colour for its name, listed once. */
    static void colourAndList(AbstractRenderer renderer, int index, String name, Color color, Legend legend) {
        renderer.setSeriesPaint(index, legend.color(name, color));
        renderer.setSeriesVisibleInLegend(index, legend.listOnce(name));
    }

    /** The table of a chart's {@code of(table, …)}, refused with a message rather than a NullPointerException. */
    static void requireTable(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("the table is null");
        }
    }

    /** The number in a table cell, or an error naming the column when it holds something else. */
    static double number(Column<?> column, int row, String name) {
        Object value = column.get(row);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("column '" + name + "' holds " + column.type() + ", not numbers");
    }
}
