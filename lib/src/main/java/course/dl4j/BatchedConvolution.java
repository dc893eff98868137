package course.dl4j;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link ConvolutionLayer}, configured and initialized exactly as DL4J's, computed by
 * {@link BatchedConvolutionHelper}: im2col and matrix products on contiguous arrays, which made the
 * lesson's convolution several times cheaper on the CPU (numbers in the helper). Build it as the
 * built-in layer: {@code new BatchedConvolution.Builder(3, 3).nIn(1).nOut(32)...build()}.
 */
public class BatchedConvolution extends ConvolutionLayer {
    private static final long serialVersionUID = 1L;

    /** For DL4J's configuration cloning and JSON. */
    protected BatchedConvolution() {
    }

    protected BatchedConvolution(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("BatchedConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        Impl layer = new Impl(conf, networkDataType, layerIndex > 0);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /** The built-in layer with the course's helper in place of the cuDNN/oneDNN one. */
    static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        Impl(NeuralNetConfiguration conf, DataType dataType, boolean inputGradient) {
            super(conf, dataType);
            helper = new BatchedConvolutionHelper(inputGradient);
        }

        BatchedConvolutionHelper batchedHelper() {
            return (BatchedConvolutionHelper) helper;
        }
    }

    /** The built-in layer's builder; {@link #build()} makes a {@link BatchedConvolution}. */
    public static class Builder extends ConvolutionLayer.Builder {
        /** A failure in the helper is an error, not a silent switch to DL4J's own path (its default). */
        public Builder(int... kernelSize) {
            super(kernelSize);
            cudnnAllowFallback(false);
        }

        @Override
        public BatchedConvolution build() {
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new BatchedConvolution(this);
        }
    }
}
