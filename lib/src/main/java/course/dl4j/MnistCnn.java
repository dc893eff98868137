package course.dl4j;

import course.Validate;
import course.display.Table;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The source chapter's MNIST network, exactly, on DL4J:
 * <pre>
 * 28×28×1 → Conv2D 32 filters 3×3, ReLU, valid        32×26×26     32·(3·3·1) + 32  =       320
 *         → MaxPool 2×2                               32×13×13
 *         → Dropout 0.25 (DL4J: retain 0.75)
 *         → Flatten                                   5408
 *         → Dense 256, ReLU                           256          5408·256 + 256   = 1,384,704
 *         → Dropout 0.5 (DL4J: retain 0.5)
 *         → Dense 10, softmax                         10           256·10 + 10      =     2,570
 *                                                                  total              1,387,594
 * </pre>
 * Categorical cross-entropy (DL4J's MCXENT, which clips probabilities at 1e-10 where Keras clips at
 * 1e-7), Keras's initializers (Glorot uniform weights: DL4J's {@code XAVIER_UNIFORM} uses the same
 * fan-in and fan-out for both layer types; zero biases). DL4J's {@code dropOut(p)} and
 * {@link DropoutLayer} take the probability to RETAIN; both frameworks use inverted dropout. The seed
 * fixes the initial weights; dropout draws from ND4J's global generator, which the training loop
 * reseeds every epoch ({@link MnistTraining}).
 *
 * <p>Two layout choices for speed, neither of which changes the function computed: the convolution's
 * ReLU is a separate {@link ActivationLayer} ("conv_relu"), because DL4J applies a convolution's own
 * activation, forward and backward, to a strided view of its output, which measured several times
 * slower than the activation layer's contiguous copy; and the images are channels first (NCHW),
 * because DL4J's max-pooling backward pass was several times slower on channels-last arrays. DL4J
 * therefore flattens channels first where Keras flattens channels last: the same network up to a fixed
 * permutation of the dense layer's inputs, which the i.i.d. initialization does not see.
 *
 * <p>{@link Settings#withBatchedConvolution(boolean)} computes the convolution through the course's
 * {@link BatchedConvolution} (DL4J's own layer with a helper, DL4J's extension point, that keeps every
 * array contiguous): the same function, about a fifth less time per training step on one core. It is
 * off by default, because the committed sweep ran on DL4J's own path and a re-run must give its numbers.
 */
public final class MnistCnn {
    /** The parameter count, by hand: conv 32·(3·3·1)+32, dense 13·13·32·256+256, output 256·10+10. */
    public static final long PARAMETERS = (32L * (3 * 3 * 1) + 32) + (13L * 13 * 32 * 256 + 256) + (256L * 10 + 10);

    /**
     * Multiply-adds of one image's forward pass through the layers with weights: the convolution's
     * 32·(3·3·1) weights at each of 26·26 output pixels, then the dense layers' 5408·256 and 256·10
     * weights once each (pooling, ReLU, dropout and softmax are a few operations per value, under 0.5%).
     */
    public static final long FORWARD_MULTIPLY_ADDS = 32L * 3 * 3 * 1 * 26 * 26 + 13L * 13 * 32 * 256 + 256L * 10;

    /**
     * Floating-point operations of one training step on {@code batch} images (2 per multiply-add): the
     * forward pass, and a backward pass that for a dense layer costs twice its forward (the gradient of
     * the weights and that of the layer's input) and for the convolution once (it is the first layer: no
     * input gradient is needed). About 0.58 GFLOP at batch 64; the updater's few operations per
     * parameter (1.4 million) are left out.
     */
    public static long trainingFlops(int batch) {
        Validate.positive("batch", batch);
        long conv = 32L * 3 * 3 * 1 * 26 * 26;
        long dense = FORWARD_MULTIPLY_ADDS - conv;
        return 2L * batch * (2 * conv + 3 * dense);
    }

    /** Channels first: DL4J's pooling backward pass is several times slower on channels-last arrays. */
    static final CNN2DFormat FORMAT = CNN2DFormat.NCHW;

    private MnistCnn() {
    }

    /**
     * What can vary around the fixed architecture: the seed of the initial weights, FLOAT or DOUBLE,
     * dropout (on in the source; off only for experiments), DL4J's workspaces (memory reused between
     * steps) and cache mode (DEVICE keeps the convolution's im2col matrix and output from the forward
     * pass for the backward pass instead of recomputing them).
     */
    public record Settings(long seed, DataType dataType, boolean dropout, WorkspaceMode workspaces, CacheMode cache,
            boolean batchedConvolution) {
        public Settings {
            Validate.notNull("data type", dataType);
            Validate.notNull("workspace mode", workspaces);
            Validate.notNull("cache mode", cache);
            if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
                throw new IllegalArgumentException("the network runs in FLOAT or DOUBLE, not " + dataType);
            }
        }

        /** DL4J's own convolution (the first committed sweep's path) with the other settings given. */
        public Settings(long seed, DataType dataType, boolean dropout, WorkspaceMode workspaces, CacheMode cache) {
            this(seed, dataType, dropout, workspaces, cache, false);
        }

        /**
         * The source's network (dropout on) with the fastest settings measured: workspaces on, cache
         * DEVICE, the convolution by {@link BatchedConvolution} ({@code withBatchedConvolution(false)}: DL4J's own).
         */
        public static Settings of(long seed, DataType dataType) {
            return new Settings(seed, dataType, true, WorkspaceMode.ENABLED, CacheMode.DEVICE, true);
        }

        public Settings withDropout(boolean on) {
            return new Settings(seed, dataType, on, workspaces, cache, batchedConvolution);
        }

        public Settings withWorkspaces(WorkspaceMode mode) {
            return new Settings(seed, dataType, dropout, mode, cache, batchedConvolution);
        }

        public Settings withCache(CacheMode mode) {
            return new Settings(seed, dataType, dropout, workspaces, mode, batchedConvolution);
        }

        /**
         * The convolution computed by {@link BatchedConvolution} (contiguous im2col and batched matrix
         * products) instead of DL4J's built-in path: the same function, faster on the CPU.
         */
        public Settings withBatchedConvolution(boolean on) {
            return new Settings(seed, dataType, dropout, workspaces, cache, on);
        }
    }

    /** The network's configuration with {@code updater} for every parameter. */
    public static MultiLayerConfiguration configuration(IUpdater updater, Settings settings) {
        Validate.notNull("updater", updater);
        Validate.notNull("settings", settings);
        double keepAfterPool = settings.dropout() ? 0.75 : 1.0;
        double keepAfterDense = settings.dropout() ? 0.5 : 1.0;
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(settings.dataType())
                .updater(updater)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(settings.workspaces())
                .inferenceWorkspaceMode(settings.workspaces())
                .cacheMode(settings.cache())
                .list()
                .layer((settings.batchedConvolution() ? new BatchedConvolution.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3))
                        .name("conv").nIn(1).nOut(32).stride(1, 1)
                        .dataFormat(FORMAT).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().name("conv_relu").activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool")
                        .kernelSize(2, 2).stride(2, 2).dataFormat(FORMAT).build());
        if (settings.dropout()) {
            layers.layer(new DropoutLayer.Builder(keepAfterPool).name("dropout_0.25").build());
        }
        layers.layer(new DenseLayer.Builder().name("dense").nOut(256).activation(Activation.RELU).build());
        if (settings.dropout()) {
            layers.layer(new DropoutLayer.Builder(keepAfterDense).name("dropout_0.5").build());
        }
        layers.layer(new OutputLayer.Builder(new CountingCrossEntropy()).name("output").nOut(10)
                .activation(Activation.SOFTMAX).build());
        return layers.setInputType(InputType.convolutional(28, 28, 1, FORMAT)).build();
    }

    /** The initialized network, its course updaters (if any) bound to the parameters. */
    public static MultiLayerNetwork network(IUpdater updater, Settings settings) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(updater, settings));
        net.init();
        CourseUpdater.bind(net);
        return net;
    }

    /** The loss function object of {@code net}'s output layer, which counts correct training predictions. */
    static CountingCrossEntropy loss(MultiLayerNetwork net) {
        org.deeplearning4j.nn.conf.layers.Layer conf = net.getOutputLayer().conf().getLayer();
        if (conf instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer output
                && output.getLossFn() instanceof CountingCrossEntropy counting) {
            return counting;
        }
        throw new IllegalArgumentException("the network is not an MnistCnn (its loss is not CountingCrossEntropy)");
    }

    /**
     * One row per layer: name, DL4J type, output shape (per image, channels first) and parameters, as
     * Keras's {@code model.summary()} lists them; the last row is the total.
     */
    public static Table summary(MultiLayerNetwork net) {
        Validate.notNull("network", net);
        Table table = Table.of("layer", "type", "output shape", "parameters");
        InputType type = InputType.convolutional(28, 28, 1, FORMAT);
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        long total = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = conf.getConf(i).getLayer();
            if (conf.getInputPreProcess(i) != null) {
                type = conf.getInputPreProcess(i).getOutputType(type);
                table.row("(flatten)", conf.getInputPreProcess(i).getClass().getSimpleName(), shape(type), 0L);
            }
            type = layer.getOutputType(i, type);
            long params = net.getLayer(i).numParams();
            total += params;
            table.row(layer.getLayerName(), layer.getClass().getSimpleName(), shape(type), params);
        }
        table.row("total", "", "", total);
        return table;
    }

    /** A layer output's shape per image, e.g. [32, 26, 26] or [256]. */
    static String shape(InputType type) {
        long[] shape = type.getShape(false);
        return Arrays.toString(shape);
    }
}
