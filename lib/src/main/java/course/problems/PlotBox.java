package course.problems;

/**
 * The window a lesson plots a problem in. For a 2-D problem, the x and y ranges of the contour plot;
 * for a 1-D problem, the x range of the curve and the range of f values (y) to show; for an
 * n-dimensional quadratic, the ranges of its first two coordinates.
 */
public record PlotBox(double xMin, double xMax, double yMin, double yMax) {
    public PlotBox {
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)
                || !Double.isFinite(yMin) || !Double.isFinite(yMax)) {
            throw new IllegalArgumentException("a plot box needs finite ranges with min < max, got x in ["
                    + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]");
        }
    }

    /** True where the point lies inside the box (edges included); a 1-D point checks x only. */
    public boolean contains(double... point) {
        boolean xInside = point[0] >= xMin && point[0] <= xMax;
        return point.length == 1 ? xInside : xInside && point[1] >= yMin && point[1] <= yMax;
    }
}
