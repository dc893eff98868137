package course.bench;

import course.data.mnist.Mnist;
import course.dl4j.MnistOptimizer;
import course.dl4j.MnistSweep;
import course.dl4j.MnistTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code bin/course bench --mnist-vs-torch [--threads N] [--steps N] [--rounds R]}: the lesson-11
 * network, batch 64, Adam with Keras's numbers, timed in DL4J (the course's {@link MnistTraining}, as
 * the sweep runs it, with DL4J's own convolution and with the course's {@code BatchedConvolution}) and in PyTorch ({@code tools/mnist_torch.py} under {@code /usr/bin/python3}) in
 * one session. The two take turns, round by round, so that a busy machine slows both alike. Each
 * side's number is the median wall time of its single steps (forward, backward, update on a batch
 * already in memory) after a warm-up; the epoch time is that times 938 steps. Both wall time and the CPU
 * time of the working thread (each side computes on its calling thread with one thread; a busy machine
 * makes the wall time wait for a core, not the CPU time). PyTorch must run on
 * OpenBLAS to be a fair peer: the script reports the BLAS library it loaded, and this prints a warning
 * when it is not OpenBLAS. Table in target/bench/mnist-vs-torch-threads-N.md.
 */
public final class MnistVsTorch {
    private static final int STEPS_PER_EPOCH = 938;

    private MnistVsTorch() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = 1;
        int steps = 60;
        int rounds = 3;
        int warmup = 10;
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --threads N, --steps N, --rounds R, --warmup N, --python PATH)");
            }
        }
        if ((warmup + (long) steps * rounds) >= STEPS_PER_EPOCH) {
            throw new IllegalArgumentException("warm-up plus steps times rounds must stay inside one epoch (938 steps)");
        }
        MnistSweep.setThreads(threads);
        Mnist.Digits digits = Mnist.load();
        String[] names = {"DL4J %s, its own convolution", "DL4J %s, course BatchedConvolution"};
        MnistTraining.Run[] dl4j = {
            MnistTraining.on(digits).epochs(1).start(MnistOptimizer.of("adam")),
            MnistTraining.on(digits).epochs(1).batchedConvolution(true).start(MnistOptimizer.of("adam"))};
        for (MnistTraining.Run run : dl4j) {
            for (int k = 0; k < warmup; k++) {
                run.step();
            }
        }
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<List<Double>> dl4jTimes = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> dl4jCpu = List.of(new ArrayList<>(), new ArrayList<>());
        List<Double> torchMedians = new ArrayList<>();
        List<Double> torchCpu = new ArrayList<>();
        String torchName = "PyTorch";
        String blas = "unknown";
        boolean openblas = false;
        int torchThreads = threads;
        for (int r = 1; r <= rounds; r++) {
            double[] roundMedians = new double[dl4j.length];
            for (int v = 0; v < dl4j.length; v++) {
                List<Double> round = new ArrayList<>();
                for (int k = 0; k < steps; k++) {
                    long t0 = System.nanoTime();
                    long c0 = cpu.getCurrentThreadCpuTime();
                    dl4j[v].step();
                    round.add((System.nanoTime() - t0) / 1e6);
                    dl4jCpu.get(v).add((cpu.getCurrentThreadCpuTime() - c0) / 1e6);
                }
                dl4jTimes.get(v).addAll(round);
                roundMedians[v] = median(round);
            }
            String json = torch(python, threads, steps, warmup);
            torchMedians.add(number(json, "ms_per_step_median"));
            torchCpu.add(number(json, "cpu_ms_per_step_median"));
            torchName = string(json, "framework");
            blas = string(json, "blas");
            openblas = json.contains("\"openblas\": true");
            torchThreads = (int) number(json, "threads");
            System.out.printf(Locale.ROOT, "round %d/%d: DL4J %.1f, DL4J + BatchedConvolution %.1f, PyTorch %.1f ms/step "
                    + "(wall, medians of %d steps)%n", r, rounds, roundMedians[0], roundMedians[1], torchMedians.get(r - 1), steps);
        }
        double torchMs = median(torchMedians);
        double torchCpuMs = median(torchCpu);
        int nd4jThreads = Nd4j.getEnvironment().maxThreads();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "MNIST CNN (lesson 11), batch 64, Adam (Keras numbers), CPU; %d rounds of %d "
                + "steps each after %d warm-up steps, taking turns; median wall ms per step%n%n", rounds, steps, warmup));
        table.append("| framework | threads | wall ms/step | epoch (938 steps, wall) | CPU ms/step | epoch (CPU) | wall ÷ PyTorch | CPU ÷ PyTorch |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder ratios = new StringBuilder();
        for (int v = 0; v < dl4j.length; v++) {
            double ms = median(dl4jTimes.get(v));
            double cpuMs = median(dl4jCpu.get(v));
            String name = String.format(Locale.ROOT, names[v], MnistSweep.Environment.detect().dl4j());
            table.append(String.format(Locale.ROOT, "| %s (FLOAT) | %d | %.1f | %.0f s | %.1f | %.0f s | %.2f× | %.2f× |%n",
                    name, nd4jThreads, ms, ms * STEPS_PER_EPOCH / 1000, cpuMs, cpuMs * STEPS_PER_EPOCH / 1000,
                    ms / torchMs, cpuMs / torchCpuMs));
            ratios.append(String.format(Locale.ROOT, "%s / PyTorch = %.2f (wall), %.2f (CPU time of the working thread)%n",
                    name, ms / torchMs, cpuMs / torchCpuMs));
        }
        table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f s | %.1f | %.0f s | 1.00× | 1.00× |%n", torchName,
                torchThreads, torchMs, torchMs * STEPS_PER_EPOCH / 1000, torchCpuMs, torchCpuMs * STEPS_PER_EPOCH / 1000));
        table.append("\n").append(ratios).append("ND4J's BLAS: ").append(nd4jBlasSuffix().isEmpty() ? "its bundled OpenBLAS"
                : nd4jBlasSuffix().substring(1) + " (bin/course --mkl)").append("; PyTorch's BLAS: ").append(blas).append("\n");
        table.append(String.format(Locale.ROOT, "load average while measuring: %.1f on %d cores (wall time includes waiting "
                + "for a core; CPU time does not)%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        if (!openblas) {
            table.append("\nWARNING: PyTorch is not running on OpenBLAS (Debian's python3-torch links the reference BLAS "
                    + "unless libopenblas0-pthread is installed: apt-get install libopenblas0-pthread). Its time is "
                    + "not a fair peer.\n");
        }
        System.out.println();
        System.out.print(table);
        Path out = Path.of("target", "bench", "mnist-vs-torch-threads-" + threads + nd4jBlasSuffix() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static String torch(String python, int threads, int steps, int warmup) throws IOException, InterruptedException {
        List<String> command = List.of(python, "tools/mnist_torch.py", "--json", "--threads", String.valueOf(threads),
                "--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status = process.waitFor();
        if (status != 0 || !output.startsWith("{")) {
            throw new IllegalStateException("the PyTorch side failed (exit " + status + "): " + String.join(" ", command)
                    + "\n" + output);
        }
        return output;
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "unknown";
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** "" with ND4J's bundled OpenBLAS, "-mkl_rt" where bin/course --mkl had JavaCPP load MKL instead. */
    static String nd4jBlasSuffix() {
        String load = System.getProperty("org.bytedeco.openblas.load");
        return load == null || load.isBlank() ? "" : "-" + load.strip();
    }
}
