package course.plot;

import course.optim.Trajectory;
import course.problems.PlotBox;
import course.problems.Problem;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A function of two variables as a 3-D surface, optionally with optimizer paths lying on it: the
 * interactive figure can be turned with the mouse; the PNG shows it from the same azimuth and
 * elevation. {@code SurfacePlot.of(new Saddle()).trajectory(path)}.
 */
public final class SurfacePlot extends Figure<SurfacePlot> {
    private final DoubleBinaryOperator function;
    private final Problem problem;
    private final PlotBox box;
    private boolean log;
    private int grid = 40;
    private double azimuth = -60;
    private double elevation = 30;
    private String xLabel = "x";
    private String yLabel = "y";
    private final List<Trajectory> trajectories = new ArrayList<>();

    private SurfacePlot(String title, DoubleBinaryOperator function, PlotBox box, Problem problem) {
        super(title);
        this.function = function;
        this.box = box;
        this.problem = problem;
        size(640, 520);
    }

    /** The problem over its plot box, on a linear scale (see {@link #logScale}). */
    public static SurfacePlot of(Problem problem) {
        if (problem == null || problem.dimension() != 2) {
            throw new IllegalArgumentException("a surface needs a problem of two variables"
                    + (problem == null ? "" : "; " + problem.name() + " has " + problem.dimension()));
        }
        double[] point = new double[2];
        DoubleBinaryOperator f = (x, y) -> {
            point[0] = x;
            point[1] = y;
            return problem.value(point);
        };
        return new SurfacePlot(problem.name() + ": f = " + problem.formula(), f, problem.plotBox(), problem);
    }

    public static SurfacePlot of(String title, DoubleBinaryOperator f, PlotBox box) {
        if (f == null || box == null) {
            throw new IllegalArgumentException("a surface needs a function and a box");
        }
        return new SurfacePlot(title, f, box, null);
    }

    /** Plot log₁₀(f − f* + ε) instead of f: for functions that rise over orders of magnitude. */
    public SurfacePlot logScale(boolean log) {
        this.log = log;
        return this;
    }

    /** Samples per side (default 40). */
    public SurfacePlot grid(int grid) {
        if (grid < 5 || grid > 200) {
            throw new IllegalArgumentException("grid must be in 5..200, got " + grid);
        }
        this.grid = grid;
        return this;
    }

    /** Where the viewer stands: azimuth around the vertical axis from +x, elevation above the x-y plane, in degrees. */
    public SurfacePlot view(double azimuthDegrees, double elevationDegrees) {
        if (!(elevationDegrees > -90 && elevationDegrees < 90) || !Double.isFinite(azimuthDegrees)) {
            throw new IllegalArgumentException("elevation must lie strictly between -90 and 90 degrees, got " + elevationDegrees);
        }
        this.azimuth = azimuthDegrees;
        this.elevation = elevationDegrees;
        return this;
    }

    public SurfacePlot labels(String x, String y) {
        this.xLabel = x == null ? "" : x;
        this.yLabel = y == null ? "" : y;
        return this;
    }

    public SurfacePlot trajectory(Trajectory trajectory) {
        if (trajectory == null || trajectory.dimension() < 2) {
            throw new IllegalArgumentException("a surface path needs a trajectory of (at least) two coordinates");
        }
        trajectories.add(trajectory);
        return this;
    }

    private Field field() {
        return Field.sample(function, box, grid, log, problem == null ? Double.NaN : problem.minimumValue());
    }

    /**
     * The paths with z on the plotted scale, lifted by 1 % of the range so they show above the
     * surface, each up to where it first leaves the box (beyond, there is no surface to lie on).
     */
    private List<SurfacePainter.Path3> paths(Field field) {
        double[] range = field.scaledRange();
        double lift = 0.01 * (range[1] - range[0]);
        Legend legend = new Legend();
        List<SurfacePainter.Path3> paths = new ArrayList<>();
        for (Trajectory t : trajectories) {
            double[] allX = t.coordinate(0), allY = t.coordinate(1);
            int n = 0;
            while (n < allX.length && box.contains(allX[n], allY[n])) {
                n++;
            }
            double[] xs = java.util.Arrays.copyOf(allX, n), ys = java.util.Arrays.copyOf(allY, n), zs = new double[n];
            for (int k = 0; k < n; k++) {
                zs[k] = field.scaledAt(xs[k], ys[k]) + lift;
            }
            paths.add(new SurfacePainter.Path3(xs, ys, zs, legend.color(t.label(), null), t.label()));
        }
        return paths;
    }

    @Override
    void checkDrawable() {
        field();
    }

    @Override
    Map<String, Object> plotly(boolean full) {
        Field field = field();
        List<Map<String, Object>> data = new ArrayList<>();
        Map<String, Object> surface = new LinkedHashMap<>();
        surface.put("type", "surface");
        surface.put("name", "f");
        surface.put("x", field.xs);
        surface.put("y", field.ys);
        surface.put("z", List.of(field.scaledGrid()));
        surface.put("colorscale", Palette.plotlyViridis());
        surface.put("colorbar", Map.of("title", Map.of("text", field.valueLabel(), "side", "right"), "thickness", 14));
        surface.put("showlegend", false);
        data.add(surface);
        for (SurfacePainter.Path3 path : paths(field)) {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "scatter3d");
            trace.put("mode", "lines");
            trace.put("name", path.label());
            trace.put("x", path.x());
            trace.put("y", path.y());
            trace.put("z", path.z());
            trace.put("line", Map.of("color", Palette.hex(path.color()), "width", 6));
            data.add(trace);
        }
        double[] eye = SurfacePainter.eye(azimuth, elevation, 2.0);
        Map<String, Object> scene = new LinkedHashMap<>();
        double[] range = field.scaledRange();
        scene.put("xaxis", Map.of("title", Map.of("text", xLabel), "range", new double[]{box.xMin(), box.xMax()}));
        scene.put("yaxis", Map.of("title", Map.of("text", yLabel), "range", new double[]{box.yMin(), box.yMax()}));
        scene.put("zaxis", Map.of("title", Map.of("text", field.valueLabel()),
                "range", new double[]{range[0], range[1] + 0.02 * (range[1] - range[0])}));
        scene.put("aspectmode", "manual");
        scene.put("aspectratio", Map.of("x", 1, "y", 1, "z", SurfacePainter.Z_ASPECT));
        scene.put("camera", Map.of("eye", Map.of("x", eye[0], "y", eye[1], "z", eye[2]),
                "projection", Map.of("type", "orthographic")));
        Map<String, Object> layout = Charts.layout(title(), width(), height());
        layout.put("scene", scene);
        layout.put("showlegend", !trajectories.isEmpty());
        layout.put("legend", ContourPlot.topLegend());
        layout.put("margin", Map.of("l", 10, "r", 10, "t", 80, "b", 10));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", data);
        spec.put("layout", layout);
        return spec;
    }

    @Override
    BufferedImage draw() {
        Field field = field();
        return new SurfacePainter(azimuth, elevation).paint(title(), new String[]{xLabel, yLabel, field.valueLabel()},
                field, paths(field), width(), height());
    }

    @Override
    String describe() {
        return "SurfacePlot '" + title() + "': " + grid + "x" + grid + " grid, " + trajectories.size() + " trajectories";
    }
}
