package course.dl4j;

import course.Validate;
import course.data.mnist.Mnist;
import course.display.Table;
import course.optim.Optimizer;
import course.train.History;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.CrashReportingUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The source chapter's experiment on DL4J: the {@link MnistCnn} trained with one optimizer, batch
 * 64, validation on the test images after every epoch.
 * <pre>
 * Mnist.Digits digits = Mnist.load();
 * MnistTraining training = MnistTraining.on(digits).epochs(10);
 * MnistTraining.Result adam = training.run(MnistOptimizer.of("adam"));
 * adam.history();                      // the epoch table
 * </pre>
 * Deterministic: the seed fixes the initial weights, each epoch's order of images (a function of
 * seed and epoch) and each epoch's dropout masks (ND4J's global generator is reseeded from seed and
 * epoch before the epoch), so two runs with the same settings, or a run resumed from a
 * {@link MnistCheckpoint}, see the same batches and masks.
 *
 * <p>A live display in a notebook: {@code var shown = display("…");} then
 * {@code training.progress(new MnistTraining.Progress() { public void stepEnded(String o, int e, int s,
 * int n, double loss, double seconds) { if (s % 50 == 0) updateDisplay(shown, o + " epoch " + e + ": step "
 * + s + "/" + n + ", loss " + loss); } })}; {@code bin/course mnist} redraws one line per epoch.
 *
 * <p>The training path does nothing but {@code net.fit(batch)} on reused arrays; the loss of each
 * step is DL4J's score of the training pass, the training accuracy is counted inside the loss
 * function ({@link CountingCrossEntropy}) from the same pass; validation runs after the epoch's steps
 * and is timed apart.
 */
public final class MnistTraining {
    /** Keras's Glorot/zero initializers with this seed unless {@link #seed(long)} says otherwise. */
    public static final long DEFAULT_SEED = 1;

    private final Mnist.Digits digits;
    private int epochs = 10;
    private int limit = Integer.MAX_VALUE;
    private int validationLimit = Integer.MAX_VALUE;
    private int batchSize = 64;
    private int evalBatchSize = 500;
    private long seed = DEFAULT_SEED;
    private DataType dataType = DataType.FLOAT;
    private boolean dropout = true;
    private WorkspaceMode workspaces = WorkspaceMode.ENABLED;
    private CacheMode cache = CacheMode.DEVICE;
    private boolean batchedConvolution = true;
    private Progress progress;

    private MnistTraining(Mnist.Digits digits) {
        this.digits = digits;
    }

    /** Training on {@code digits.train()}, validation on {@code digits.test()}. */
    public static MnistTraining on(Mnist.Digits digits) {
        Validate.notNull("MNIST digits", digits);
        return new MnistTraining(digits);
    }

    /** Called as training goes: after every step and after every epoch. */
    public interface Progress {
        default void stepEnded(String optimizer, int epoch, int step, int steps, double loss, double seconds) {
        }

        default void epochEnded(MnistEpoch epoch) {
        }
    }

    public MnistTraining epochs(int epochs) {
        this.epochs = Validate.positive("epochs", epochs);
        return this;
    }

    /** Trains on the first {@code limit} training images only (all 60,000 by default). */
    public MnistTraining limit(int limit) {
        this.limit = Validate.positive("limit (training images)", limit);
        return this;
    }

    /** Validates on the first {@code limit} test images only (all 10,000 by default). */
    public MnistTraining validationLimit(int limit) {
        this.validationLimit = Validate.positive("validation limit", limit);
        return this;
    }

    public MnistTraining batchSize(int batchSize) {
        this.batchSize = Validate.positive("batch size", batchSize);
        return this;
    }

    public MnistTraining seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** FLOAT (default, faster) or DOUBLE (for traces to 1e-10). */
    public MnistTraining dataType(DataType dataType) {
        MnistCnn.Settings.of(seed, dataType);
        this.dataType = dataType;
        return this;
    }

    /** Off only for experiments: the source's network has its two dropout layers. */
    public MnistTraining dropout(boolean on) {
        this.dropout = on;
        return this;
    }

    /** DL4J's workspaces (ENABLED by default: they reuse the activations' memory between steps). */
    public MnistTraining workspaces(WorkspaceMode mode) {
        this.workspaces = Validate.notNull("workspace mode", mode);
        return this;
    }

    /** DL4J's cache mode (DEVICE by default: the forward pass keeps what the backward pass needs). */
    public MnistTraining cache(CacheMode mode) {
        this.cache = Validate.notNull("cache mode", mode);
        return this;
    }

    /**
     * The convolution computed by {@link BatchedConvolution} (the same function, faster on the CPU;
     * on by default) or, with {@code false}, by DL4J's own {@code ConvolutionLayer} path, the setting
     * of the first committed sweep (its results are kept under their own {@link #key()}).
     */
    public MnistTraining batchedConvolution(boolean on) {
        this.batchedConvolution = on;
        return this;
    }

