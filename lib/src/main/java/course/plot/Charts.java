package course.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by the PNGs (JFreeChart) and the plotly layouts, so both show the same figure. */
final class Charts {
    static final String FONT_FAMILY = "SansSerif";
    static final Font TITLE = new Font(FONT_FAMILY, Font.BOLD, 15);
    static final Font LABEL = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font TICK = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Color GRID = new Color(0xe5e5e5);
    static final Color FRAME = new Color(0x444444);
    static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Charts() {
    }

    static void style(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setAxisLinePaint(FRAME);
        axis.setTickMarkPaint(FRAME);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(FRAME);
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(FRAME);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A chart with the course's title, background and (optionally) a legend on the right. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            TextTitle text = chart.getTitle();
            text.setPaint(Color.BLACK);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.RIGHT);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemFont(LABEL);
            legendTitle.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** The plotly layout every figure starts from: title, size, font, white background. */
    static Map<String, Object> layout(String title, int width, int height) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", ordered("text", title, "x", 0.5, "xanchor", "center", "y", 0.98, "yanchor", "top",
                "font", ordered("size", 16)));
        layout.put("width", width);
        layout.put("height", height);
        layout.put("autosize", false);
        layout.put("font", ordered("family", "DejaVu Sans, Verdana, Arial, sans-serif", "size", 12));
        layout.put("paper_bgcolor", "white");
        layout.put("plot_bgcolor", "white");
        layout.put("margin", ordered("l", 70, "r", 30, "t", title.isEmpty() ? 30 : 60, "b", 60));
        return layout;
    }

    /**
     * A map that keeps its keys in the order given, for figure JSON: {@code Map.of} iterates in an
     * order that changes from one JVM to the next, so a re-run notebook's HTML would differ by key
     * order alone. Arguments alternate key, value.
     */
    static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("ordered(...) takes keys and values in pairs, got "
                    + keysAndValues.length + " arguments");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("ordered(...): argument " + i + " must be a String key, got " + keysAndValues[i]);
            }
            if (map.containsKey(key)) {
                throw new IllegalArgumentException("ordered(...): the key '" + key + "' is given twice");
            }
            map.put(key, keysAndValues[i + 1]);
        }
        return map;
    }
}
