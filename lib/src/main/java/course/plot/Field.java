package course.plot;

import course.problems.PlotBox;
import java.util.function.DoubleBinaryOperator;

/**
 * A function of (x, y) sampled on a regular grid over a box, as contour plots and surfaces draw it,
 * with the scale its levels are spaced on. On the logarithmic scale the plotted value is
 * {@code log10(f − fmin + offset)} with offset = 10⁻⁵ of the range: the narrow valleys and flat
 * arms of Rosenbrock's or Beale's function get as many contour lines as the steep walls.
 */
final class Field {
    final PlotBox box;
    final double[] xs;
    final double[] ys;
    /** Raw values, {@code z[j][i]} at (xs[i], ys[j]): rows are y, as plotly reads z. */
    final double[][] z;
    final boolean log;
    private final DoubleBinaryOperator function;
    private final double floor;
    private final double offset;

    private Field(DoubleBinaryOperator function, PlotBox box, int n, boolean log, double knownMinimum) {
        if (n < 3) {
            throw new IllegalArgumentException("a grid needs at least 3 points a side, got " + n);
        }
        this.function = function;
        this.box = box;
        this.log = log;
        this.xs = grid(box.xMin(), box.xMax(), n);
        this.ys = grid(box.yMin(), box.yMax(), n);
        this.z = new double[n][n];
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double v = function.applyAsDouble(xs[i], ys[j]);
                z[j][i] = v;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("the function has no finite value on the grid over " + box);
        }
        this.floor = Double.isFinite(knownMinimum) ? Math.min(knownMinimum, min) : min;
        this.offset = Math.max((max - floor) * 1e-5, Double.MIN_NORMAL);
    }

    static Field sample(DoubleBinaryOperator function, PlotBox box, int n, boolean log, double knownMinimum) {
        return new Field(function, box, n, log, knownMinimum);
    }

    private static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + (to - from) * i / (n - 1);
        }
        return g;
    }

    /** The value as plotted (its logarithm on the log scale); NaN stays NaN. */
    double scaled(double value) {
        return log ? Math.log10(Math.max(value - floor, 0) + offset) : value;
    }

    /** The plotted values on the grid. */
    double[][] scaledGrid() {
        double[][] s = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            s[j] = new double[z[j].length];
            for (int i = 0; i < z[j].length; i++) {
                s[j][i] = scaled(z[j][i]);
            }
        }
        return s;
    }

    /** f at a point, scaled: for trajectories lifted onto a surface. */
    double scaledAt(double x, double y) {
        return scaled(function.applyAsDouble(x, y));
    }

    /** Smallest and largest plotted value on the grid. */
    double[] scaledRange() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                double s = scaled(v);
                if (Double.isFinite(s)) {
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
            }
        }
        if (min == max) {
            max = min + 1;
        }
        return new double[]{min, max};
    }

    /**
     * The plotted value below which only this fraction of the grid lies: contour levels start there,
     * so the floor of a valley is not drawn as a rash of tiny islands below the grid's resolution.
     */
    double scaledQuantile(double fraction) {
        double[] all = new double[z.length * z[0].length];
        int n = 0;
        for (double[] row : z) {
            for (double v : row) {
                double s = scaled(v);
                if (Double.isFinite(s)) {
                    all[n++] = s;
                }
            }
        }
        double[] sorted = java.util.Arrays.copyOf(all, n);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(fraction * (n - 1)))];
    }

    /** What the colour bar and the z axis are titled. */
    String valueLabel() {
        return log ? "log₁₀(f − f* + ε)" : "f";
    }
}
