package course.plot;

import course.optim.Trajectory;
import course.problems.CriticalPoint;
import course.problems.PlotBox;
import course.problems.Problem;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * Contour lines of a function of two variables with optimizer trajectories on top, each start
 * marked by a circle and each end by a star; a problem's minima and saddle points are marked too.
 * {@code ContourPlot.of(new Rosenbrock()).trajectory(Trajectory.run(...))}. Levels are spaced on a
 * logarithmic scale for problems bounded below (valleys get lines too), linearly otherwise.
 */
public final class ContourPlot extends Figure<ContourPlot> {
    /** Lines are coloured with viridis up to here: its last, yellow part is invisible on white. */
    static final double COLOR_TOP = 0.85;
    /** Paths with at most this many steps show a dot at every step (the step sizes). */
    static final int DOTTED_STEPS = 150;
    /** A notebook shows at most this many points of a path (evenly sampled, the last one kept). */
    static final int SHOWN_PATH_POINTS = 400;

    private final DoubleBinaryOperator function;
    private final Problem problem;
    private PlotBox box;
    private boolean log;
    private int levels = 20;
    private int grid = 80;
    private boolean criticalPoints = true;
    private final Axis xAxis = new Axis("x");
    private final Axis yAxis = new Axis("y");
    private final List<Trajectory> trajectories = new ArrayList<>();
    private final List<Color> colors = new ArrayList<>();

    private ContourPlot(String title, DoubleBinaryOperator function, PlotBox box, Problem problem, boolean log) {
        super(title);
        this.function = function;
        this.box = box;
        this.problem = problem;
        this.log = log;
    }

