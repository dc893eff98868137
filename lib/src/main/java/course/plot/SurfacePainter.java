package course.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a surface z = f(x, y) in plain Java2D for the PNG of a {@link SurfacePlot}: the box is
 * scaled to [−1, 1]² × [−h, h] (h = {@link #Z_ASPECT}, as the plotly scene's aspect ratio), seen
 * from an azimuth and an elevation by orthographic projection, and its grid cells are filled back
 * to front (painter's algorithm) in viridis by height. Paths are drawn on top.
 */
final class SurfacePainter {
    static final double Z_ASPECT = 0.7;

    /** A path on the surface: scaled z already computed. */
    record Path3(double[] x, double[] y, double[] z, Color color, String label) {
    }

    private final double azimuth;
    private final double elevation;

    SurfacePainter(double azimuthDegrees, double elevationDegrees) {
        this.azimuth = Math.toRadians(azimuthDegrees);
        this.elevation = Math.toRadians(elevationDegrees);
    }

    /** The plotly camera eye for the same view, at distance {@code r} from the centre. */
    static double[] eye(double azimuthDegrees, double elevationDegrees, double r) {
        double az = Math.toRadians(azimuthDegrees), el = Math.toRadians(elevationDegrees);
        return new double[]{r * Math.cos(el) * Math.cos(az), r * Math.cos(el) * Math.sin(az), r * Math.sin(el)};
    }

    BufferedImage paint(String title, String[] axisLabels, Field field, List<Path3> paths, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int top = 0;
            if (!title.isEmpty()) {
                g.setFont(Charts.TITLE);
                g.setColor(Color.BLACK);
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(title, (width - metrics.stringWidth(title)) / 2, 8 + metrics.getAscent());
                top = 12 + metrics.getHeight();
            }
            int barWidth = 70;
            double[] range = field.scaledRange();
            View view = new View(width - barWidth, height - top, top, field, range);
            drawFloor(g, view, axisLabels);
            drawCells(g, view, field, range);
            for (Path3 path : paths) {
                drawPath(g, view, path);
            }
            drawColorBar(g, width - barWidth + 10, top + 20, height - top - 60, range, axisLabels[2]);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Normalised scene coordinates to pixels. */
    private final class View {
        final double cx, cy, scale;
        final double xMin, xSpan, yMin, ySpan, zMin, zSpan;

        View(int width, int height, int top, Field field, double[] range) {
            xMin = field.box.xMin();
            xSpan = field.box.xMax() - field.box.xMin();
            yMin = field.box.yMin();
            ySpan = field.box.yMax() - field.box.yMin();
            zMin = range[0];
            zSpan = range[1] - range[0];
            cx = width / 2.0;
            cy = top + height / 2.0;
            scale = Math.min(width, height) * 0.36;
        }

        double[] normalise(double x, double y, double z) {
            return new double[]{2 * (x - xMin) / xSpan - 1, 2 * (y - yMin) / ySpan - 1,
                    Z_ASPECT * (2 * (Math.max(zMin, Math.min(zMin + zSpan, z)) - zMin) / zSpan - 1)};
        }

        /** Pixel x, pixel y and depth (larger = nearer the viewer). */
        double[] project(double[] p) {
            double ca = Math.cos(azimuth), sa = Math.sin(azimuth), ce = Math.cos(elevation), se = Math.sin(elevation);
            double u = -sa * p[0] + ca * p[1];
            double v = -se * ca * p[0] - se * sa * p[1] + ce * p[2];
            double depth = ce * ca * p[0] + ce * sa * p[1] + se * p[2];
            return new double[]{cx + scale * u, cy - scale * v, depth};
        }

        double[] at(double x, double y, double z) {
            return project(normalise(x, y, z));
        }
    }

    private void drawFloor(Graphics2D g, View view, String[] axisLabels) {
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        Path2D.Double floor = new Path2D.Double();
        for (int k = 0; k < 4; k++) {
            double[] p = view.project(new double[]{corners[k][0], corners[k][1], -Z_ASPECT});
            if (k == 0) {
                floor.moveTo(p[0], p[1]);
            } else {
                floor.lineTo(p[0], p[1]);
            }
        }
        floor.closePath();
        g.setColor(new Color(0xf2f2f2));
        g.fill(floor);
        g.setColor(new Color(0xbbbbbb));
        g.setStroke(new BasicStroke(1f));
        g.draw(floor);
        g.setFont(Charts.LABEL);
        g.setColor(Color.BLACK);
        double[] xLabel = view.project(new double[]{0, -1.25, -Z_ASPECT});
        double[] yLabel = view.project(new double[]{1.25, 0, -Z_ASPECT});
        g.drawString(axisLabels[0], (float) xLabel[0], (float) xLabel[1]);
        g.drawString(axisLabels[1], (float) yLabel[0], (float) yLabel[1]);
    }

    private void drawCells(Graphics2D g, View view, Field field, double[] range) {
        int nx = field.xs.length, ny = field.ys.length;
        double[][] scaled = field.scaledGrid();
        double[][][] projected = new double[ny][nx][];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                projected[j][i] = view.at(field.xs[i], field.ys[j], scaled[j][i]);
            }
        }
        int cells = (nx - 1) * (ny - 1);
        double[] depth = new double[cells];
        Integer[] order = new Integer[cells];
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                int c = j * (nx - 1) + i;
                order[c] = c;
                depth[c] = (projected[j][i][2] + projected[j][i + 1][2] + projected[j + 1][i][2] + projected[j + 1][i + 1][2]) / 4;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(depth[a], depth[b]));
        g.setStroke(new BasicStroke(0.6f));
        Path2D.Double cell = new Path2D.Double();
        for (int c : order) {
            int j = c / (nx - 1), i = c % (nx - 1);
            double mean = (scaled[j][i] + scaled[j][i + 1] + scaled[j + 1][i] + scaled[j + 1][i + 1]) / 4;
            if (!Double.isFinite(mean)) {
                continue;
            }
            cell.reset();
            cell.moveTo(projected[j][i][0], projected[j][i][1]);
            cell.lineTo(projected[j][i + 1][0], projected[j][i + 1][1]);
            cell.lineTo(projected[j + 1][i + 1][0], projected[j + 1][i + 1][1]);
            cell.lineTo(projected[j + 1][i][0], projected[j + 1][i][1]);
            cell.closePath();
            Color color = Palette.viridis((mean - range[0]) / (range[1] - range[0]));
            g.setColor(color);
            g.fill(cell);
            g.setColor(color.darker());
            g.draw(cell);
        }
    }

    private void drawPath(Graphics2D g, View view, Path3 path) {
        Path2D.Double line = new Path2D.Double();
        double[] first = null, last = null;
        for (int k = 0; k < path.x().length; k++) {
            double[] p = view.at(path.x()[k], path.y()[k], path.z()[k]);
            if (k == 0) {
                line.moveTo(p[0], p[1]);
                first = p;
            } else {
                line.lineTo(p[0], p[1]);
            }
            last = p;
        }
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.WHITE);
        g.draw(line);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(path.color());
        g.draw(line);
        if (first != null && path.x().length > 0) {
            marker(g, Markers.Kind.START, first, Color.BLACK);
            marker(g, Markers.Kind.END, last, path.color());
        }
    }

    private static void marker(Graphics2D g, Markers.Kind kind, double[] at, Color fill) {
        java.awt.Shape shape = java.awt.geom.AffineTransform.getTranslateInstance(at[0], at[1])
                .createTransformedShape(Markers.shape(kind));
        g.setStroke(Markers.stroke(kind));
        if (Markers.filled(kind)) {
            g.setColor(fill);
            g.fill(shape);
        }
        g.setColor(Color.BLACK);
        g.draw(shape);
    }

    private static void drawColorBar(Graphics2D g, int x, int y, int height, double[] range, String label) {
        for (int k = 0; k < height; k++) {
            g.setColor(Palette.viridis(1 - (double) k / (height - 1)));
            g.fillRect(x, y + k, 12, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(Charts.TICK);
        g.drawString(String.format(Locale.ROOT, "%.3g", range[1]), x + 16, y + 10);
        g.drawString(String.format(Locale.ROOT, "%.3g", range[0]), x + 16, y + height);
        Font font = Charts.LABEL;
        g.setFont(font.deriveFont(java.awt.geom.AffineTransform.getRotateInstance(-Math.PI / 2)));
        g.drawString(label, x + 50, y + height / 2 + g.getFontMetrics(font).stringWidth(label) / 2);
    }
}
