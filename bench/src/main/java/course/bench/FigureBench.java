package course.bench;

import course.optim.Adam;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.RmsProp;
import course.optim.Trajectory;
import course.plot.BenchmarkFigures;
import course.plot.ContourPlot;
import course.plot.Figure;
import course.plot.LineChart;
import course.plot.TrajectoryRace;
import course.problems.Beale;
import course.problems.Rosenbrock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bin/course bench --figures}: how long a figure takes to render and how big it is in a
 * notebook. Run in a fresh JVM, so the first PNG includes loading JFreeChart and the fonts, as the
 * first figure of a notebook does; then, after 5 warm-ups, the median, 90th percentile and maximum
 * of 30 more. The bound: a figure of 5 series × 10,000 points renders to PNG in under
 * 300 ms after the first, and its HTML and JSON stay under 200 KB. Writes target/bench/figures.md.
 */
public final class FigureBench {
    private static final int RUNS = 30;
    private static final int WARM_UPS = 5;

    private FigureBench() {
    }

    static ContourPlot rosenbrock() {
        Rosenbrock problem = new Rosenbrock();
        double[] start = problem.startPoint();
        return ContourPlot.of(problem).trajectories(
                Trajectory.run("gradient descent", GradientDescent.textbook().learningRate(0.001), problem, start, 300),
                Trajectory.run("momentum", Momentum.pytorch().learningRate(0.001).momentum(0.9), problem, start, 300),
                Trajectory.run("Adam", Adam.pytorch().learningRate(0.05), problem, start, 300));
    }

    static TrajectoryRace beale() {
        Beale beale = new Beale();
        double[] start = beale.startPoint();
        return TrajectoryRace.of(beale,
                Trajectory.run("gradient descent", GradientDescent.textbook().learningRate(0.001), beale, start, 300),
                Trajectory.run("momentum", Momentum.pytorch().learningRate(0.001).momentum(0.9), beale, start, 300),
                Trajectory.run("RMSProp", RmsProp.pytorch().learningRate(0.01), beale, start, 300),
                Trajectory.run("Adam", Adam.pytorch().learningRate(0.05), beale, start, 300));
    }

    private record Timing(double median, double p90, double max) {
    }

    private static Timing time(Runnable task) {
        for (int i = 0; i < WARM_UPS; i++) {
            task.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(millis[RUNS / 2], millis[(int) Math.ceil(0.9 * RUNS) - 1], millis[RUNS - 1]);
    }

    private static String row(String name, Supplier<? extends Figure<?>> make, double firstMillis) {
        Figure<?> figure = make.get();
        Timing png = time(figure::toPng);
        Timing bundle = time(figure::mimeBundle);
        Map<String, Object> shown = make.get().mimeBundle();
        double html = ((String) shown.get("text/html")).length() / 1024.0;
        double json = ((String) shown.get("application/vnd.plotly.v1+json")).length() / 1024.0;
        double pngKb = ((String) shown.get("image/png")).length() / 1024.0;
        return String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                Double.isNaN(firstMillis) ? "-" : String.format(Locale.ROOT, "%.0f", firstMillis), png.median(), png.p90(), png.max(),
                bundle.median(), html, json, pngKb);
    }

    /** The 1-minute load average (the machine may be shared), or "unknown". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) throws IOException {
        String load = loadAverage();
        // The first PNG of this JVM: JFreeChart, Java2D and the fonts start up, as in a new notebook.
        LineChart large = BenchmarkFigures.fiveByTenThousand();
        long first = System.nanoTime();
        large.toPng();
        double firstMillis = (System.nanoTime() - first) / 1e6;
        Figure.embedPlotlyAgain();
        long start = System.nanoTime();
        Map<String, Object> carrier = LineChart.titled("first").series("s", new double[]{1, 2}).mimeBundle();
        double carrierKb = ((String) carrier.get("text/html")).length() / 1024.0;
        double carrierMs = (System.nanoTime() - start) / 1e6;
        StringBuilder table = new StringBuilder();
        table.append("| figure | first PNG in the JVM (ms) | PNG median (ms) | PNG p90 (ms) | PNG max (ms) "
                + "| whole bundle median (ms) | text/html (KB) | plotly JSON (KB) | image/png base64 (KB) |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        table.append(row("line chart, 5 series x 10,000 points (log y)", BenchmarkFigures::fiveByTenThousand, firstMillis));
        table.append(row("contour, Rosenbrock, 3 paths x 300 steps", FigureBench::rosenbrock, Double.NaN));
        table.append(row("race, Beale, 4 paths x 300 steps, 40 frames", FigureBench::beale, Double.NaN));
        String text = table + String.format(Locale.ROOT, "%nThe notebook's first figure also carries plotly.js: its "
                + "text/html was %.0f KB (gzip + base64 of the %s WebJar), built in %.0f ms. %d runs after %d "
                + "warm-ups; %s, %d cores, load average before the run %s.%n", carrierKb,
                "plotly.js-dist 3.3.1", carrierMs, RUNS, WARM_UPS, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load);
        System.out.println(text);
        Path out = Path.of("target", "bench", "figures.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("written to " + out.toAbsolutePath());
    }
}
