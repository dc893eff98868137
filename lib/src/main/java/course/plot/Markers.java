package course.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.LegendItem;

/**
 * The markers of contour plots and races, drawn alike by plotly and in the PNG: an open circle at
 * each start, a star at each end (in the path's colour), a cross at each minimum and a diamond at
 * each saddle point of the problem.
 */
final class Markers {
    enum Kind {
        START("start", "circle-open", 12),
        END("end", "star", 15),
        MINIMUM("minimum", "x-thin-open", 11),
        SADDLE("saddle point", "diamond-open", 11);

        final String label;
        final String plotlySymbol;
        final int size;

        Kind(String label, String plotlySymbol, int size) {
            this.label = label;
            this.plotlySymbol = plotlySymbol;
            this.size = size;
        }
    }

    private Markers() {
    }

    /** A plotly scatter trace of markers of one kind; colours per point (null: black). */
    static Map<String, Object> trace(Kind kind, double[] x, double[] y, String[] colors, String xRef, String yRef,
                                     boolean legend) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("symbol", kind.plotlySymbol);
        marker.put("size", kind.size);
        marker.put("color", colors == null ? "black" : java.util.List.of(colors));
        marker.put("line", Map.of("color", "black", "width", kind == Kind.END ? 1 : 2));
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "scatter");
        trace.put("mode", "markers");
        trace.put("name", kind.label);
        trace.put("x", x);
        trace.put("y", y);
        trace.put("marker", marker);
        trace.put("legendgroup", kind.label);
        trace.put("showlegend", legend);
        trace.put("hovertemplate", kind.label + " (%{x}, %{y})<extra></extra>");
        trace.put("xaxis", xRef);
        trace.put("yaxis", yRef);
        return trace;
    }

    /** The marker's shape for the PNG, centred on the origin. */
    static Shape shape(Kind kind) {
        double r = kind.size / 2.0;
        return switch (kind) {
            case START -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case END -> star(r);
            case MINIMUM -> cross(r * 0.8);
            case SADDLE -> diamond(r);
        };
    }

    /** Whether the PNG fills the shape (else it strokes its outline). */
    static boolean filled(Kind kind) {
        return kind == Kind.END;
    }

    static BasicStroke stroke(Kind kind) {
        return new BasicStroke(kind == Kind.END ? 1f : 2f);
    }

    /** The legend entry of a marker kind in the PNG. */
    static LegendItem legendItem(Kind kind) {
        Shape shape = shape(kind);
        boolean filled = filled(kind);
        Color fill = filled ? Color.WHITE : Color.BLACK;
        return new LegendItem(kind.label, null, null, null, true, shape, filled, fill, true, Color.BLACK, stroke(kind),
                false, shape, stroke(kind), Color.BLACK);
    }

    private static Shape star(double r) {
        Path2D.Double star = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double radius = k % 2 == 0 ? r : r * 0.45;
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            double px = radius * Math.cos(angle), py = radius * Math.sin(angle);
            if (k == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        return star;
    }

    private static Shape cross(double r) {
        Path2D.Double cross = new Path2D.Double();
        cross.moveTo(-r, -r);
        cross.lineTo(r, r);
        cross.moveTo(-r, r);
        cross.lineTo(r, -r);
        return cross;
    }

    private static Shape diamond(double r) {
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(0, -r);
        diamond.lineTo(r, 0);
        diamond.lineTo(0, r);
        diamond.lineTo(-r, 0);
        diamond.closePath();
        return diamond;
    }
}
