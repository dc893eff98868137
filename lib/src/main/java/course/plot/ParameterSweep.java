package course.plot;

import course.optim.Trajectory;
import course.problems.PlotBox;
import course.problems.Problem;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * A family of runs, one per value of a hyperparameter, behind a slider: the path on the contours and
 * the cost curve change together as the slider moves, and the title shows the value and computed
 * readouts (a spectral radius, the steps to a tolerance). Like distill.pub's "Why Momentum Really Works":
 * {@code ParameterSweep.of("GD on the bowl", bowl, "η", rates, r -> Trajectory.run(...)).readout("ρ", r -> ...)}.
 * A second slider is optional: {@code of(title, problem, "β", betas, "η", rates, (b, r) -> ...)}; and each
 * value may have several runs side by side ({@code comparing(...)}: momentum and Nesterov at the same η).
 *
 * <p>Every run is computed in the cell and the slider is plotly's own ({@code sliders} with
 * {@code update}/{@code restyle} steps, no frames), so it works without a kernel: in JupyterLab, Notebook
 * 7 and an exported HTML page offline. The first slider's steps set the data of the shown traces (each
 * path, its start and end, its cost curve) to the runs at that value and write the title; the second
 * slider shows the traces of one of its values and hides the others, so the two compose. With two
 * sliders the readouts of each pair of values are a line of text in the contour panel (the title
 * belongs to the first slider). The PNG shows the {@link #pictured} value and says which in its caption.
 *
 * <p>To keep a notebook small, the display thins each path and cost curve to an equal share of
 * {@link #POINT_BUDGET} points (at most {@link ContourPlot#SHOWN_PATH_POINTS} a run, at least
 * {@link #MIN_POINTS}); the saved JSON and HTML keep every point.
 */
public final class ParameterSweep extends Figure<ParameterSweep> {
    /** Points of all paths together (and again of all cost curves) in the notebook's figure. */
    static final int POINT_BUDGET = 4000;
    /** The fewest points a run is thinned to, however many runs there are. */
    static final int MIN_POINTS = 40;
    /** Grid of the contours: coarser than a contour plot's, the figure carries many runs besides. */
    static final int GRID = 50;
    /** Significant digits of the shown paths and costs: a figure's pixels need no more, and the JSON shrinks by a third. */
    static final int SHOWN_DIGITS = 4;
    /** Traces a run has: its path, start, end (on the contours) and cost curve. */
    static final int TRACES_PER_RUN = 4;

    private record Readout(String name, DoubleBinaryOperator value) {
    }

    private final Problem problem;
    private final String[] names;              // the sliders' parameters: one or two
    private final double[][] values;           // values[s] of slider s
    private final Trajectory[][][] runs;       // runs[i][j][s]: first slider's value i, second's j (0 alone), run s
    private final List<Readout> readouts = new ArrayList<>();
    private String[] valueLabels;
    private int pictured;
    private int picturedInner;
    private PlotBox box;
    private String xLabel = "x";
    private String yLabel = "y";
    private int levels = 20;

    private ParameterSweep(String title, Problem problem, String[] names, double[][] values, Trajectory[][][] runs) {
        super(title);
        this.problem = problem;
        this.names = names;
        this.values = values;
        this.runs = runs;
        this.box = problem.plotBox();
        this.pictured = values[0].length / 2;
        this.picturedInner = values.length > 1 ? values[1].length / 2 : 0;
        size(920, values.length > 1 ? 700 : 600);
    }

    /** One slider over {@code values} of the parameter {@code name}; {@code run} computes the run at each value. */
    public static ParameterSweep of(String title, Problem problem, String name, double[] values,
                                    DoubleFunction<Trajectory> run) {
        requireFunction(run, name);
        return comparing(title, problem, name, values, v -> List.of(run.apply(v)));
    }

    /** One slider, several runs at each value drawn together: {@code r -> List.of(momentumRun, nesterovRun)}. */
    public static ParameterSweep comparing(String title, Problem problem, String name, double[] values,
                                           DoubleFunction<List<Trajectory>> runs) {
        checkValues(name, values);
        requireFunction(runs, name);
        List<List<Trajectory>> computed = new ArrayList<>();
        for (double value : values) {
            computed.add(runs.apply(value));
        }
        return build(title, problem, new String[]{name}, new double[][]{values.clone()}, grid(computed, 1));
    }

    /** One slider over precomputed runs: {@code runs.get(i)} is the run at {@code values[i]}. */
    public static ParameterSweep of(String title, Problem problem, String name, double[] values, List<Trajectory> runs) {
        checkValues(name, values);
        if (runs == null || runs.size() != values.length) {
            throw new IllegalArgumentException("the slider over " + name + " has " + values.length + " values but "
                    + (runs == null ? "no list of" : runs.size()) + " runs: give one run per value, in the same order");
        }
        List<List<Trajectory>> cells = new ArrayList<>();
        runs.forEach(run -> cells.add(java.util.Collections.singletonList(run)));
        return build(title, problem, new String[]{name}, new double[][]{values.clone()}, grid(cells, 1));
    }

    /**
     * Two sliders: {@code outer} (the first, which also writes the title) and {@code inner}; {@code run}
     * computes the run at each pair (outer value, inner value).
     */
    public static ParameterSweep of(String title, Problem problem, String outer, double[] outerValues, String inner,
                                    double[] innerValues, BiFunction<Double, Double, Trajectory> run) {
        requireFunction(run, outer + ", " + inner);
        return comparing(title, problem, outer, outerValues, inner, innerValues, (a, b) -> List.of(run.apply(a, b)));
    }

    /** Two sliders, several runs at each pair of values drawn together. */
    public static ParameterSweep comparing(String title, Problem problem, String outer, double[] outerValues, String inner,
                                           double[] innerValues, BiFunction<Double, Double, List<Trajectory>> runs) {
        checkValues(outer, outerValues);
        checkValues(inner, innerValues);
        requireFunction(runs, outer + ", " + inner);
        List<List<Trajectory>> computed = new ArrayList<>();
        for (double a : outerValues) {
            for (double b : innerValues) {
                computed.add(runs.apply(a, b));
            }
        }
        return build(title, problem, new String[]{outer, inner}, new double[][]{outerValues.clone(), innerValues.clone()},
                grid(computed, innerValues.length));
    }

    /** Two sliders over precomputed runs: {@code runs[i][j]} is the run at {@code outerValues[i]}, {@code innerValues[j]}. */
    public static ParameterSweep of(String title, Problem problem, String outer, double[] outerValues, String inner,
                                    double[] innerValues, Trajectory[][] runs) {
        checkValues(outer, outerValues);
        checkValues(inner, innerValues);
        if (runs == null || runs.length != outerValues.length) {
            throw new IllegalArgumentException("the slider over " + outer + " has " + outerValues.length + " values but "
                    + (runs == null ? "no" : runs.length) + " rows of runs: give runs[i][j] for every value i of "
                    + outer + " and j of " + inner);
        }
        List<List<Trajectory>> cells = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] == null || runs[i].length != innerValues.length) {
                throw new IllegalArgumentException("row " + i + " of the runs (" + outer + " = " + number(outerValues[i])
                        + ") has " + (runs[i] == null ? 0 : runs[i].length) + " runs, but " + inner + " has "
                        + innerValues.length + " values");
            }
            for (Trajectory run : runs[i]) {
                cells.add(java.util.Collections.singletonList(run));
            }
        }
        return build(title, problem, new String[]{outer, inner}, new double[][]{outerValues.clone(), innerValues.clone()},
                grid(cells, innerValues.length));
    }

    private static void requireFunction(Object function, String of) {
        if (function == null) {
            throw new IllegalArgumentException("the function that computes the runs for each value of " + of + " is null");
        }
    }

    /** The cells (outer-major) as runs[i][j][s], refusing a null list or a cell with another number of runs. */
    private static Trajectory[][][] grid(List<List<Trajectory>> cells, int inner) {
        Trajectory[][][] grid = new Trajectory[cells.size() / inner][inner][];
        for (int c = 0; c < cells.size(); c++) {
            List<Trajectory> cell = cells.get(c);
            if (cell == null || cell.isEmpty()) {
                throw new IllegalArgumentException("value " + c + " of the sweep has no runs: give at least one");
            }
            if (cell.size() != cells.get(0).size()) {
                throw new IllegalArgumentException("value " + c + " of the sweep has " + cell.size() + " runs, value 0 has "
                        + cells.get(0).size() + ": give the same number of runs (the same methods) at every value");
            }
            grid[c / inner][c % inner] = cell.toArray(new Trajectory[0]);
        }
        return grid;
    }

    private static ParameterSweep build(String title, Problem problem, String[] names, double[][] values,
                                        Trajectory[][][] runs) {
        if (problem == null || problem.dimension() != 2) {
            throw new IllegalArgumentException("a parameter sweep draws paths on the contours of a problem of two variables"
                    + (problem == null ? "; the problem is null" : "; " + problem.name() + " has " + problem.dimension()));
        }
        for (int i = 0; i < runs.length; i++) {
            for (int j = 0; j < runs[i].length; j++) {
                for (Trajectory run : runs[i][j]) {
                    checkRun(run, where(names, values, i, j));
                }
            }
        }
        return new ParameterSweep(title, problem, names, values, runs);
    }

    private static void checkValues(String name, double[] values) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a slider needs the name of its parameter, such as \"η\"");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("the slider over " + name + " has no values: give at least one");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " of the slider over " + name + " is " + values[i]
                        + ": every value must be a finite number");
            }
            for (int k = 0; k < i; k++) {
                if (values[k] == values[i]) {
                    throw new IllegalArgumentException("the slider over " + name + " has " + values[i] + " twice (values "
                            + k + " and " + i + "): give each value once");
                }
            }
        }
    }

    private static void checkRun(Trajectory run, String where) {
        if (run == null) {
            throw new IllegalArgumentException("a run at " + where + " is null");
        }
        if (run.dimension() != 2) {
            throw new IllegalArgumentException("the run at " + where + " ('" + run.label() + "') has " + run.dimension()
                    + " coordinates; the contours are of two");
        }
        double[] cost = run.values();
        for (int k = 0; k < cost.length; k++) {
            if (!Double.isFinite(cost[k])) {
                throw new IllegalArgumentException("the run at " + where + " ('" + run.label() + "') has the cost " + cost[k]
                        + " at step " + k + ": make it with Trajectory.run, or give Trajectory.of its values");
            }
        }
    }

    private static String where(String[] names, double[][] values, int i, int j) {
        String at = names[0] + " = " + number(values[0][i]);
        return names.length > 1 ? at + ", " + names[1] + " = " + number(values[1][j]) : at;
    }

    // ---- settings -------------------------------------------------------------------------------

    /** A readout of the first slider's value, shown in the title: {@code readout("spectral radius", r -> ...)}. */
    public ParameterSweep readout(String name, DoubleUnaryOperator value) {
        if (value == null) {
            throw new IllegalArgumentException("the readout '" + name + "' has no function");
        }
        if (names.length != 1) {
            throw new IllegalArgumentException("this sweep has two sliders: give the readout '" + name
                    + "' as a function of both values, (" + names[0] + ", " + names[1] + ") -> ...");
        }
        return addReadout(name, (a, b) -> value.applyAsDouble(a));
    }

    /** A readout of both sliders' values (outer, inner), shown in the legend entry of each run. */
    public ParameterSweep readout(String name, DoubleBinaryOperator value) {
        if (value == null) {
            throw new IllegalArgumentException("the readout '" + name + "' has no function");
        }
        if (names.length != 2) {
            throw new IllegalArgumentException("this sweep has one slider: give the readout '" + name
                    + "' as a function of " + names[0] + " alone");
        }
        return addReadout(name, value);
    }

    private ParameterSweep addReadout(String name, DoubleBinaryOperator value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a readout needs a name, such as \"spectral radius\"");
        }
        readouts.add(new Readout(name, value));
        return this;
    }

    /** Words for the first slider's values, one each, shown beside the number: "too small", "best". */
    public ParameterSweep valueLabels(String... labels) {
        if (labels == null || labels.length != values[0].length) {
            throw new IllegalArgumentException("the slider over " + names[0] + " has " + values[0].length + " values but "
                    + (labels == null ? 0 : labels.length) + " labels: give one label per value");
        }
        this.valueLabels = labels.clone();
        return this;
    }

    /** The value the slider starts at and the PNG shows (by default the middle one). */
    public ParameterSweep pictured(double value) {
        if (names.length != 1) {
            throw new IllegalArgumentException("this sweep has two sliders: say both values, pictured(" + names[0] + ", "
                    + names[1] + ")");
        }
        this.pictured = indexOf(0, value);
        return this;
    }

    /** The pair of values the sliders start at and the PNG shows. */
    public ParameterSweep pictured(double outer, double inner) {
        if (names.length != 2) {
            throw new IllegalArgumentException("this sweep has one slider: say one value, pictured(" + names[0] + ")");
        }
        this.pictured = indexOf(0, outer);
        this.picturedInner = indexOf(1, inner);
        return this;
    }

    private int indexOf(int slider, double value) {
        for (int i = 0; i < values[slider].length; i++) {
            if (values[slider][i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(number(value) + " is not a value of the slider over " + names[slider]
                + "; its values are " + java.util.Arrays.toString(values[slider]));
    }

    /** Another window onto the contours (by default the problem's plot box). */
    public ParameterSweep box(PlotBox box) {
        if (box == null) {
            throw new IllegalArgumentException("the box is null");
        }
        this.box = box;
        return this;
    }

    /** Titles of the contour plot's axes. */
    public ParameterSweep labels(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        return this;
    }

    /** How many contour lines (default 20). */
    public ParameterSweep levels(int levels) {
        contour(List.of()).levels(levels); // the contour plot's own range check
        this.levels = levels;
        return this;
    }

    /** How many runs the sweep holds: values of the first slider × of the second × runs at each. */
    public int runCount() {
        return runs.length * runs[0].length * runs[0][0].length;
    }

    // ---- what each run shows ------------------------------------------------------------------------

    /** The contour plot of these runs, with the sweep's box, labels and levels. */
    private ContourPlot contour(List<Trajectory> paths) {
        return ContourPlot.of(problem).grid(GRID).box(box).labels(xLabel, yLabel).levels(levels).trajectories(paths);
    }

    private boolean logCost() {
        for (Trajectory[][] row : runs) {
            for (Trajectory[] cell : row) {
                for (Trajectory run : cell) {
                    for (double value : run.values()) {
                        if (!(value > 0)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** The cost curves of these runs, log scale when every cost of the sweep is positive. */
    private LineChart costs(List<Trajectory> paths) {
        LineChart chart = LineChart.titled("cost J(θ_k)").labels("step k", "J(θ_k)").maxPoints(pointsPerRun());
        if (logCost()) {
            chart.logY();
        }
        paths.forEach(run -> chart.series(run.label(), run.values()));
        return chart;
    }

    /** Points a run keeps in the notebook: an equal share of the budget. */
    int pointsPerRun() {
        return Math.max(MIN_POINTS, Math.min(ContourPlot.SHOWN_PATH_POINTS, POINT_BUDGET / runCount()));
    }

    private double[][] shownPath(Trajectory run, boolean full) {
        double[] xs = run.coordinate(0), ys = run.coordinate(1);
        int kept = pointsPerRun();
        if (full) {
            return new double[][]{xs, ys};
        }
        double[][] shown = xs.length <= kept ? new double[][]{xs, ys}
                : ContourPlot.sampled(xs, ys, xs.length - 1, (int) Math.ceil((double) xs.length / kept));
        return new double[][]{rounded(shown[0]), rounded(shown[1])};
    }

    /** The cost curves' traces as shown: thinned by the line chart, then rounded unless {@code full}. */
    private List<Map<String, Object>> costTraces(List<Trajectory> paths, Legend legend, boolean full) {
        List<Map<String, Object>> traces = costs(paths).traces("x2", "y2", legend, full);
        if (!full) {
            for (Map<String, Object> trace : traces) {
                trace.put("x", rounded((double[]) trace.get("x")));
                trace.put("y", rounded((double[]) trace.get("y")));
            }
        }
        return traces;
    }

    /** The contour trace with its grid of values rounded unless {@code full}: a third of a small sweep's bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shownContour(Map<String, Object> trace, boolean full) {
        if (!full) {
            List<double[]> rows = new ArrayList<>();
            for (double[] row : (List<double[]>) trace.get("z")) {
                rows.add(rounded(row));
            }
            trace.put("z", rows);
            trace.put("x", rounded((double[]) trace.get("x")));
            trace.put("y", rounded((double[]) trace.get("y")));
        }
        return trace;
    }

    /** {@link #SHOWN_DIGITS} significant digits (whole numbers as they are). */
    static double[] rounded(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == Math.rint(v) || !Double.isFinite(v)) {   // zero, and the steps of a cost curve, as they are
                out[i] = v;
                continue;
            }
            double scale = Math.pow(10, SHOWN_DIGITS - 1 - Math.floor(Math.log10(Math.abs(v))));
            out[i] = Math.round(v * scale) / scale;
        }
        return out;
    }

    /** The first slider's value i as its steps and the title show it: "0.2 (best)". */
    String valueText(int i) {
        String text = number(values[0][i]);
        return valueLabels == null || valueLabels[i] == null || valueLabels[i].isBlank() ? text
                : text + " (" + valueLabels[i] + ")";
    }

    /** The readouts at values (i, j): "spectral radius 0.6 · steps 31". */
    String readoutText(int i, int j) {
        List<String> parts = new ArrayList<>();
        double inner = values.length > 1 ? values[1][j] : Double.NaN;
        for (Readout readout : readouts) {
            parts.add(readout.name() + " = " + readoutNumber(readout.value().applyAsDouble(values[0][i], inner)));
        }
        return String.join(" · ", parts);
    }

    /** The title at the first slider's value i (with one slider, its readouts too). */
    String titleAt(int i) {
        String state = names[0] + " = " + valueText(i);
        if (names.length == 1 && !readouts.isEmpty()) {
            state += " · " + readoutText(i, 0);
        }
        return title().isEmpty() ? state : title() + " · " + state;
    }

    /** With two sliders, the readout line of the values (i, j), drawn in the contour panel. */
    String readoutLine(int i, int j) {
        String line = names[1] + " = " + number(values[1][j]);
        return readouts.isEmpty() ? line : line + ": " + readoutText(i, j);
    }

    /** The runs at the first slider's value i, in slot order: the second slider's value j, then run s. */
    private List<Trajectory> row(int i) {
        List<Trajectory> row = new ArrayList<>();
        for (Trajectory[] cell : runs[i]) {
            row.addAll(List.of(cell));
        }
        return row;
    }

    // ---- Figure ---------------------------------------------------------------------------------

    @Override
    void checkDrawable() {
        contour(List.of()).checkDrawable();
    }

    /**
     * Traces: the contours; each slot's path, then every start, every end; the critical points; every cost
     * curve; with two sliders one readout line per value of the second. A slot is one run of one value of
     * the second slider (j-major), so slot k belongs to value k / (runs at each value).
     */
    @Override
    @SuppressWarnings("unchecked")
    Map<String, Object> plotly(boolean full) {
        List<Trajectory> shown = row(pictured);
        int slots = shown.size(), perValue = runs[0][0].length;
        ContourPlot contour = contour(shown);
        LineChart costs = costs(shown);
        Legend legend = new Legend();
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(shownContour(contour.contourTrace(contour.field(), "x", "y", false), full));
        List<Map<String, Object>> starts = new ArrayList<>(), ends = new ArrayList<>();
        boolean markersListed = runs[0].length == 1;
        for (int k = 0; k < slots; k++) {
            Map<String, Object> path = contour.pathTrace(k, legend, "x", "y", shownPath(shown.get(k), full));
            path.put("showlegend", true); // hidden slots drop out of the legend, the shown ones stay in it
            data.add(path);
            String color = Palette.hex(contour.color(k, legend));
            double[] start = shown.get(k).point(0), end = shown.get(k).last();
            starts.add(Markers.trace(Markers.Kind.START, new double[]{start[0]}, new double[]{start[1]}, null, "x", "y",
                    markersListed && legend.listOnce("start")));
            ends.add(Markers.trace(Markers.Kind.END, new double[]{end[0]}, new double[]{end[1]}, new String[]{color}, "x",
                    "y", markersListed && legend.listOnce("end")));
        }
        data.addAll(starts);
        data.addAll(ends);
        data.addAll(contour.criticalTraces(legend, "x", "y"));
        int firstCost = data.size();
        data.addAll(costTraces(shown, legend, full));
        int firstReadout = data.size();
        if (names.length > 1) {
            for (int j = 0; j < runs[0].length; j++) {
                data.add(readoutTrace(readoutLine(pictured, j)));
            }
        }

        List<Integer> touched = new ArrayList<>();
        for (int k = 0; k < slots; k++) {
            for (int trace : new int[]{1 + k, 1 + slots + k, 1 + 2 * slots + k, firstCost + k}) {
                touched.add(trace);
                // The second slider shows one value's traces at a time: the pictured one to begin with.
                data.get(trace).put("visible", k / perValue == picturedInner);
            }
        }
        for (int j = 0; firstReadout + j < data.size(); j++) {
            touched.add(firstReadout + j);
            data.get(firstReadout + j).put("visible", j == picturedInner);
        }
        Map<String, Object> layout = new LinkedHashMap<>(
                (Map<String, Object>) SmallMultiples.of(title(), 2, contour, costs).size(width(), height()).plotly(full)
                        .get("layout"));
        Map<String, Object> titleSpec = new LinkedHashMap<>((Map<String, Object>) layout.get("title"));
        titleSpec.put("text", titleAt(pictured));
        layout.put("title", titleSpec);
        layout.put("legend", ContourPlot.topLegend());
        layout.put("showlegend", true);
        layout.put("margin", Map.of("l", 60, "r", 20, "t", 100, "b", names.length > 1 ? 210 : 130));
        List<Object> sliders = new ArrayList<>();
        sliders.add(outerSlider(touched, full));
        if (names.length > 1) {
            sliders.add(innerSlider(touched, perValue));
        }
        layout.put("sliders", sliders);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", data);
        spec.put("layout", layout);
        return spec;
    }

    /** A line of text at the top left of the contour panel, inside the box. */
    private Map<String, Object> readoutTrace(String text) {
        double x = box.xMin() + 0.02 * (box.xMax() - box.xMin()), y = box.yMax() - 0.02 * (box.yMax() - box.yMin());
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "scatter");
        trace.put("mode", "text");
        trace.put("name", "readout");
        trace.put("x", new double[]{x});
        trace.put("y", new double[]{y});
        trace.put("text", List.of(text));
        trace.put("textposition", "bottom right");
        trace.put("textfont", Map.of("size", 13, "color", "black"));
        trace.put("hoverinfo", "skip");
        trace.put("showlegend", false);
        trace.put("xaxis", "x");
        trace.put("yaxis", "y");
        return trace;
    }

    /**
     * The first slider: each step sets every slot's path, start, end and cost curve to the runs at its
     * value (and the readout lines' text), and writes the title.
     */
    private Map<String, Object> outerSlider(List<Integer> touched, boolean full) {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < values[0].length; i++) {
            List<Trajectory> row = row(i);
            List<Map<String, Object>> costTraces = costTraces(row, new Legend(), full);
            Map<String, List<Object>> restyle = new LinkedHashMap<>();
            for (String key : new String[]{"x", "y", "name", "mode", "text"}) {
                restyle.put(key, new ArrayList<>());
            }
            for (int k = 0; k < row.size(); k++) {
                Trajectory run = row.get(k);
                double[][] path = shownPath(run, full);
                double[] start = run.point(0), end = run.last();
                Map<String, Object> cost = costTraces.get(k);
                String mode = run.steps() <= ContourPlot.DOTTED_STEPS ? "lines+markers" : "lines";
                add(restyle, path[0], path[1], run.label(), mode, null);
                add(restyle, new double[]{start[0]}, new double[]{start[1]}, "start", "markers", null);
                add(restyle, new double[]{end[0]}, new double[]{end[1]}, "end", "markers", null);
                add(restyle, cost.get("x"), cost.get("y"), run.label(), "lines", null);
            }
            for (int j = 0; names.length > 1 && j < runs[i].length; j++) {
                Map<String, Object> line = readoutTrace(readoutLine(i, j));
                add(restyle, line.get("x"), line.get("y"), "readout", "text", line.get("text"));
            }
            steps.add(Charts.ordered("label", valueText(i), "method", "update",
                    "args", List.of(restyle, Map.of("title.text", titleAt(i)), touched)));
        }
        return slider(names[0], steps, pictured, 0);
    }

    /** One trace's entry in a step's restyle; a null text resets it to none (the paths and markers have none). */
    private static void add(Map<String, List<Object>> restyle, Object x, Object y, String name, String mode, Object text) {
        restyle.get("x").add(x);
        restyle.get("y").add(y);
        restyle.get("name").add(name);
        restyle.get("mode").add(mode);
        restyle.get("text").add(text);
    }

    /** The second slider: each step shows the slots (and the readout line) of its value and hides the others. */
    private Map<String, Object> innerSlider(List<Integer> touched, int perValue) {
        int slots = runs[0].length * perValue;
        List<Object> steps = new ArrayList<>();
        for (int j = 0; j < runs[0].length; j++) {
            List<Object> visible = new ArrayList<>();
            for (int k = 0; k < slots; k++) {
                for (int t = 0; t < TRACES_PER_RUN; t++) {
                    visible.add(k / perValue == j);
                }
            }
            for (int line = 0; line < runs[0].length; line++) {
                visible.add(line == j);
            }
            steps.add(Charts.ordered("label", number(values[1][j]), "method", "restyle",
                    "args", List.of(Map.of("visible", visible), touched)));
        }
        return slider(names[1], steps, picturedInner, 1);
    }

    private static Map<String, Object> slider(String name, List<Object> steps, int active, int row) {
        return Charts.ordered("active", active, "steps", steps, "x", 0.05, "len", 0.9, "xanchor", "left",
                "y", 0, "yanchor", "top", "pad", Map.of("t", 60 + 80 * row),
                "currentvalue", Map.of("prefix", name + " = ", "visible", true, "xanchor", "left"));
    }

    @Override
    BufferedImage draw() {
        List<Trajectory> shown = List.of(runs[pictured][picturedInner]);
        String shownTitle = names.length > 1 ? titleAt(pictured) + ", " + readoutLine(pictured, picturedInner)
                : titleAt(pictured);
        int caption = 24;
        SmallMultiples panels = SmallMultiples.of(shownTitle, 2, contour(shown), costs(shown))
                .size(width(), height() - caption);
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            g.drawImage(panels.draw(), 0, 0, null);
            g.setFont(new Font(Charts.FONT_FAMILY, Font.ITALIC, 11));
            g.setColor(Color.DARK_GRAY);
            FontMetrics metrics = g.getFontMetrics();
            String note = caption();
            g.drawString(note, Math.max(4, (width() - metrics.stringWidth(note)) / 2), height() - 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** What the PNG says under the picture: which value it shows, of how many runs. */
    String caption() {
        String shown = names[0] + " = " + number(values[0][pictured])
                + (names.length > 1 ? ", " + names[1] + " = " + number(values[1][picturedInner]) : "");
        return "this picture shows " + shown + "; the notebook's slider" + (names.length > 1 ? "s move " : " moves ")
                + "through all " + runCount() + " runs";
    }

    @Override
    String describe() {
        String sliders = names[0] + " (" + values[0].length + " values)"
                + (names.length > 1 ? " × " + names[1] + " (" + values[1].length + " values)" : "");
        return "ParameterSweep '" + title() + "': " + runCount() + " runs over " + sliders + ", pictured "
                + where(names, values, pictured, picturedInner);
    }

    // ---- numbers as the sliders show them -------------------------------------------------------------

    /** Four significant digits without trailing zeros: 0.2, 0.0025, 1e-06, 150. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : v > 0 ? "∞" : "−∞";
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A readout: whole numbers (steps) as they are, others to four digits. */
    static String readoutNumber(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : number(v);
    }
}
