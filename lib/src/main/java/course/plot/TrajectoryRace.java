package course.plot;

import course.optim.Trajectory;
import course.problems.Problem;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Optimizers racing on a contour plot, animated with plotly frames: a Play and a Pause button and a
 * slider over the steps, the stars marking where each optimizer is. Like the well-known animations
 * of optimizers on a saddle and on Beale's function:
 * {@code TrajectoryRace.of(new Beale(), sgd, momentum, adam)}.
 *
 * <p>The figure opens on its last frame (every path complete); Play runs it from the start. The PNG
 * (for viewers without JavaScript) is that last frame. To keep a notebook small, the frames draw the
 * paths from at most {@link #FRAME_POINT_BUDGET} points in all (sampled evenly), and the last frame
 * from at most 400 points a path; a saved figure's last frame has every point.
 */
public final class TrajectoryRace extends Figure<TrajectoryRace> {
    /** Path points in all frames together, across all optimizers. */
    static final int FRAME_POINT_BUDGET = 6000;

    private final ContourPlot contour;
    private int maxFrames = 40;
    private int frameMillis = 80;

    private TrajectoryRace(ContourPlot contour) {
        super(contour.title());
        this.contour = contour;
        size(640, 560);
    }

    /** A race of these trajectories on the problem's contours (grid 60 × 60). */
    public static TrajectoryRace of(Problem problem, Trajectory... trajectories) {
        return on(ContourPlot.of(problem).grid(60).trajectories(trajectories));
    }

    /** The race of a contour plot's trajectories, on its contours. */
    public static TrajectoryRace on(ContourPlot contour) {
        if (contour == null) {
            throw new IllegalArgumentException("the contour plot is null");
        }
        return new TrajectoryRace(contour);
    }

    /** At most this many frames (default 40; a path with fewer steps gets one frame per step). */
    public TrajectoryRace frames(int maxFrames) {
        if (maxFrames < 2 || maxFrames > 500) {
            throw new IllegalArgumentException("frames must be in 2..500, got " + maxFrames);
        }
        this.maxFrames = maxFrames;
        return this;
    }

    /** How long each frame shows when playing (default 80 ms). */
    public TrajectoryRace frameMillis(int millis) {
        if (millis < 10 || millis > 5000) {
            throw new IllegalArgumentException("frame duration must be in 10..5000 ms, got " + millis);
        }
        this.frameMillis = millis;
        return this;
    }

    private List<Trajectory> paths() {
        return contour.trajectories();
    }

    private int longest() {
        return paths().stream().mapToInt(Trajectory::steps).max().orElse(0);
    }

    /** The step each frame shows, from 0 to the longest path's last step. */
    int[] frameSteps() {
        int steps = longest();
        int count = Math.min(maxFrames, steps + 1);
        int[] at = new int[count];
        for (int f = 0; f < count; f++) {
            at[f] = (int) Math.round((double) f * steps / (count - 1));
        }
        return at;
    }

    /** Points of path t up to step {@code upTo}, every {@code stride}-th plus the last: {xs, ys}. */
    private static double[][] prefix(Trajectory t, int upTo, int stride) {
        return ContourPlot.sampled(t.coordinate(0), t.coordinate(1), Math.min(upTo, t.steps()), stride);
    }

    /** Sampling stride of the frames' paths so that all frames stay within the point budget. */
    int stride() {
        int frames = frameSteps().length, count = paths().size();
        int perPath = Math.max(2, 2 * FRAME_POINT_BUDGET / Math.max(1, count * frames));
        return Math.max(1, (int) Math.ceil((longest() + 1.0) / perPath));
    }

    @Override
    void checkDrawable() {
        contour.checkDrawable();
        if (paths().isEmpty()) {
            throw new IllegalStateException("the race '" + title() + "' has no trajectories: add at least one");
        }
    }

    @Override
    Map<String, Object> plotly(boolean full) {
        Field field = contour.field();
        Legend legend = new Legend();
        List<Trajectory> paths = paths();
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(contour.contourTrace(field, "x", "y", true));
        for (int i = 0; i < paths.size(); i++) {
            data.add(contour.pathTrace(i, legend, "x", "y", ContourPlot.shownPath(paths.get(i), full)));
        }
        data.addAll(contour.markerTraces(legend, "x", "y", contour.ends()));
        data.addAll(contour.criticalTraces(legend, "x", "y"));

        // Frames update the paths (traces 1..n) and the stars at their heads (trace n + 2).
        int[] at = frameSteps();
        int stride = full ? 1 : stride();
        List<Integer> updated = new ArrayList<>();
        for (int i = 1; i <= paths.size() + 2; i++) {
            if (i != paths.size() + 1) {
                updated.add(i);
            }
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        List<Map<String, Object>> sliderSteps = new ArrayList<>();
        for (int f = 0; f < at.length; f++) {
            boolean last = f == at.length - 1;
            List<Map<String, Object>> frameData = new ArrayList<>();
            double[][] heads = new double[2][paths.size()];
            for (int i = 0; i < paths.size(); i++) {
                double[][] xy = last ? ContourPlot.shownPath(paths.get(i), full) : prefix(paths.get(i), at[f], stride);
                frameData.add(Map.of("x", xy[0], "y", xy[1]));
                heads[0][i] = xy[0][xy[0].length - 1];
                heads[1][i] = xy[1][xy[1].length - 1];
            }
            frameData.add(Map.of("x", heads[0], "y", heads[1]));
            String name = "step " + at[f];
            frames.add(Map.of("name", name, "data", frameData, "traces", updated));
            sliderSteps.add(Map.of("label", String.valueOf(at[f]), "method", "animate",
                    "args", List.of(List.of(name), animation(0))));
        }

        Map<String, Object> layout = Charts.layout(title(), width(), height());
        layout.put("xaxis", contour.xAxisSpec());
        layout.put("yaxis", contour.yAxisSpec());
        layout.put("legend", ContourPlot.topLegend());
        layout.put("margin", Map.of("l", 70, "r", 30, "t", 100, "b", 150));
        Map<String, Object> play = Map.of("label", "▶ Play", "method", "animate",
                "args", java.util.Arrays.asList(null, animation(frameMillis)));
        Map<String, Object> pause = Map.of("label", "❚❚ Pause", "method", "animate",
                "args", List.of(java.util.Collections.singletonList(null), animation(0)));
        layout.put("updatemenus", List.of(Map.of("type", "buttons", "direction", "left", "showactive", false,
                "x", 0, "xanchor", "left", "y", 0, "yanchor", "top", "pad", Map.of("t", 95, "r", 10),
                "buttons", List.of(play, pause))));
        layout.put("sliders", List.of(Map.of("active", at.length - 1, "steps", sliderSteps,
                "x", 0.25, "len", 0.75, "y", 0, "yanchor", "top", "pad", Map.of("t", 80),
                "currentvalue", Map.of("prefix", "step ", "visible", true, "xanchor", "right"))));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("data", data);
        spec.put("layout", layout);
        spec.put("frames", frames);
        return spec;
    }

    private Map<String, Object> animation(int millis) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mode", "immediate");
        options.put("fromcurrent", false);
        options.put("frame", Map.of("duration", millis, "redraw", false));
        options.put("transition", Map.of("duration", 0));
        return options;
    }

    @Override
    BufferedImage draw() {
        JFreeChart chart = contour.chart(contour.field());
        TextTitle note = new TextTitle("animated in the notebook; this is its last frame (step " + longest() + ")",
                new Font(Charts.FONT_FAMILY, Font.ITALIC, 11));
        note.setPaint(Color.DARK_GRAY);
        note.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(note);
        return Charts.image(chart, width(), height());
    }

    @Override
    String describe() {
        return "TrajectoryRace '" + title() + "': " + paths().size() + " trajectories, " + frameSteps().length
                + " frames over " + longest() + " steps";
    }
}