    /** The problem's contours over its plot box; log-spaced levels if it is bounded below. */
    public static ContourPlot of(Problem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("the problem is null");
        }
        if (problem.dimension() != 2) {
            throw new IllegalArgumentException("a contour plot needs a function of two variables; " + problem.name()
                    + " has " + problem.dimension());
        }
        double[] point = new double[2];
        DoubleBinaryOperator f = (x, y) -> {
            point[0] = x;
            point[1] = y;
            return problem.value(point);
        };
        return new ContourPlot(problem.name() + ": f = " + problem.formula(), f, problem.plotBox(), problem,
                Double.isFinite(problem.minimumValue()));
    }

    /** Contours of any f(x, y) over a box, linear levels. */
    public static ContourPlot of(String title, DoubleBinaryOperator f, PlotBox box) {
        if (f == null || box == null) {
            throw new IllegalArgumentException("a contour plot needs a function and a box");
        }
        return new ContourPlot(title, f, box, null, false);
    }

    /** Another window onto the function (zoom in on a valley). */
    public ContourPlot box(PlotBox box) {
        if (box == null) {
            throw new IllegalArgumentException("the box is null");
        }
        this.box = box;
        return this;
    }

    public PlotBox box() {
        return box;
    }

    /** Log-spaced (true) or evenly spaced (false) levels. */
    public ContourPlot logLevels(boolean log) {
        this.log = log;
        return this;
    }

    /** How many contour lines (default 20). */
    public ContourPlot levels(int levels) {
        if (levels < 2 || levels > 200) {
            throw new IllegalArgumentException("levels must be in 2..200, got " + levels);
        }
        this.levels = levels;
        return this;
    }

    /** Samples per side of the grid the contours are computed on (default 80). */
    public ContourPlot grid(int grid) {
        if (grid < 10 || grid > 400) {
            throw new IllegalArgumentException("grid must be in 10..400, got " + grid);
        }
        this.grid = grid;
        return this;
    }

    /** Whether to mark the problem's minima and saddle points (default true). */
    public ContourPlot criticalPoints(boolean show) {
        this.criticalPoints = show;
        return this;
    }

    public ContourPlot labels(String xLabel, String yLabel) {
        xAxis.label(xLabel);
        yAxis.label(yLabel);
        return this;
    }

    /** Adds an optimizer's path (its first two coordinates), in the palette's next colour. */
    public ContourPlot trajectory(Trajectory trajectory) {
        return trajectory(trajectory, null);
    }

    public ContourPlot trajectory(Trajectory trajectory, Color color) {
        if (trajectory == null) {
            throw new IllegalArgumentException("the trajectory is null");
        }
        if (trajectory.dimension() < 2) {
            throw new IllegalArgumentException("trajectory '" + trajectory.label() + "' is 1-dimensional");
        }
        trajectories.add(trajectory);
        colors.add(color);
        return this;
    }

    public ContourPlot trajectories(Trajectory... added) {
        for (Trajectory t : added) {
            trajectory(t);
        }
        return this;
    }

    public ContourPlot trajectories(List<Trajectory> added) {
        added.forEach(this::trajectory);
        return this;
    }

    public List<Trajectory> trajectories() {
        return List.copyOf(trajectories);
    }

    // ---- pieces shared with the race animation ----------------------------------------------------

    Field field() {
        double minimum = problem == null ? Double.NaN : problem.minimumValue();
        return Field.sample(function, box, grid, log, minimum);
    }

    /** Contour level values on the plotted scale: {start, size}, from the grid's lowest 2 % to its top. */
    double[] levelSpacing(Field field) {
        double low = field.scaledQuantile(0.02), high = field.scaledRange()[1];
        double size = (high - low) / levels;
        return new double[]{low + size / 2, size};
    }

    Map<String, Object> contourTrace(Field field, String xRef, String yRef, boolean colorBar) {
        double[] spacing = levelSpacing(field);
        Map<String, Object> contours = new LinkedHashMap<>();
        contours.put("coloring", "lines");
        contours.put("start", spacing[0]);
        contours.put("end", spacing[0] + (levels - 1) * spacing[1]);
        contours.put("size", spacing[1]);
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "contour");
        trace.put("name", "f");
        trace.put("x", field.xs);
        trace.put("y", field.ys);
        trace.put("z", List.of(field.scaledGrid()));
        trace.put("autocontour", false);
        trace.put("contours", contours);
        trace.put("colorscale", Palette.plotlyViridis(COLOR_TOP));
        trace.put("line", Map.of("width", 1.1));
        trace.put("showscale", colorBar);
        if (colorBar) {
            trace.put("colorbar", Map.of("title", Map.of("text", field.valueLabel(), "side", "right"), "thickness", 14));
        }
        trace.put("showlegend", false);
        trace.put("hovertemplate", "x=%{x:.4g}, y=%{y:.4g}<br>" + field.valueLabel() + "=%{z:.4g}<extra></extra>");
        trace.put("xaxis", xRef);
        trace.put("yaxis", yRef);
        return trace;
    }

    /** Path t as shown: every point if {@code full} or short enough, else evenly sampled: {xs, ys}. */
    static double[][] shownPath(Trajectory t, boolean full) {
        double[] xs = t.coordinate(0), ys = t.coordinate(1);
        if (full || xs.length <= SHOWN_PATH_POINTS) {
            return new double[][]{xs, ys};
        }
        return sampled(xs, ys, xs.length - 1, (int) Math.ceil((double) xs.length / SHOWN_PATH_POINTS));
    }

    /** Points 0, stride, 2·stride, ... up to {@code last}, and {@code last} itself: {xs, ys}. */
    static double[][] sampled(double[] xs, double[] ys, int last, int stride) {
        int n = last / stride + 1 + (last % stride == 0 ? 0 : 1);
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i <= last; i += stride) {
            out[0][k] = xs[i];
            out[1][k++] = ys[i];
        }
        if (last % stride != 0) {
            out[0][k] = xs[last];
            out[1][k] = ys[last];
        }
        return out;
    }

    Color color(int index, Legend legend) {
        return legend.color(trajectories.get(index).label(), colors.get(index));
    }

    /** One trajectory's path as a plotly trace through the given points {xs, ys}. */
    Map<String, Object> pathTrace(int index, Legend legend, String xRef, String yRef, double[][] xy) {
        Trajectory t = trajectories.get(index);
        String color = Palette.hex(color(index, legend));
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "scatter");
        trace.put("mode", t.steps() <= DOTTED_STEPS ? "lines+markers" : "lines");
        trace.put("name", t.label());
        trace.put("x", xy[0]);
        trace.put("y", xy[1]);
        trace.put("line", Map.of("color", color, "width", 2));
        trace.put("marker", Map.of("color", color, "size", 4));
        trace.put("legendgroup", t.label());
        trace.put("showlegend", legend.listOnce(t.label()));
        trace.put("xaxis", xRef);
        trace.put("yaxis", yRef);
        return trace;
    }

    /** Start, end and critical-point markers; each kind listed once in the legend. */
    List<Map<String, Object>> markerTraces(Legend legend, String xRef, String yRef, double[][] ends) {
        List<Map<String, Object>> traces = new ArrayList<>();
        if (trajectories.isEmpty()) {
            return traces;
        }
        int n = trajectories.size();
        double[] sx = new double[n], sy = new double[n];
        String[] endColors = new String[n];
        for (int i = 0; i < n; i++) {
            double[] start = trajectories.get(i).point(0);
            sx[i] = start[0];
            sy[i] = start[1];
            endColors[i] = Palette.hex(color(i, legend));
        }
        traces.add(Markers.trace(Markers.Kind.START, sx, sy, null, xRef, yRef, legend.listOnce("start")));
        traces.add(Markers.trace(Markers.Kind.END, ends[0], ends[1], endColors, xRef, yRef, legend.listOnce("end")));
        return traces;
    }

    /** The ends of every path: {xs, ys}. */
    double[][] ends() {
        int n = trajectories.size();
        double[][] ends = new double[2][n];
        for (int i = 0; i < n; i++) {
            double[] last = trajectories.get(i).last();
            ends[0][i] = last[0];
            ends[1][i] = last[1];
        }
        return ends;
    }

    /** Critical points of the problem inside the box: kind, x, y. */
    List<Map<String, Object>> criticalTraces(Legend legend, String xRef, String yRef) {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (Markers.Kind kind : new Markers.Kind[]{Markers.Kind.MINIMUM, Markers.Kind.SADDLE}) {
            double[][] points = critical(kind);
            if (points[0].length > 0) {
                traces.add(Markers.trace(kind, points[0], points[1], null, xRef, yRef, legend.listOnce(kind.label)));
            }
        }
        return traces;
    }

    /** Critical points of this kind inside the box (if shown): {xs, ys}. */
    double[][] critical(Markers.Kind kind) {
        List<double[]> found = new ArrayList<>();
        if (problem != null && criticalPoints) {
            for (CriticalPoint point : problem.criticalPoints()) {
                boolean wanted = kind == Markers.Kind.MINIMUM ? point.kind().isMinimum()
                        : point.kind() == CriticalPoint.Kind.SADDLE;
                if (wanted && box.contains(point.point())) {
                    found.add(point.point());
                }
            }
        }
        double[][] xy = new double[2][found.size()];
        for (int i = 0; i < found.size(); i++) {
            xy[0][i] = found.get(i)[0];
            xy[1][i] = found.get(i)[1];
        }
        return xy;
    }

    Map<String, Object> boxedAxis(Axis axis, double min, double max) {
        Axis fixed = axis.copy();
        fixed.range(min, max);
        return fixed.plotly();
    }

    // ---- Figure and subplot ----------------------------------------------------------------------

    @Override
    boolean isPanel() {
        return true;
    }

    @Override
    void checkDrawable() {
        field();
    }

    @Override
    List<Map<String, Object>> traces(String xRef, String yRef, Legend legend, boolean full) {
        return traces(field(), xRef, yRef, legend, false, full);
    }

    private List<Map<String, Object>> traces(Field field, String xRef, String yRef, Legend legend, boolean colorBar,
                                             boolean full) {
        List<Map<String, Object>> traces = new ArrayList<>();
        traces.add(contourTrace(field, xRef, yRef, colorBar));
        for (int i = 0; i < trajectories.size(); i++) {
            traces.add(pathTrace(i, legend, xRef, yRef, shownPath(trajectories.get(i), full)));
        }
        traces.addAll(markerTraces(legend, xRef, yRef, ends()));
        traces.addAll(criticalTraces(legend, xRef, yRef));
        return traces;
    }

    @Override
    Map<String, Object> xAxisSpec() {
        return boxedAxis(xAxis, box.xMin(), box.xMax());
    }

    @Override
    Map<String, Object> yAxisSpec() {
        return boxedAxis(yAxis, box.yMin(), box.yMax());
    }

    /** The legend on top, so that it never covers the colour bar on the right. */
    static Map<String, Object> topLegend() {
        return Map.of("orientation", "h", "x", 0, "xanchor", "left", "y", 1.0, "yanchor", "bottom");
    }

    @Override
    Map<String, Object> plotly(boolean full) {
        Map<String, Object> layout = Charts.layout(title(), width(), height());
        layout.put("xaxis", xAxisSpec());
        layout.put("yaxis", yAxisSpec());
        layout.put("legend", topLegend());
        layout.put("margin", Map.of("l", 70, "r", 30, "t", 100, "b", 60));
        layout.put("showlegend", !trajectories.isEmpty() || !criticalTraces(new Legend(), "x", "y").isEmpty());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", traces(field(), "x", "y", new Legend(), true, full));
        spec.put("layout", layout);
        return spec;
    }

    @Override
    Plot plot(Legend legend) {
        return ContourPng.plot(this, legend, field());
    }

    /** The PNG's chart: the plot, the legend on top, the colour bar. */
    JFreeChart chart(Field field) {
        return ContourPng.chart(this, field);
    }

    Axis xAxisSettings() {
        return xAxis;
    }

    Axis yAxisSettings() {
        return yAxis;
    }

    int levelCount() {
        return levels;
    }

    @Override
    BufferedImage draw() {
        return Charts.image(chart(field()), width(), height());
    }

    @Override
    String describe() {
        int steps = trajectories.stream().mapToInt(Trajectory::steps).sum();
        return "ContourPlot '" + title() + "': " + levels + " levels on a " + grid + "x" + grid + " grid, "
                + trajectories.size() + " trajectories, " + steps + " steps";
    }
}