    public MnistTraining progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    public int epochs() {
        return epochs;
    }

    /** Training images used. */
    public int trainImages() {
        return Math.min(limit, digits.train().count());
    }

    public int validationImages() {
        return Math.min(validationLimit, digits.test().count());
    }

    public int batchSize() {
        return batchSize;
    }

    public long seed() {
        return seed;
    }

    public DataType dataType() {
        return dataType;
    }

    public boolean dropout() {
        return dropout;
    }

    /** Whether the convolution runs through {@link BatchedConvolution} ({@link #batchedConvolution(boolean)}). */
    public boolean batchedConvolutionOn() {
        return batchedConvolution;
    }

    /** Steps per epoch. */
    public int stepsPerEpoch() {
        return (trainImages() + batchSize - 1) / batchSize;
    }

    /**
     * What identifies the results of these settings (not the number of epochs: more epochs continue
     * the same run), e.g. {@code images=60000 val=10000 batch=64 seed=1 FLOAT dropout}.
     */
    public String key() {
        return "images=" + trainImages() + " val=" + validationImages() + " batch=" + batchSize + " seed=" + seed + " "
                + dataType + (dropout ? " dropout" : " no-dropout") + (batchedConvolution ? " batched-conv" : "")
                + blas();
    }

    /** " blas=mkl_rt" where JavaCPP was told to load another BLAS than ND4J's OpenBLAS (bin/course --mkl). */
    private static String blas() {
        String load = System.getProperty("org.bytedeco.openblas.load");
        return load == null || load.isBlank() ? "" : " blas=" + load.strip();
    }

    MnistCnn.Settings settings() {
        return new MnistCnn.Settings(seed, dataType, dropout, workspaces, cache, batchedConvolution);
    }

    /** Trains {@code optimizer} for {@link #epochs()} epochs from fresh weights. */
    public Result run(MnistOptimizer optimizer) {
        Run run = start(optimizer);
        while (run.epochsDone() < epochs) {
            run.trainEpoch();
        }
        return run.result();
    }

    /** A fresh network ready to train with {@code optimizer}, one epoch or one step at a time. */
    public Run start(MnistOptimizer optimizer) {
        Validate.notNull("optimizer", optimizer);
        return new Run(optimizer);
    }

    /** What a run gave: one row per epoch, the history (steps and epochs), the trained network. */
    public record Result(String optimizer, List<MnistEpoch> epochs, History history, MultiLayerNetwork network) {
        /** Optimizer, epoch, losses, accuracies, seconds and ms/step. */
        public Table table() {
            return MnistTraining.table(epochs);
        }

        /** Shows as the per-epoch table in a notebook. */
        public java.util.Map<String, Object> mimeBundle() {
            return table().mimeBundle();
        }
    }

    /** The per-epoch table of any rows: optimizer, epoch, train and validation loss and accuracy, seconds, ms/step. */
    public static Table table(List<MnistEpoch> rows) {
        Table table = Table.of("optimizer", "epoch", "train loss", "train acc", "val loss", "val acc", "seconds",
                "ms/step");
        for (MnistEpoch row : rows) {
            table.row(row.optimizer(), row.epoch(), row.trainLoss(), row.trainAccuracy(), row.validationLoss(),
                    row.validationAccuracy(), Math.round(row.seconds() * 10) / 10.0, Math.round(row.msPerStep() * 10) / 10.0);
        }
        return table;
    }

    /** One optimizer's network in training. */
    public final class Run {
        private final MnistOptimizer optimizer;
        private final MultiLayerNetwork net;
        private final CountingCrossEntropy loss;
        private final MnistBatches train;
        private final MnistBatches validation;
        private final History history;
        private final List<MnistEpoch> rows = new ArrayList<>();
        private final long started = System.nanoTime();
        private int epochsDone;
        private int step = -1;
        private double lossSum;
        private long epochStart;
        private final double learningRate;

        private Run(MnistOptimizer optimizer) {
            CrashReportingUtil.crashDumpsEnabled(false);
            this.optimizer = optimizer;
            this.net = MnistCnn.network(optimizer.updater(), settings());
            this.loss = MnistCnn.loss(net);
            this.train = new MnistBatches(digits.train(), limit, batchSize, dataType);
            this.validation = new MnistBatches(digits.test(), validationLimit, evalBatchSize, dataType);
            this.history = new History(optimizer.name(), "accuracy");
            this.learningRate = optimizer.updater().getLearningRate(0, 0);
        }

        public MultiLayerNetwork network() {
            return net;
        }

        public MnistOptimizer optimizer() {
            return optimizer;
        }

