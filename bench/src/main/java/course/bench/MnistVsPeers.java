package course.bench;

import course.data.mnist.Mnist;
import course.dl4j.MnistCnn;
import course.dl4j.MnistOptimizer;
import course.dl4j.MnistSweep;
import course.dl4j.MnistTraining;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code bin/course bench --mnist-vs-peers [--threads N] [--steps N] [--rounds R] [--warmup N]}: the
 * lesson-11 network, batch 64, Adam with Keras's numbers, timed in DL4J (the course's
 * {@link MnistTraining} as the sweep runs it: its default path, and each opt-in variant that can change
 * inside one JVM) and in the peers, PyTorch 2.x ({@code tools/mnist_torch.py}) and Keras 3
 * ({@code tools/mnist_keras.py --time}), run by the bench environment's Python ({@code --python}). All
 * take turns, round by round, so that a busy machine slows them alike; each peer is a fresh process per
 * round, pinned to N CPUs ({@code tools/peer_timing.py}).
 *
 * <p>Each number is the median over the rounds' steps of one training step (forward, loss, backward,
 * update on a batch already in memory) after a warm-up: wall time, and the CPU time of the whole process
 * (all its threads; waiting for a busy core adds to the wall time only; for DL4J the round's CPU time over
 * its steps, since the JVM's process clock ticks in 10 ms). The epoch is that times 938
 * steps. GFLOP/s is {@link MnistCnn#trainingFlops(int)} (0.58 GFLOP a step) over the wall time: the
 * distance to what the cores can do. Table in target/bench/mnist-vs-peers-threads-N[-mkl_rt].md.
 */
public final class MnistVsPeers {
    private static final int STEPS_PER_EPOCH = 938;
    private static final int BATCH = 64;

    private MnistVsPeers() {
    }

    /** One framework (or DL4J setting) and the step times measured for it. */
    private static final class Side {
        final String name;
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        int threads;
        String note = "";

        Side(String name, int threads) {
            this.name = name;
            this.threads = threads;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = 1;
        int steps = 60;
        int rounds = 3;
        int warmup = 10;
        String python = "python3";
        List<String> peers = List.of("torch", "keras");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                case "--peers" -> {
                    String list = args[++i];
                    peers = list.equals("none") ? List.of() : List.of(list.split(","));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --threads N, --steps N, --rounds R, --warmup N, --python PATH, --peers torch,keras or none)");
            }
        }
        if ((warmup + (long) steps * rounds) >= STEPS_PER_EPOCH) {
            throw new IllegalArgumentException("warm-up plus steps times rounds must stay inside one epoch (938 steps)");
        }
        MnistSweep.setThreads(threads);
        Mnist.Digits digits = Mnist.load();
        String blas = nd4jBlasSuffix().isEmpty() ? "" : ", ND4J on " + nd4jBlasSuffix().substring(1);
        String dl4j = "DL4J " + MnistSweep.Environment.detect().dl4j();
        Map<Side, MnistTraining.Run> variants = new LinkedHashMap<>();
        MnistTraining defaults = MnistTraining.on(digits).epochs(1);
        variants.put(new Side(dl4j + " default (" + (defaults.batchedConvolutionOn() ? "course BatchedConvolution"
                : "its own convolution") + blas + ")", threads), defaults.start(MnistOptimizer.of("adam")));
        variants.put(new Side(dl4j + (defaults.batchedConvolutionOn() ? " --dl4j-conv (its own convolution)"
                : " with BatchedConvolution") + blas, threads),
                MnistTraining.on(digits).epochs(1).batchedConvolution(!defaults.batchedConvolutionOn())
                        .start(MnistOptimizer.of("adam")));
        for (MnistTraining.Run run : variants.values()) {
            for (int k = 0; k < warmup; k++) {
                run.step();
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Side> peerSides = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d:", r, rounds));
            for (Map.Entry<Side, MnistTraining.Run> variant : variants.entrySet()) {
                Side side = variant.getKey();
                List<Double> round = new ArrayList<>();
                // the process CPU clock ticks in 10 ms here: the round's CPU time over its steps, not per step
                long roundCpu = os.getProcessCpuTime();
                for (int k = 0; k < steps; k++) {
                    long t0 = System.nanoTime();
                    variant.getValue().step();
                    round.add((System.nanoTime() - t0) / 1e6);
                }
                double cpuPerStep = (os.getProcessCpuTime() - roundCpu) / 1e6 / steps;
                for (int k = 0; k < steps; k++) {
                    side.cpu.add(cpuPerStep);
                }
                side.wall.addAll(round);
                line.append(String.format(Locale.ROOT, " %s %.1f,", side.name, median(round)));
            }
            for (String peer : peers) {
                String json = peer(python, peer, threads, steps, warmup);
                Side side = peerSides.computeIfAbsent(peer, p -> new Side(string(json, "framework"), 0));
                side.threads = (int) number(json, "threads");
                side.note = string(json, "blas") + (json.contains("\"fast_blas\": true") ? "" : " (NOT a fast BLAS: not a fair peer)");
                // the peer reports medians of its own steps; the round's median stands for its steps
                for (int k = 0; k < steps; k++) {
                    side.wall.add(number(json, "ms_per_step_median"));
                    side.cpu.add(number(json, "cpu_ms_per_step_median"));
                }
                line.append(String.format(Locale.ROOT, " %s %.1f,", side.name, number(json, "ms_per_step_median")));
            }
            System.out.println(line.substring(0, line.length() - 1) + " ms/step (wall medians of " + steps + " steps)");
        }
        List<Side> sides = new ArrayList<>(variants.keySet());
        sides.addAll(peerSides.values());
        String table = table(sides, peerSides, threads, steps, rounds, warmup, os.getSystemLoadAverage());
        System.out.println();
        System.out.print(table);
        Path out = Path.of("target", "bench", "mnist-vs-peers-threads-" + threads + nd4jBlasSuffix() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static String table(List<Side> sides, Map<String, Side> peers, int threads, int steps, int rounds, int warmup,
                                double load) {
        double gflop = MnistCnn.trainingFlops(BATCH) / 1e9;
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "MNIST CNN (lesson 11), batch %d, Adam (Keras's numbers), CPU, %d thread%s; "
                + "%d rounds of %d steps after %d warm-up steps, taking turns; %s, %s%n%n", BATCH, threads,
                threads == 1 ? "" : "s", rounds, steps, warmup, MnistSweep.Environment.detect().machine(),
                LocalDate.now(ZoneOffset.UTC)));
        t.append("| framework | threads | wall ms/step | epoch (938 steps) | CPU ms/step | GFLOP/s (wall)");
        for (Side peer : peers.values()) {
            t.append(" | ÷ ").append(shortName(peer.name));
        }
        t.append(" |\n|---|---:|---:|---:|---:|---:").append("|---:".repeat(peers.size())).append("|\n");
        for (Side side : sides) {
            double ms = median(side.wall);
            t.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f s | %.1f | %.1f", side.name, side.threads, ms,
                    ms * STEPS_PER_EPOCH / 1000, median(side.cpu), gflop / (ms / 1000)));
            for (Side peer : peers.values()) {
                t.append(String.format(Locale.ROOT, " | %.2f×", ms / median(peer.wall)));
            }
            t.append(" |\n");
        }
        t.append(String.format(Locale.ROOT, "%nOne step is %.3f GFLOP (MnistCnn.trainingFlops(64): forward, backward, "
                + "without the update). ND4J's BLAS: %s.%n", gflop,
                nd4jBlasSuffix().isEmpty() ? "its bundled OpenBLAS" : nd4jBlasSuffix().substring(1) + " (bin/course --mkl)"));
        for (Side peer : peers.values()) {
            t.append(peer.name).append(": ").append(peer.note).append(".\n");
        }
        t.append(String.format(Locale.ROOT, "Load average at the end: %.1f (above the cores used, the wall times include "
                + "waiting for a core; the CPU times do not).%n", load));
        return t.toString();
    }

    private static String shortName(String framework) {
        return framework.split(" ")[0];
    }

    private static String peer(String python, String peer, int threads, int steps, int warmup)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python));
        switch (peer) {
            case "torch" -> command.add("tools/mnist_torch.py");
            case "keras" -> command.addAll(List.of("tools/mnist_keras.py", "--time"));
            default -> throw new IllegalArgumentException("unknown peer " + peer + " (peers: torch, keras)");
        }
        command.addAll(List.of("--json", "--threads", String.valueOf(threads), "--steps", String.valueOf(steps),
                "--warmup", String.valueOf(warmup)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("KERAS_BACKEND", "jax");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status = process.waitFor();
        String last = output.lines().reduce("", (a, b) -> b);
        if (status != 0 || !last.startsWith("{")) {
            throw new IllegalStateException("the " + peer + " side failed (exit " + status + "): " + String.join(" ", command)
                    + "\n" + output);
        }
        return last;
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
