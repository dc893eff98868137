package course.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bars per category, grouped side by side when there are several groups: final losses per
 * optimizer, steps to converge per learning rate. {@code BarChart.titled("final loss")
 * .bars("quick", new String[]{"SGD", "Adam"}, new double[]{0.3, 0.1})}; from a tablesaw table:
 * {@code BarChart.of(table, "optimizer", "final loss", null)}.
 */
public final class BarChart extends AxesChart<BarChart> {
    private record Group(String name, Map<String, Double> values, Color color) {
    }

    private final Set<String> categories = new LinkedHashSet<>();
    private final List<Group> groups = new ArrayList<>();

    private BarChart(String title) {
        super(title, "", ""); // x: the categories, y: the values
    }

    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    /** {@code value} per {@code category}, one group of bars per value of {@code group} (null: one group). */
    public static BarChart of(Table table, String category, String value, String group) {
        requireTable(table);
        if (category == null || value == null) {
            throw new IllegalArgumentException("name the category and the value columns");
        }
        Column<?> categories = column(table, category), values = column(table, value);
        Column<?> groups = group == null ? null : column(table, group);
        Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (values.isMissing(row)) {
                continue;
            }
            double barValue = number(values, row, value);
            byGroup.computeIfAbsent(groups == null ? value : groups.getString(row), k -> new LinkedHashMap<>())
                    .put(categories.getString(row), barValue);
        }
        BarChart chart = new BarChart(value + " by " + category).labels(category, value);
        byGroup.forEach((name, bars) -> chart.bars(name, bars.keySet().toArray(new String[0]),
                bars.values().stream().mapToDouble(Double::doubleValue).toArray()));
        return chart;
    }

    public BarChart bars(String group, String[] categoryNames, double[] values) {
        return bars(group, categoryNames, values, null);
    }

    /** Adds a group of bars: {@code values[i]} for {@code categoryNames[i]}. */
    public BarChart bars(String group, String[] categoryNames, double[] values, Color color) {
        if (categoryNames == null || values == null || categoryNames.length != values.length || values.length == 0) {
            throw new IllegalArgumentException("group '" + group + "': give one value per category, got "
                    + (categoryNames == null ? "null" : categoryNames.length) + " categories and "
                    + (values == null ? "null" : values.length) + " values");
        }
        Map<String, Double> bars = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("group '" + group + "', category '" + categoryNames[i]
                        + "': the value " + values[i] + " is not finite");
            }
            bars.put(String.valueOf(categoryNames[i]), values[i]);
        }
        categories.addAll(bars.keySet());
        groups.add(new Group(group == null ? "group " + (groups.size() + 1) : group, bars, color));
        return this;
    }

    @Override
    int traceCount() {
        return groups.size();
    }

    @Override
    void checkDrawable() {
        if (groups.isEmpty()) {
            throw new IllegalStateException("the bar chart '" + title() + "' has no bars: add some with bars(...)");
        }
        for (Group g : groups) {
            for (Map.Entry<String, Double> bar : g.values().entrySet()) {
                if (yAxis.isLog() && bar.getValue() <= 0) {
                    throw new IllegalArgumentException("group '" + g.name() + "', category '" + bar.getKey() + "' is "
                            + bar.getValue() + ", which a logarithmic axis cannot show");
                }
            }
        }
    }

    @Override
    List<Map<String, Object>> traces(String xRef, String yRef, Legend legend, boolean full) {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (Group g : groups) {
            List<String> names = new ArrayList<>(g.values().keySet());
            double[] values = g.values().values().stream().mapToDouble(Double::doubleValue).toArray();
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "bar");
            trace.put("name", g.name());
            trace.put("x", names);
            trace.put("y", values);
            trace.put("marker", Map.of("color", Palette.hex(legend.color(g.name(), g.color()))));
            endTrace(trace, g.name(), legend, xRef, yRef);
            traces.add(trace);
        }
        return traces;
    }

    @Override
    Map<String, Object> xAxisSpec() {
        Map<String, Object> axis = new LinkedHashMap<>(xAxis.plotly());
        axis.put("type", "category");
        axis.put("gridcolor", "rgba(0,0,0,0)");
        return axis;
    }

    @Override
    void addToLayout(Map<String, Object> layout) {
        layout.put("barmode", "group");
    }

    @Override
    Plot plot(Legend legend) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            String key = i + ":" + g.name();
            for (String category : categories) {
                Double value = g.values().get(category);
                dataset.addValue(value, key, category);
            }
            colourAndList(renderer, i, g.name(), g.color(), legend);
        }
        renderer.setLegendItemLabelGenerator((data, series) -> groups.get(series).name());
        CategoryAxis x = new CategoryAxis(xAxis.label());
        Charts.style(x);
        x.setCategoryMargin(0.2);
        CategoryPlot plot = new CategoryPlot(dataset, x, yAxis.jfree(), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setOutlinePaint(Charts.FRAME);
        return plot;
    }

    @Override
    String describe() {
        return "BarChart '" + title() + "': " + groups.size() + " groups, " + categories.size() + " categories";
    }
}