        public History history() {
            return history;
        }

        public int epochsDone() {
            return epochsDone;
        }

        /** The rows of the epochs trained in this run (not those before a checkpoint it resumed from). */
        public List<MnistEpoch> epochs() {
            return List.copyOf(rows);
        }

        /** The course optimizers stepping this network (empty where DL4J's own updater does). */
        public List<Optimizer> courseOptimizers() {
            return CourseUpdater.optimizers(net);
        }

        public Result result() {
            return new Result(optimizer.name(), epochs(), history, net);
        }

        /** Training and validation data of this run (for tests and traces). */
        MnistBatches trainBatches() {
            return train;
        }

        void restored(int epochs) {
            this.epochsDone = epochs;
        }

        /**
         * One step (starting the epoch if needed): fit on the next batch, return its loss. Returns NaN
         * without a step when the epoch's batches are used up: call {@link #endEpoch()} then.
         */
        public double step() {
            if (step < 0) {
                beginEpoch();
            }
            if (step >= train.batchCount()) {
                return Double.NaN;
            }
            DataSet batch = train.batch(step);
            net.fit(batch);
            double score = net.score();
            if (!Double.isFinite(score)) {
                throw new IllegalStateException(optimizer.name() + " diverged: the loss is " + score + " at step "
                        + (step + 1) + " of epoch " + (epochsDone + 1));
            }
            int rows = (int) batch.getFeatures().size(0);
            lossSum += score * rows;
            step++;
            double seconds = (System.nanoTime() - started) / 1e9;
            history.recordStep(epochsDone, score, learningRate(), Double.NaN, seconds);
            if (progress != null) {
                progress.stepEnded(optimizer.name(), epochsDone + 1, step, train.batchCount(), score,
                        (System.nanoTime() - epochStart) / 1e9);
            }
            return score;
        }

        private void beginEpoch() {
            int epoch = epochsDone + 1;
            Nd4j.getRandom().setSeed(seed * 1_000_003L + epoch);
            train.shuffle(seed, epoch);
            loss.reset();
            lossSum = 0;
            step = 0;
            epochStart = System.nanoTime();
        }

        /** Finishes the epoch whose steps are done: validates, records and returns its row. */
        public MnistEpoch endEpoch() {
            if (step < train.batchCount()) {
                throw new IllegalStateException("the epoch has " + train.batchCount() + " steps, " + Math.max(step, 0)
                        + " done: step() until it returns NaN");
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            int steps = train.batchCount();
            double trainLoss = lossSum / train.size();
            double trainAccuracy = loss.seen() == 0 ? Double.NaN : (double) loss.correct() / loss.seen();
            long evalStart = System.nanoTime();
            double[] lossAndAccuracy = evaluate();
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            epochsDone++;
            step = -1;
            MnistEpoch row = new MnistEpoch(optimizer.name(), epochsDone, trainLoss, trainAccuracy, lossAndAccuracy[0],
                    lossAndAccuracy[1], trainSeconds, trainSeconds * 1000 / steps, evalSeconds, steps);
            rows.add(row);
            history.recordEpoch(trainLoss, trainAccuracy, lossAndAccuracy[0], lossAndAccuracy[1], learningRate(),
                    (System.nanoTime() - started) / 1e9);
            if (progress != null) {
                progress.epochEnded(row);
            }
            return row;
        }

        /** One whole epoch. */
        public MnistEpoch trainEpoch() {
            while (!Double.isNaN(step())) {
                // steps
            }
            return endEpoch();
        }

        /**
         * Loss and accuracy on the validation images, without dropout: the mean of −log p(label) with
         * p clipped to [1e-10, 1 − 1e-10] as DL4J's MCXENT does, and the share of argmax hits.
         */
        public double[] evaluate() {
            double lossTotal = 0;
            long hits = 0;
            validation.unshuffle();
            for (int k = 0; k < validation.batchCount(); k++) {
                DataSet batch = validation.batch(k);
                INDArray out = net.output(batch.getFeatures(), false);
                int rows = (int) out.size(0);
                for (int r = 0; r < rows; r++) {
                    int label = validation.label(k, r);
                    int best = 0;
                    double bestValue = out.getDouble(r, 0);
                    for (int c = 1; c < 10; c++) {
                        double v = out.getDouble(r, c);
                        if (v > bestValue) {
                            bestValue = v;
                            best = c;
                        }
                    }
                    if (best == label) {
                        hits++;
                    }
                    double p = Math.min(Math.max(out.getDouble(r, label), 1e-10), 1 - 1e-10);
                    lossTotal -= Math.log(p);
                }
            }
            return new double[] {lossTotal / validation.size(), (double) hits / validation.size()};
        }

        private double learningRate() {
            return learningRate;
        }
    }
}
