package course.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Contour lines by marching squares, drawn into a JFreeChart plot: for each level, every grid cell
 * whose corners lie on both sides of it contributes one segment (two at a saddle cell, resolved by
 * the cell's mean), its ends interpolated linearly along the cell's edges.
 */
final class ContourLines extends AbstractXYAnnotation {
    /** One level's segments: x1, y1, x2, y2, ... in data coordinates. */
    record Level(double value, Color color, double[] segments) {
    }

    private final List<Level> levels;

    ContourLines(List<Level> levels) {
        this.levels = List.copyOf(levels);
    }

    /** The segments of every level through the grid {@code v[j][i]} at (xs[i], ys[j]). */
    static List<double[]> trace(double[] xs, double[] ys, double[][] v, double[] levelValues) {
        List<double[]> out = new ArrayList<>();
        for (double level : levelValues) {
            double[] buffer = new double[64];
            int n = 0;
            for (int j = 0; j + 1 < ys.length; j++) {
                for (int i = 0; i + 1 < xs.length; i++) {
                    double a = v[j][i], b = v[j][i + 1], c = v[j + 1][i + 1], d = v[j + 1][i];
                    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                        continue;
                    }
                    int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                    if (index == 0 || index == 15) {
                        continue;
                    }
                    double x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
                    // Crossing points on the bottom, right, top and left edges.
                    double[] bottom = {lerp(x0, x1, a, b, level), y0};
                    double[] right = {x1, lerp(y0, y1, b, c, level)};
                    double[] top = {lerp(x0, x1, d, c, level), y1};
                    double[] left = {x0, lerp(y0, y1, a, d, level)};
                    double[][] pairs = switch (index) {
                        case 1, 14 -> new double[][]{left, bottom};
                        case 2, 13 -> new double[][]{bottom, right};
                        case 3, 12 -> new double[][]{left, right};
                        case 4, 11 -> new double[][]{right, top};
                        case 6, 9 -> new double[][]{bottom, top};
                        case 7, 8 -> new double[][]{left, top};
                        case 5 -> (a + b + c + d) / 4 > level
                                ? new double[][]{left, top, bottom, right} : new double[][]{left, bottom, right, top};
                        case 10 -> (a + b + c + d) / 4 > level
                                ? new double[][]{left, bottom, right, top} : new double[][]{left, top, bottom, right};
                        default -> new double[0][];
                    };
                    for (double[] p : pairs) {
                        if (n + 2 > buffer.length) {
                            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                        }
                        buffer[n++] = p[0];
                        buffer[n++] = p[1];
                    }
                }
            }
            out.add(java.util.Arrays.copyOf(buffer, n));
        }
        return out;
    }

    private static double lerp(double p0, double p1, double v0, double v1, double level) {
        double t = (level - v0) / (v1 - v0);
        return p0 + t * (p1 - p0);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        PlotOrientation orientation = plot.getOrientation();
        RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), orientation);
        RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), orientation);
        // Without anti-aliasing: thin lines stay crisp and the PNG is a third of the size (measured).
        Object hint = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setStroke(new BasicStroke(1.1f));
        Line2D.Double line = new Line2D.Double();
        for (Level level : levels) {
            g2.setPaint(level.color());
            double[] s = level.segments();
            for (int k = 0; k + 3 < s.length; k += 4) {
                line.setLine(domainAxis.valueToJava2D(s[k], dataArea, xEdge), rangeAxis.valueToJava2D(s[k + 1], dataArea, yEdge),
                        domainAxis.valueToJava2D(s[k + 2], dataArea, xEdge), rangeAxis.valueToJava2D(s[k + 3], dataArea, yEdge));
                g2.draw(line);
            }
        }
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, hint);
    }
}
