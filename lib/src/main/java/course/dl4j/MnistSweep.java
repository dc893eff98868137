package course.dl4j;

import course.data.mnist.Mnist;
import course.data.mnist.MnistException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code bin/course mnist}: the source chapter's sweep from the command line. Trains each optimizer
 * in turn for the given epochs and after every finished epoch appends its row to
 * {@code results.csv}, saves a checkpoint of the network and optimizer state, and redraws
 * {@code accuracy.png} and {@code index.html}, so that an interrupted sweep, started again with the
 * same options, skips what is done and continues the unfinished optimizer from its last epoch.
 * <pre>
 *   --optimizers LIST  comma-separated names, or source (default), beyond, all; see {@link MnistOptimizer}
 *   --epochs N         epochs per optimizer (default 10)
 *   --limit N          train on the first N training images (default all 60,000)
 *   --threads N        ND4J/BLAS threads (default: ND4J's, one per core)
 *   --double           run the network in DOUBLE instead of FLOAT
 *   --dl4j-conv        the convolution by DL4J's own ConvolutionLayer path instead of the default
 *                      {@link BatchedConvolution} (the same function, slower; results kept apart)
 *   --batched-conv     the default, accepted so that older commands still run
 *   --seed S           initial weights, order and dropout (default 1)
 *   --out DIR          output folder (default target/mnist)
 *   --fresh            ignore saved results and checkpoints of these settings
 *   --trace            instead of the sweep: one epoch of DL4J's Adam and of the course's Adam through
 *                      CourseUpdater, compared step by step ({@link MnistTrace}); exit status 1 if the
 *                      losses differ by more than 1e-4 relative over the first 100 steps or the
 *                      epoch's results by more than 1%
 * </pre>
 */
public final class MnistSweep {
    /** What the command line asked for. */
    public record Options(List<MnistOptimizer> optimizers, int epochs, int limit, int threads, DataType dataType,
                          long seed, Path out, boolean fresh, boolean trace, boolean batchedConvolution) {
    }

    private final Options options;
    private final PrintStream out;
    private final Environment environment;

    /** Where the numbers were measured (written into every CSV row). */
    public record Environment(String machine, String jdk, String dl4j, String git) {
        public static Environment detect() {
            return new Environment(MnistSweep.machine(), System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                    dl4jVersion(), System.getProperty("course.git", "unknown"));
        }
    }

    public MnistSweep(Options options, PrintStream out, Environment environment) {
        this.options = options;
        this.out = out;
        this.environment = environment;
    }

    /** {@code --check ARGS}: only parse them (bin/course does, before it fetches data or loads DL4J). */
    public static void main(String[] args) {
        boolean check = args.length > 0 && args[0].equals("--check");
        Options options;
        try {
            options = parse(check ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        } catch (IllegalArgumentException e) {
            System.err.println("course mnist: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (check) {
            return;
        }
        try {
            Mnist.Digits digits = Mnist.load();
            MnistSweep sweep = new MnistSweep(options, System.out, Environment.detect());
            if (options.trace()) {
                System.exit(sweep.trace(digits) ? 0 : 1);
            }
            sweep.run(digits);
        } catch (MnistException | IllegalStateException | UncheckedIOException e) {
            System.err.println("course mnist: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Parses the command line; every mistake is an IllegalArgumentException with a message that says what to type. */
    public static Options parse(String... args) {
        List<MnistOptimizer> optimizers = MnistOptimizer.list("source");
        int epochs = 10;
        int limit = 60_000;
        int threads = 0;
        DataType dataType = DataType.FLOAT;
        long seed = MnistTraining.DEFAULT_SEED;
        Path outDir = Path.of("target", "mnist");
        boolean fresh = false;
        boolean trace = false;
        boolean batched = true;
        boolean optimizersGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--double" -> dataType = DataType.DOUBLE;
                case "--fresh" -> fresh = true;
                case "--trace" -> trace = true;
                case "--batched-conv" -> batched = true;
                case "--dl4j-conv" -> batched = false;
                case "--optimizers", "--epochs", "--limit", "--threads", "--seed", "--out" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(name + " needs a value, e.g. " + example(name));
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--optimizers" -> {
                            optimizers = MnistOptimizer.list(value);
                            optimizersGiven = true;
                        }
                        case "--epochs" -> epochs = count(name, value, "epochs");
                        case "--limit" -> limit = count(name, value, "training images");
                        case "--threads" -> threads = count(name, value, "threads");
                        case "--seed" -> seed = integer(name, value);
                        default -> outDir = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "': the options are --optimizers LIST, "
                        + "--epochs N, --limit N, --threads N, --double, --dl4j-conv, --seed S, --out DIR, --fresh, --trace");
            }
        }
        if (trace && optimizersGiven) {
            throw new IllegalArgumentException("--trace compares adam with adam-lib; it takes no --optimizers");
        }
        return new Options(optimizers, epochs, limit, threads, dataType, seed, outDir, fresh, trace, batched);
    }

    private static String example(String option) {
        return switch (option) {
            case "--optimizers" -> "--optimizers adam,sgd (or source, beyond, all)";
            case "--epochs" -> "--epochs 10";
            case "--limit" -> "--limit 5000";
            case "--threads" -> "--threads 1";
            case "--seed" -> "--seed 1";
            default -> "--out target/mnist";
        };
    }

    private static int count(String option, String value, String what) {
        long n = integer(option, value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " " + value + ": the number of " + what + " must be at least 1");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " " + value + " is too large");
        }
        return (int) n;
    }

    private static long integer(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "', e.g. " + example(option));
        }
    }

    /** Runs the sweep on {@code digits}; returns the rows of these settings, in optimizer order. */
    public List<MnistEpoch> run(Mnist.Digits digits) {
        if (options.threads() > 0) {
            setThreads(options.threads());
        }
        int threads = Nd4j.getEnvironment().maxThreads();
        busyHint(threads);
        MnistTraining training = MnistTraining.on(digits).epochs(options.epochs()).limit(options.limit())
                .seed(options.seed()).dataType(options.dataType()).batchedConvolution(options.batchedConvolution())
                .progress(new ConsoleProgress(out, options.epochs()));
        String key = training.key();
        Path dir = options.out();
        MnistResults results = MnistResults.open(dir.resolve("results.csv"));
        Path checkpoints = dir.resolve("checkpoints").resolve(key.replaceAll("[^A-Za-z0-9=.-]+", "_"));
        List<String> names = new ArrayList<>();
        for (MnistOptimizer optimizer : options.optimizers()) {
            names.add(optimizer.name());
        }
        out.printf(Locale.ROOT, "MNIST sweep: %s; %d epochs of %d steps (batch %d) on %d images, validation on %d; %d thread%s; %s%n",
                String.join(", ", names), options.epochs(), training.stepsPerEpoch(), training.batchSize(),
                training.trainImages(), training.validationImages(), threads, threads == 1 ? "" : "s", key);
        for (MnistOptimizer optimizer : options.optimizers()) {
            Path checkpoint = checkpoints.resolve(optimizer.name() + ".ckpt");
            if (options.fresh()) {
                results.truncate(key, optimizer.name(), 0);
                deleteQuietly(checkpoint);
            }
            int done = results.epochsDone(key, optimizer.name());
            if (done >= options.epochs()) {
                out.printf("%s: epochs 1-%d already in %s, skipped%n", optimizer.name(), options.epochs(), results.file());
                continue;
            }
            MnistTraining.Run run = training.start(optimizer);
            int saved = Math.min(MnistCheckpoint.epochs(checkpoint, key, optimizer), done);
            if (saved > 0) {
                MnistCheckpoint.restore(run, key, checkpoint);
                if (run.epochsDone() > saved) {
                    // the checkpoint is ahead of the results file (stopped between the two writes): redo from scratch
                    run = training.start(optimizer);
                    saved = 0;
                }
            } else {
                saved = 0;
            }
            results.truncate(key, optimizer.name(), saved);
            out.printf("%s: %s on %s%s%n", optimizer.name(), optimizer.keras(), optimizer.implementation(),
                    saved > 0 ? "; resuming after epoch " + saved + " from " + checkpoint : "");
            while (run.epochsDone() < options.epochs()) {
                MnistEpoch row = run.trainEpoch();
                results.add(new MnistResults.Row(key, optimizer.implementation(), row, threads, environment.machine(),
                        environment.jdk(), environment.dl4j(), environment.git(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
                MnistCheckpoint.save(run, key, checkpoint);
                report(results, key, names, training, threads);
            }
        }
        List<MnistEpoch> rows = results.epochs(key, names, options.epochs());
        out.println();
        out.println(MnistTraining.table(rows));
        report(results, key, names, training, threads);
        out.println("results: " + results.file() + ", " + dir.resolve("accuracy.png") + ", " + dir.resolve("index.html"));
        return rows;
    }

    /** The Adam trace of the issue: 1e-4 relative over the first 100 steps, 1% after the epoch. */
    public boolean trace(Mnist.Digits digits) {
        if (options.threads() > 0) {
            setThreads(options.threads());
        }
        MnistTraining training = MnistTraining.on(digits).epochs(1).limit(options.limit()).seed(options.seed())
                .dataType(options.dataType()).batchedConvolution(options.batchedConvolution())
                .progress(new ConsoleProgress(out, 1));
        out.printf(Locale.ROOT, "Adam trace: DL4J's Adam against the course's Adam through CourseUpdater, one epoch of %d steps "
                + "(batch %d), %s%n", training.stepsPerEpoch(), training.batchSize(), training.key());
        MnistTrace.Result result = MnistTrace.run(training, "adam", "adam-lib", 100);
        out.println(result.table());
        boolean first = result.referenceLosses()[0] == result.candidateLosses()[0];
        double epoch = result.worstEpochDifference();
        out.printf(Locale.ROOT, "first step: losses %s (same weights, same batch, same dropout mask)%n",
                first ? "identical" : "DIFFER: " + result.referenceLosses()[0] + " vs " + result.candidateLosses()[0]);
        out.printf(Locale.ROOT, "worst relative loss difference over the first %d steps: %.3g (step %d); limit 1e-4%n",
                result.compared(), result.worstRelative(), result.worstStep());
        out.printf(Locale.ROOT, "after the epoch: largest relative difference %.3g %s; limit 1%%%n", epoch,
                result.epochDifferences());
        out.println(MnistTraining.table(List.of(result.referenceEpoch(), result.candidateEpoch())));
        boolean ok = first && result.worstRelative() <= 1e-4 && epoch <= 0.01;
        out.println(ok ? "trace: OK" : "trace: FAILED");
        return ok;
    }

    private void report(MnistResults results, String key, List<String> names, MnistTraining training, int threads) {
        List<MnistEpoch> rows = results.epochs(key, names, options.epochs());
        if (rows.isEmpty()) {
            return;
        }
        Path dir = options.out();
        String title = "MNIST CNN, batch " + training.batchSize() + ": validation accuracy per epoch";
        byte[] png = MnistReport.writePng(rows, title, dir.resolve("accuracy.png"));
        List<String> facts = List.of(
                "settings: " + key + " (" + training.stepsPerEpoch() + " steps per epoch)",
                "network: Conv2D 32 3x3 ReLU, MaxPool 2x2, Dropout 0.25, Dense 256 ReLU, Dropout 0.5, Dense 10 softmax; "
                        + MnistCnn.PARAMETERS + " parameters; Glorot uniform weights, zero biases",
                "machine: " + environment.machine() + "; " + threads + " ND4J thread(s)",
                "JDK " + environment.jdk() + "; DL4J " + environment.dl4j() + "; git " + environment.git(),
                "seconds and ms/step count the training steps only; validation is timed apart (results.csv: eval_seconds)");
        List<String> implementations = new ArrayList<>();
        for (MnistOptimizer optimizer : options.optimizers()) {
            implementations.add(optimizer.name() + ": Keras " + optimizer.keras() + ", run on " + optimizer.implementation());
        }
        String html = MnistReport.html("MNIST: optimizers compared on DL4J", facts, implementations, png, rows);
        try {
            Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("index.html") + ": " + e.getMessage(), e);
        }
    }

    /** On a machine busy with other work, OpenMP threads waiting for each other cost more than they gain. */
    private void busyHint(int threads) {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (options.threads() == 0 && threads > 1 && load >= 0.75 * cores) {
            out.printf(Locale.ROOT, "note: the machine is busy (load average %.1f on %d cores); --threads 1 is usually "
                    + "faster then (measured here: 113 against 327 ms a step)%n", load, cores);
        }
    }

    /**
     * ND4J's OpenMP threads and the BLAS threads (OMP_NUM_THREADS before the JVM starts does the same),
     * and the threads a course optimizer's step may split over ({@link course.optim.StepThreads}).
     */
    public static void setThreads(int threads) {
        course.optim.StepThreads.setThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    static String machine() {
        String cpu = System.getProperty("os.arch");
        int usable = Runtime.getRuntime().availableProcessors();
        int cores = usable;
        try {
            int listed = 0;
            String model = null;
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model == null) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                }
                if (line.startsWith("processor")) {
                    listed++;
                }
            }
            cores = Math.max(listed, usable);
            cpu = model != null ? model : cpu;
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        // a process pinned to fewer CPUs (bin/course bench --mnist-vs-peers --threads 1) still names the machine's
        return cpu + ", " + cores + " cores" + (usable < cores ? " (" + usable + " used)" : "") + ", "
                + Math.round(memory / 1e9) + " GB, " + System.getProperty("os.name");
    }

    static String dl4jVersion() {
        try (InputStream in = MnistSweep.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** The live display on a terminal: one line per epoch, redrawn in place; plain lines when piped. */
    static final class ConsoleProgress implements MnistTraining.Progress {
        private final PrintStream out;
        private final int epochs;
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private int lastTenth = -1;

        ConsoleProgress(PrintStream out, int epochs) {
            this.out = out;
            this.epochs = epochs;
        }

        @Override
        public void stepEnded(String optimizer, int epoch, int step, int steps, double loss, double seconds) {
            long now = System.nanoTime();
            int tenth = step * 10 / steps;
            boolean draw = terminal ? now - lastDraw > 500_000_000L || step == steps : tenth != lastTenth && step < steps;
            if (!draw) {
                return;
            }
            lastDraw = now;
            lastTenth = tenth;
            double ms = seconds * 1000 / step;
            String line = String.format(Locale.ROOT, "  %s epoch %d/%d: step %d/%d, loss %.4f, %.0f ms/step, %s left",
                    optimizer, epoch, epochs, step, steps, loss, ms, clock(ms * (steps - step) / 1000));
            if (terminal) {
                out.print("\r" + line + "   ");
                out.flush();
            } else {
                out.println(line);
            }
        }

        @Override
        public void epochEnded(MnistEpoch e) {
            if (terminal) {
                out.print("\r");
            }
            lastTenth = -1;
            out.printf(Locale.ROOT, "%-9s epoch %2d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | %.1f s, %.1f ms/step (+%.1f s validation)%n",
                    e.optimizer(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                    e.seconds(), e.msPerStep(), e.evalSeconds());
        }

        private static String clock(double seconds) {
            long s = Math.round(seconds);
            return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
        }
    }
}
