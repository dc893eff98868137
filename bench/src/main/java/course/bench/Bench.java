package course.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import course.optim.StepThreads;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bin/course bench}: one optimizer step on 10⁶ and 10⁷ parameters for every algorithm, in
 * the same JMH run as a STREAM triad and ND4J's own updaters, with JMH's GC profiler for the bytes
 * allocated per step. Prints a table and writes it to target/bench/optimizer-step.md.
 * {@code --quick}: 10⁶ only, short iterations (a smoke run, not a measurement to report).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = List.of(args).contains("--quick");
        String[] sizes = quick ? new String[] {"1000000"} : new String[] {"1000000", "10000000"};
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(OptimizerStepBenchmark.class.getSimpleName())
                .include(TriadBenchmark.class.getSimpleName())
                .include(Nd4jUpdaterBenchmark.class.getSimpleName())
                .include(Nd4jRestoreBenchmark.class.getSimpleName())
                .param("size", sizes)
                .forks(1)
                .jvmArgs("-Xmx6g", "-XX:+UseParallelGC", "-Djava.awt.headless=true")
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .measurementIterations(quick ? 3 : 6)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, long[]> allocated = allocationPerStep();
        String table = table(results, allocated);
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "bench", "optimizer-step.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private record Measured(double microseconds, double error, double allocatedBytes) {
    }

    /**
     * Bytes allocated per step by each optimizer, read from the threads' allocation counters after a
     * warm-up: on 10⁴ parameters (1000 steps, the caller's thread alone) and on 2¹⁸ split over two
     * threads (100 steps, the caller's and the helper's counters). JMH's gc profiler divides its
     * harness's own per-iteration allocations by the few operations a slow step allows (the triad
     * shows the same floor), so this direct count is the one that says whether a step allocates. The
     * JIT may allocate once while it compiles: the smallest of five windows is reported.
     */
    static Map<String, long[]> allocationPerStep() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int savedThreads = StepThreads.threads();
        Map<String, long[]> perStep = new HashMap<>();
        try {
            for (String algorithm : Algorithms.NAMES) {
                StepThreads.setThreads(1);
                long alone = allocated(bean, algorithm, 10_000, 1000, -1);
                StepThreads.setThreads(2);
                long split = allocated(bean, algorithm, 2 * StepThreads.MIN_PARAMETERS_PER_THREAD, 100, helperId(bean, algorithm));
                perStep.put(algorithm, new long[] {alone, split});
            }
        } finally {
            StepThreads.setThreads(savedThreads);
        }
        return perStep;
    }

    /** Starts the helper thread (one split step) and returns its id. */
    private static long helperId(com.sun.management.ThreadMXBean bean, String algorithm) {
        int n = 2 * StepThreads.MIN_PARAMETERS_PER_THREAD;
        course.optim.Optimizer optimizer = Algorithms.ours(algorithm);
        double[] params = new double[n];
        double[] grad = new double[n];
        optimizer.step(params, grad);
        optimizer.step(params, grad);
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("course-optimizer-step-1"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no helper thread after a split step")).getId();
    }

    private static long allocated(com.sun.management.ThreadMXBean bean, String algorithm, int size, int steps, long helper) {
        course.optim.Optimizer optimizer = Algorithms.ours(algorithm);
        double[] params = new double[size];
        double[] grad = new double[size];
        java.util.Arrays.fill(grad, 0.01);
        for (int k = 0; k < 20 * steps; k++) {
            optimizer.step(params, grad);
        }
        long smallest = Long.MAX_VALUE;
        for (int window = 0; window < 5 && smallest > 0; window++) {
            long before = bean.getCurrentThreadAllocatedBytes() + (helper < 0 ? 0 : bean.getThreadAllocatedBytes(helper));
            for (int k = 0; k < steps; k++) {
                optimizer.step(params, grad);
            }
            long after = bean.getCurrentThreadAllocatedBytes() + (helper < 0 ? 0 : bean.getThreadAllocatedBytes(helper));
            smallest = Math.min(smallest, after - before);
        }
        return smallest / steps;
    }

    static String table(Collection<RunResult> results, Map<String, long[]> allocated) {
        Map<String, Measured> byKey = new HashMap<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            String kind = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String algorithm = run.getParams().getParam("algorithm");
            String size = run.getParams().getParam("size");
            String threads = run.getParams().getParam("threads");
            Result<?> primary = run.getPrimaryResult();
            Result<?> alloc = null;
            for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = secondary.getValue();
                }
            }
            byKey.put(kind + "|" + (algorithm == null ? "" : algorithm) + "|" + size + "|" + threads,
                    new Measured(primary.getScore(), primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()));
        }
        StringBuilder text = new StringBuilder();
        text.append("| algorithm | parameters | threads | ns/param | GB/s | % of triad | ND4J ns/param | ND4J ÷ ours "
                + "| 2 threads ÷ 1 | bytes allocated/step | JMH gc B/op (triad's floor) |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> sizes = new ArrayList<>();
        for (String key : byKey.keySet()) {
            String size = key.split("\\|")[2];
            if (!sizes.contains(size)) {
                sizes.add(size);
            }
        }
        sizes.sort(null);
        StringBuilder baselines = new StringBuilder();
        for (String size : sizes) {
            int n = Integer.parseInt(size);
            for (String threads : List.of("1", "2")) {
                Measured triad = byKey.get("TriadBenchmark.triad||" + size + "|" + threads);
                Measured restore = byKey.get("Nd4jRestoreBenchmark.restore||" + size + "|" + threads);
                baselines.append(String.format(Locale.ROOT, "- %s parameters, %s thread%s: triad %.3f ns/element = %.1f GB/s "
                        + "(24 B/element); ND4J gradient restore %.3f ns/param (subtracted from ND4J's step)%n",
                        label(n), threads, threads.equals("1") ? "" : "s",
                        triad == null ? Double.NaN : triad.microseconds * 1e3 / n, gbs(24, n, triad),
                        restore == null ? Double.NaN : restore.microseconds * 1e3 / n));
            }
            for (String algorithm : Algorithms.NAMES) {
                Measured alone = byKey.get("OptimizerStepBenchmark.step|" + algorithm + "|" + size + "|1");
                for (String threads : List.of("1", "2")) {
                    Measured ours = byKey.get("OptimizerStepBenchmark.step|" + algorithm + "|" + size + "|" + threads);
                    if (ours == null) {
                        continue;
                    }
                    Measured triad = byKey.get("TriadBenchmark.triad||" + size + "|" + threads);
                    double nsPerParam = ours.microseconds * 1e3 / n;
                    double gbs = gbs(Algorithms.bytesPerParameter(algorithm), n, ours);
                    double nd4jNs = nd4jNs(byKey.get("Nd4jUpdaterBenchmark.step|" + algorithm + "|" + size + "|" + threads),
                            byKey.get("Nd4jRestoreBenchmark.restore||" + size + "|" + threads), n);
                    long[] bytes = allocated.getOrDefault(algorithm, new long[] {-1, -1});
                    text.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f ± %.3f | %.1f | %.0f%% | %s | %s | %s | %d | %.0f (%.0f) |%n",
                            algorithm, label(n), threads, nsPerParam, ours.error * 1e3 / n, gbs, 100 * gbs / gbs(24, n, triad),
                            Double.isNaN(nd4jNs) ? "–" : String.format(Locale.ROOT, "%.3f", nd4jNs),
                            Double.isNaN(nd4jNs) ? "–" : String.format(Locale.ROOT, "%.2f", nd4jNs / nsPerParam),
                            threads.equals("1") || alone == null ? "" : String.format(Locale.ROOT, "%.2f×", alone.microseconds / ours.microseconds),
                            threads.equals("1") ? bytes[0] : bytes[1], ours.allocatedBytes,
                            triad == null ? Double.NaN : triad.allocatedBytes));
                }
            }
        }
        return text + "\nBaselines measured in the same run:\n" + baselines
                + "\nGB/s counts the bytes each step really moves: 8 per parameter for the gradient's finiteness check, "
                + "plus 8 per array read and 8 per array written by the fused loop (Adam: θ, g, m, v read; θ, m, v written = 64 B); "
                + "'% of triad' compares with the triad on as many threads.\n"
                + "'ND4J ÷ ours' is ND4J's time over ours on as many threads: above 1 means ours is faster. ND4J's step is "
                + "applyUpdater plus params.subi(update), minus the gradient restore measured alone. '2 threads ÷ 1' is our "
                + "speed-up from splitting the step (StepThreads).\n"
                + "'bytes allocated/step' is counted directly (threads' allocation counters after warm-up: 10^4 parameters on "
                + "one thread; 2^18 split over two, the helper's counter included); JMH's gc profiler figure includes the "
                + "harness's own per-iteration allocations, as the triad's shows.\n";
    }

    private static double gbs(int bytesPerElement, int n, Measured measured) {
        return measured == null ? Double.NaN : (double) bytesPerElement * n / (measured.microseconds * 1e3);
    }

    private static double nd4jNs(Measured step, Measured restore, int n) {
        return step == null || restore == null ? Double.NaN : (step.microseconds - restore.microseconds) * 1e3 / n;
    }

    private static String label(int n) {
        return n % 1_000_000 == 0 ? "10^" + Math.round(Math.log10(n)) : Integer.toString(n);
    }
}
