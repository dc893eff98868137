package course.bench;

import course.data.mnist.Mnist;
import course.dl4j.BatchedConvolution;
import course.dl4j.CourseUpdater;
import course.dl4j.MnistBatches;
import course.dl4j.MnistCnn;
import course.dl4j.MnistOptimizer;
import course.dl4j.MnistSweep;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code bin/course bench --mnist [--threads N]}: milliseconds per training step of the MNIST CNN
 * (batch 64) under the settings DL4J lets us tune, measured in rounds that take turns so that a busy
 * machine slows every variant alike. Wall time per step (median of all steps) and CPU time per step
 * (the process's CPU time over the steps: what the step costs, less sensitive to other processes,
 * but counting OpenMP threads that spin while they wait). Threads are a property of the JVM: run it
 * once per thread count. Table in target/bench/mnist-step-threads-N.md.
 */
public final class MnistTuning {
    private MnistTuning() {
    }

    private record Variant(String name, Supplier<MultiLayerNetwork> network, DataType type, boolean freshBatches) {
    }

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        int steps = 8;
        int threads = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (threads > 0) {
            MnistSweep.setThreads(threads);
        }
        threads = Nd4j.getEnvironment().maxThreads();
        Mnist.Digits digits = Mnist.load();
        IUpdater adam = MnistOptimizer.of("adam").updater();
        List<Variant> variants = List.of(
                new Variant("DL4J as usually written (conv ReLU inside, no cache), new arrays each step",
                        () -> plain(adam, DataType.FLOAT, CacheMode.NONE, WorkspaceMode.ENABLED), DataType.FLOAT, true),
                new Variant("DL4J as usually written, reused batch arrays",
                        () -> plain(adam, DataType.FLOAT, CacheMode.NONE, WorkspaceMode.ENABLED), DataType.FLOAT, false),
                new Variant("+ ReLU as its own layer", () -> tuned(adam, DataType.FLOAT, CacheMode.NONE, WorkspaceMode.ENABLED),
                        DataType.FLOAT, false),
                new Variant("+ cache mode DEVICE (the course's network)",
                        () -> tuned(adam, DataType.FLOAT, CacheMode.DEVICE, WorkspaceMode.ENABLED), DataType.FLOAT, false),
                new Variant("  same, workspaces off", () -> tuned(adam, DataType.FLOAT, CacheMode.DEVICE, WorkspaceMode.NONE),
                        DataType.FLOAT, false),
                new Variant("  same, course Adam through CourseUpdater",
                        () -> tuned(MnistOptimizer.of("adam-lib").updater(), DataType.FLOAT, CacheMode.DEVICE,
                                WorkspaceMode.ENABLED), DataType.FLOAT, false),
                new Variant("  same, DOUBLE", () -> tuned(adam, DataType.DOUBLE, CacheMode.DEVICE, WorkspaceMode.ENABLED),
                        DataType.DOUBLE, false),
                new Variant("  same, DOUBLE, course Adam",
                        () -> tuned(MnistOptimizer.of("adam-lib").updater(), DataType.DOUBLE, CacheMode.DEVICE,
                                WorkspaceMode.ENABLED), DataType.DOUBLE, false),
                new Variant("the course's network (cache DEVICE) + BatchedConvolution (contiguous im2col, batched products)",
                        () -> tuned(adam, DataType.FLOAT, CacheMode.DEVICE, WorkspaceMode.ENABLED, true), DataType.FLOAT, false),
                new Variant("  same, ReLU inside the convolution again",
                        () -> plain(adam, DataType.FLOAT, CacheMode.DEVICE, WorkspaceMode.ENABLED, true), DataType.FLOAT, false));

        Map<Variant, MultiLayerNetwork> nets = new LinkedHashMap<>();
        Map<Variant, MnistBatches> batches = new LinkedHashMap<>();
        Map<Variant, List<Double>> wall = new LinkedHashMap<>();
        Map<Variant, Double> cpu = new LinkedHashMap<>();
        int limit = 64 * (rounds * steps + 4);
        for (Variant v : variants) {
            MultiLayerNetwork net = v.network().get();
            MnistBatches b = new MnistBatches(digits.train(), limit, 64, v.type());
            b.shuffle(1, 1);
            for (int k = 0; k < 3; k++) {
                net.fit(b.batch(k)); // warm-up: JIT, workspaces sized
            }
            nets.put(v, net);
            batches.put(v, b);
            wall.put(v, new ArrayList<>());
            cpu.put(v, 0.0);
        }
        int next = 3;
        for (int r = 0; r < rounds; r++) {
            for (Variant v : variants) {
                MultiLayerNetwork net = nets.get(v);
                double c0 = cpuMillis();
                for (int s = 0; s < steps; s++) {
                    DataSet batch = batches.get(v).batch(next + s);
                    if (v.freshBatches()) {
                        batch = new DataSet(batch.getFeatures().dup(), batch.getLabels().dup());
                    }
                    long t0 = System.nanoTime();
                    net.fit(batch);
                    wall.get(v).add((System.nanoTime() - t0) / 1e6);
                }
                cpu.put(v, cpu.get(v) + cpuMillis() - c0);
            }
            next += steps;
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "MNIST CNN, batch 64, Adam: ms per training step, %d thread(s), %d rounds of %d steps; ND4J's BLAS: %s; "
                + "load average %.1f on %d cores%n%n",
                threads, rounds, steps, MnistVsPeers.nd4jBlasSuffix().isEmpty() ? "bundled OpenBLAS" : MnistVsPeers.nd4jBlasSuffix().substring(1), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        table.append("| variant | wall ms/step (median) | wall ms/step (fastest) | CPU ms/step |\n|---|---:|---:|---:|\n");
        for (Variant v : variants) {
            double[] w = wall.get(v).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", v.name(), w[w.length / 2], w[0],
                    cpu.get(v) / w.length));
        }
        System.out.println(table);
        Path out = Path.of("target", "bench", "mnist-step-threads-" + threads + MnistVsPeers.nd4jBlasSuffix() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static double cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    private static MultiLayerNetwork tuned(IUpdater updater, DataType type, CacheMode cache, WorkspaceMode workspaces) {
        return tuned(updater, type, cache, workspaces, false);
    }

    private static MultiLayerNetwork tuned(IUpdater updater, DataType type, CacheMode cache, WorkspaceMode workspaces,
            boolean batched) {
        return MnistCnn.network(updater, MnistCnn.Settings.of(1, type).withCache(cache).withWorkspaces(workspaces)
                .withBatchedConvolution(batched));
    }

    /** The source's network as DL4J examples write it: the ReLU inside the convolution layer. */
    private static MultiLayerNetwork plain(IUpdater updater, DataType type, CacheMode cache, WorkspaceMode workspaces) {
        return plain(updater, type, cache, workspaces, false);
    }

    private static MultiLayerNetwork plain(IUpdater updater, DataType type, CacheMode cache, WorkspaceMode workspaces,
            boolean batched) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(type).updater(updater)
                .weightInit(WeightInit.XAVIER_UNIFORM).cacheMode(cache).trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces).list()
                .layer((batched ? new BatchedConvolution.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3))
                        .nIn(1).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DropoutLayer.Builder(0.75).build())
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        CourseUpdater.bind(net);
        return net;
    }
}
