package course.plot;

import course.optim.Trajectory;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The PNG of a {@link ContourPlot} (and of a race's last frame) in JFreeChart: the contour lines
 * (marching squares, the same levels and colours as the plotly figure) behind the paths, the
 * start/end markers and the critical points, a legend of paths and markers, and a colour bar.
 */
final class ContourPng {
    private ContourPng() {
    }

    /** The plot: contour lines, every path with its start and end, the critical points. */
    static XYPlot plot(ContourPlot contour, Legend legend, Field field) {
        NumberAxis x = (NumberAxis) contour.xAxisSettings().jfree(), y = (NumberAxis) contour.yAxisSettings().jfree();
        x.setRange(contour.box().xMin(), contour.box().xMax());
        y.setRange(contour.box().yMin(), contour.box().yMax());
        XYPlot plot = new XYPlot(null, x, y, null);
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        DefaultXYDataset paths = new DefaultXYDataset();
        XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer(true, false);
        LegendItemCollection items = new LegendItemCollection();
        DefaultXYDataset marks = new DefaultXYDataset();
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        markRenderer.setUseFillPaint(true);
        markRenderer.setUseOutlinePaint(true);
        int markSeries = 0;
        List<Trajectory> trajectories = contour.trajectories();
        for (int i = 0; i < trajectories.size(); i++) {
            Trajectory t = trajectories.get(i);
            double[] xs = t.coordinate(0), ys = t.coordinate(1);
            int n = xs.length;
            Color color = contour.color(i, legend);
            paths.addSeries(i + ":" + t.label(), new double[][]{xs, ys});
            pathRenderer.setSeriesPaint(i, color);
            pathRenderer.setSeriesStroke(i, Charts.LINE);
            if (t.steps() <= ContourPlot.DOTTED_STEPS) {
                pathRenderer.setSeriesShapesVisible(i, true);
                pathRenderer.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
            }
            if (legend.listOnce(t.label())) {
                items.add(new LegendItem(t.label(), null, null, null, false, new Rectangle(), false, color, false,
                        color, Charts.LINE, true, new Line2D.Double(-9, 0, 9, 0), Charts.LINE, color));
            }
            markSeries = addMark(marks, markRenderer, markSeries, Markers.Kind.START, xs[0], ys[0], Color.BLACK);
            markSeries = addMark(marks, markRenderer, markSeries, Markers.Kind.END, xs[n - 1], ys[n - 1], color);
        }
        if (!trajectories.isEmpty()) {
            if (legend.listOnce("start")) {
                items.add(Markers.legendItem(Markers.Kind.START));
            }
            if (legend.listOnce("end")) {
                items.add(Markers.legendItem(Markers.Kind.END));
            }
        }
        for (Markers.Kind kind : new Markers.Kind[]{Markers.Kind.MINIMUM, Markers.Kind.SADDLE}) {
            double[][] points = contour.critical(kind);
            for (int k = 0; k < points[0].length; k++) {
                markSeries = addMark(marks, markRenderer, markSeries, kind, points[0][k], points[1][k], Color.BLACK);
            }
            if (points[0].length > 0 && legend.listOnce(kind.label)) {
                items.add(Markers.legendItem(kind));
            }
        }
        // Datasets draw from the highest index down: paths first, markers on top of them.
        plot.setDataset(0, marks);
        plot.setRenderer(0, markRenderer);
        plot.setDataset(1, paths);
        plot.setRenderer(1, pathRenderer);
        plot.setFixedLegendItems(items);
        pathRenderer.addAnnotation(contourLines(contour, field), Layer.BACKGROUND);
        return plot;
    }

    private static ContourLines contourLines(ContourPlot contour, Field field) {
        int levels = contour.levelCount();
        double[] spacing = contour.levelSpacing(field);
        double[] values = new double[levels];
        for (int k = 0; k < levels; k++) {
            values[k] = spacing[0] + k * spacing[1];
        }
        List<double[]> segments = ContourLines.trace(field.xs, field.ys, field.scaledGrid(), values);
        List<ContourLines.Level> lines = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            lines.add(new ContourLines.Level(values[k], Palette.viridis(ContourPlot.COLOR_TOP * (k + 0.5) / levels),
                    segments.get(k)));
        }
        return new ContourLines(lines);
    }

    private static int addMark(DefaultXYDataset marks, XYLineAndShapeRenderer renderer, int series, Markers.Kind kind,
                               double x, double y, Color fill) {
        marks.addSeries("mark " + series, new double[][]{{x}, {y}});
        renderer.setSeriesShape(series, Markers.shape(kind));
        renderer.setSeriesShapesFilled(series, Markers.filled(kind));
        renderer.setSeriesFillPaint(series, fill);
        renderer.setSeriesPaint(series, Markers.filled(kind) ? fill : Color.BLACK);
        renderer.setSeriesOutlinePaint(series, Color.BLACK);
        renderer.setSeriesOutlineStroke(series, Markers.stroke(kind));
        renderer.setSeriesStroke(series, Markers.stroke(kind));
        return series + 1;
    }

    /** The colour bar beside a standalone contour plot: viridis up to {@link ContourPlot#COLOR_TOP}. */
    static PaintScaleLegend colorBar(Field field) {
        double[] range = field.scaledRange();
        PaintScale scale = new PaintScale() {
            @Override
            public double getLowerBound() {
                return range[0];
            }

            @Override
            public double getUpperBound() {
                return range[1];
            }

            @Override
            public Paint getPaint(double value) {
                return Palette.viridis(ContourPlot.COLOR_TOP * (value - range[0]) / (range[1] - range[0]));
            }
        };
        NumberAxis axis = new NumberAxis(field.valueLabel());
        axis.setRange(range[0], range[1]);
        Charts.style(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(10, 8, 30, 4));
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setSubdivisionCount(200);
        return legend;
    }

    /** The whole chart: title, legend on top (so it never covers the colour bar), plot, colour bar. */
    static JFreeChart chart(ContourPlot contour, Field field) {
        XYPlot plot = plot(contour, new Legend(), field);
        boolean legend = plot.getFixedLegendItems().getItemCount() > 0;
        JFreeChart chart = Charts.chart(contour.title(), plot, legend);
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.TOP);
        }
        chart.addSubtitle(colorBar(field));
        return chart;
    }
}
