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
        Map<String, Long> allocated = allocationPerStep();
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
     * Bytes allocated by 1000 steps of each optimizer on 10⁴ parameters, read from the thread's
     * allocation counter after a warm-up. JMH's gc profiler divides its harness's own per-iteration
     * allocations by the few operations a slow step allows (the triad shows the same floor), so this
     * direct count is the one that says whether a step allocates. The JIT may allocate once while it
     * compiles: the smallest of five windows is reported.
     */
    static Map<String, Long> allocationPerStep() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> perStep = new HashMap<>();
        for (String algorithm : Algorithms.NAMES) {
            course.optim.Optimizer optimizer = Algorithms.ours(algorithm);
            double[] params = new double[10_000];
            double[] grad = new double[10_000];
            java.util.Arrays.fill(grad, 0.01);
            for (int k = 0; k < 20_000; k++) {
                optimizer.step(params, grad);
            }
            long smallest = Long.MAX_VALUE;
            for (int window = 0; window < 5 && smallest > 0; window++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < 1000; k++) {
                    optimizer.step(params, grad);
                }
                smallest = Math.min(smallest, threads.getCurrentThreadAllocatedBytes() - before);
            }
            perStep.put(algorithm, smallest / 1000);
        }
        return perStep;
    }

    static String table(Collection<RunResult> results, Map<String, Long> allocated) {
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
            byKey.put(kind + "|" + (algorithm == null ? "" : algorithm) + "|" + size
                    + (threads == null ? "" : "|" + threads), new Measured(primary.getScore(),
                    primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()));
        }
        StringBuilder text = new StringBuilder();
        text.append("| algorithm | parameters | ns/param | GB/s | % of triad | ND4J 1 thread ns/param | ND4J ÷ ours "
                + "| ND4J 2 threads ns/param | ND4J ÷ ours | bytes allocated/step | JMH gc B/op (triad's floor) |\n");
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
            Measured triad = byKey.get("TriadBenchmark.triad||" + size);
            Measured restore1 = byKey.get("Nd4jRestoreBenchmark.restore||" + size + "|1");
            Measured restore2 = byKey.get("Nd4jRestoreBenchmark.restore||" + size + "|2");
            double triadGbs = triad == null ? Double.NaN : 24.0 * n / (triad.microseconds * 1e3);
            baselines.append(String.format(Locale.ROOT, "- %s parameters: triad %.3f ns/element = %.1f GB/s (24 B/element); "
                    + "ND4J gradient restore %.3f (1 thread) and %.3f (2 threads) ns/param (subtracted from ND4J's step)%n",
                    label(n), triad == null ? Double.NaN : triad.microseconds * 1e3 / n, triadGbs,
                    restore1 == null ? Double.NaN : restore1.microseconds * 1e3 / n,
                    restore2 == null ? Double.NaN : restore2.microseconds * 1e3 / n));
            for (String algorithm : Algorithms.NAMES) {
                Measured ours = byKey.get("OptimizerStepBenchmark.step|" + algorithm + "|" + size);
                if (ours == null) {
                    continue;
                }
                double nsPerParam = ours.microseconds * 1e3 / n;
                double gbs = Algorithms.bytesPerParameter(algorithm) * (double) n / (ours.microseconds * 1e3);
                double nd4jNs1 = nd4jNs(byKey.get("Nd4jUpdaterBenchmark.step|" + algorithm + "|" + size + "|1"), restore1, n);
                double nd4jNs2 = nd4jNs(byKey.get("Nd4jUpdaterBenchmark.step|" + algorithm + "|" + size + "|2"), restore2, n);
                text.append(String.format(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.1f | %.0f%% | %s | %s | %s | %s | %d | %.0f (%.0f) |%n",
                        algorithm, label(n), nsPerParam, ours.error * 1e3 / n, gbs, 100 * gbs / triadGbs,
                        Double.isNaN(nd4jNs1) ? "–" : String.format(Locale.ROOT, "%.3f", nd4jNs1),
                        Double.isNaN(nd4jNs1) ? "–" : String.format(Locale.ROOT, "%.2f", nd4jNs1 / nsPerParam),
                        Double.isNaN(nd4jNs2) ? "–" : String.format(Locale.ROOT, "%.3f", nd4jNs2),
                        Double.isNaN(nd4jNs2) ? "–" : String.format(Locale.ROOT, "%.2f", nd4jNs2 / nsPerParam),
                        allocated.getOrDefault(algorithm, -1L), ours.allocatedBytes,
                        triad == null ? Double.NaN : triad.allocatedBytes));
            }
        }
        return text + "\nBaselines measured in the same run:\n" + baselines
                + "\nGB/s counts the bytes each step really moves: 8 per parameter for the gradient's finiteness check, "
                + "plus 8 per array read and 8 per array written by the fused loop (Adam: θ, g, m, v read; θ, m, v written = 64 B).\n"
                + "'ND4J ÷ ours' is ND4J's time over ours: above 1 means ours is faster; our step is one "
                + "thread, ND4J runs with 1 thread (loop against loop) and with 2 (its default here). ND4J's step is applyUpdater plus "
                + "params.subi(update), minus the gradient restore measured alone.\n"
                + "'bytes allocated/step' is counted directly (thread allocation counter, 1000 steps after warm-up); "
                + "JMH's gc profiler figure includes the harness's own per-iteration allocations, as the triad's shows.\n";
    }

    private static double nd4jNs(Measured step, Measured restore, int n) {
        return step == null || restore == null ? Double.NaN : (step.microseconds - restore.microseconds) * 1e3 / n;
    }

    private static String label(int n) {
        return n % 1_000_000 == 0 ? "10^" + Math.round(Math.log10(n)) : Integer.toString(n);
    }
}
