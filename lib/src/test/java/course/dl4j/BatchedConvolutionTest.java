package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link BatchedConvolution} computes what DL4J's own convolution computes: outputs, every gradient
 * (weights, biases, and the input gradient a second convolution passes down) and a few training
 * steps, compared in DOUBLE on networks of two convolutions with several input channels, strides
 * and padding; the lesson's network in FLOAT; the patches are computed once per training step; and
 * what the helper does not handle (ConvolutionMode.Same) falls back to DL4J's path.
 */
class BatchedConvolutionTest {
    private static MultiLayerNetwork twoConvolutions(boolean batched, int stride, int padding, ConvolutionMode mode) {
        return twoConvolutions(batched, stride, padding, mode, CacheMode.DEVICE);
    }

    private static MultiLayerNetwork twoConvolutions(boolean batched, int stride, int padding, ConvolutionMode mode,
            CacheMode cache) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.05).convolutionMode(mode).cacheMode(cache).list();
        for (int k = 0; k < 2; k++) {
            ConvolutionLayer.Builder builder = batched ? new BatchedConvolution.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3);
            builder.nOut(k == 0 ? 4 : 5).stride(k == 0 ? stride : 1, k == 0 ? stride : 1).padding(padding, padding)
                    .dataFormat(CNN2DFormat.NCHW).activation(Activation.TANH);
            list.layer(builder.build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(11, 10, 2, CNN2DFormat.NCHW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSet data(int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.DOUBLE, batch, 2, 11, 10).subi(0.5);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, batch, 3);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 3, 1.0);
        }
        return new DataSet(features, labels);
    }

    private static double relativeDifference(INDArray ours, INDArray theirs) {
        double scale = Math.max(theirs.norm2Number().doubleValue(), 1e-300);
        return ours.sub(theirs).norm2Number().doubleValue() / scale;
    }

    private static void sameAsDl4j(int stride, int padding, ConvolutionMode mode) {
        sameAsDl4j(stride, padding, mode, CacheMode.DEVICE);
    }

    private static void sameAsDl4j(int stride, int padding, ConvolutionMode mode, CacheMode cache) {
        MultiLayerNetwork ours = twoConvolutions(true, stride, padding, mode, cache);
        MultiLayerNetwork theirs = twoConvolutions(false, stride, padding, mode, cache);
        assertEquals(0, relativeDifference(ours.params(), theirs.params()), "same seed, same initial parameters");
        String where = "stride " + stride + ", padding " + padding + ", " + mode + ", cache " + cache;
        DataSet batch = data(6, 11);
        assertTrue(relativeDifference(ours.output(batch.getFeatures()), theirs.output(batch.getFeatures())) < 1e-12,
                where + ": outputs");
        ours.setInput(batch.getFeatures());
        ours.setLabels(batch.getLabels());
        theirs.setInput(batch.getFeatures());
        theirs.setLabels(batch.getLabels());
        ours.computeGradientAndScore();
        theirs.computeGradientAndScore();
        Gradient a = ours.gradient();
        Gradient b = theirs.gradient();
        for (String name : b.gradientForVariable().keySet()) {
            assertTrue(relativeDifference(a.getGradientFor(name), b.getGradientFor(name)) < 1e-12,
                    where + ": gradient " + name + " differs by " + relativeDifference(a.getGradientFor(name), b.getGradientFor(name)));
        }
        for (int step = 0; step < 5; step++) {
            DataSet next = data(6, 100 + step);
            ours.fit(next);
            theirs.fit(next);
        }
        assertTrue(relativeDifference(ours.params(), theirs.params()) < 1e-12, where + ": parameters after 5 SGD steps");
    }

    @Test
    void stride1NoPaddingMatchesDl4j() {
        sameAsDl4j(1, 0, ConvolutionMode.Truncate);
    }

    @Test
    void stride2WithPaddingMatchesDl4j() {
        sameAsDl4j(2, 1, ConvolutionMode.Truncate);
    }

    /** Without DL4J's cache the backward pass runs the forward pass again, inside the backward workspaces. */
    @Test
    void withoutTheCacheMatchesDl4jToo() {
        sameAsDl4j(1, 0, ConvolutionMode.Truncate, CacheMode.NONE);
    }

    @Test
    void sameModeFallsBackToDl4jsOwnPath() {
        sameAsDl4j(1, 0, ConvolutionMode.Same);
    }

    @Test
    void theFirstLayerSkipsTheInputGradientAndComputesPatchesOncePerStep() {
        MultiLayerNetwork net = twoConvolutions(true, 1, 0, ConvolutionMode.Truncate);
        BatchedConvolution.Impl first = assertInstanceOf(BatchedConvolution.Impl.class, net.getLayer(0));
        assertInstanceOf(BatchedConvolution.Impl.class, net.getLayer(1));
        long before = first.batchedHelper().patchComputations();
        for (int step = 0; step < 3; step++) {
            net.fit(data(6, step));
        }
        // cache mode DEVICE keeps the forward output for the backward pass, which reuses the patches
        assertEquals(3, first.batchedHelper().patchComputations() - before, "one im2col per training step");
        // each layer's own backward pass, outside DL4J's workspaces
        MultiLayerNetwork plain = twoConvolutions(true, 1, 0, ConvolutionMode.Truncate);
        plain.getLayerWiseConfigurations().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        plain.getLayerWiseConfigurations().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        plain.initGradientsView();
        plain.setInput(data(6, 1).getFeatures());
        plain.feedForward(true, false);
        Pair<Gradient, INDArray> secondBack = plain.getLayer(1).backpropGradient(Nd4j.ones(DataType.DOUBLE, 6, 5, 7, 6),
                LayerWorkspaceMgr.noWorkspaces());
        assertNotNull(secondBack.getSecond(), "a later convolution passes its input gradient down");
        Pair<Gradient, INDArray> firstBack = plain.getLayer(0).backpropGradient(Nd4j.ones(DataType.DOUBLE, 6, 4, 9, 8),
                LayerWorkspaceMgr.noWorkspaces());
        assertNull(firstBack.getSecond(), "the first layer's input gradient is skipped");
    }

    @Test
    void theLessonsNetworkTrainsAsWithDl4jsConvolution() {
        MnistBatches data = new MnistBatches(TestDigits.images(80, 4), 80, 16, DataType.FLOAT);
        MultiLayerNetwork ours = MnistCnn.network(new Sgd(0.05), MnistCnn.Settings.of(5, DataType.FLOAT).withDropout(false)
                .withBatchedConvolution(true));
        MultiLayerNetwork theirs = MnistCnn.network(new Sgd(0.05), MnistCnn.Settings.of(5, DataType.FLOAT).withDropout(false)
                .withBatchedConvolution(false));
        assertFalse(theirs.getLayer("conv") instanceof BatchedConvolution.Impl, "DL4J's own layer");
        assertInstanceOf(BatchedConvolution.Impl.class, ours.getLayer("conv"));
        for (int step = 0; step < 5; step++) {
            DataSet batch = data.batch(step);
            ours.fit(batch);
            theirs.fit(batch);
            double a = ours.score();
            double b = theirs.score();
            assertEquals(b, a, 1e-5 * Math.abs(b), "loss at step " + step);
        }
    }
}
