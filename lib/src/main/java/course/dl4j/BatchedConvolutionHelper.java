package course.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same convolution as DL4J's built-in CPU path, laid out so that every array an operation writes
 * is contiguous. Measured on the lesson's network (one thread, batch 64, FLOAT): DL4J's
 * {@code ConvolutionLayer} writes its im2col patches into a permuted view, [batch, outH, outW | inC,
 * kH, kW] stored so the matrix product reads it as one 2-D matrix, and libnd4j's im2col into a
 * non-contiguous array took 18 ms where the same patches written contiguously take 3.4 ms; the
 * output then comes back as a permuted view, which its activation and the backward pass read slowly
 * again. Here, per image n of the batch:
 * <pre>
 * patches[n] = im2col(x[n])                 [inC·kH·kW, outH·outW], contiguous
 * z[n]       = W · patches[n] + b           [outC, outH·outW] = channels first, contiguous
 * dW         = Σₙ δ[n] · patches[n]ᵀ        db = Σₙ,ₚ δ[n, :, p]
 * dx[n]      = col2im(Wᵀ · δ[n])            (skipped for the network's first layer, whose input
 *                                            gradient nobody reads)
 * </pre>
 * as batched matrix products (libnd4j's {@code matmul} over the batch dimension). The patches
 * computed in the forward pass are kept (outside DL4J's workspaces, reused while the batch shape
 * stays) for the backward pass of the same input. Numbers agree with DL4J's own path up to the
 * order of floating-point sums (tested: relative 1e-12 in DOUBLE).
 *
 * <p>A DL4J convolution helper is the extension point DL4J itself uses for cuDNN and oneDNN: it
 * returns null for what it does not handle (channels last, {@code ConvolutionMode.Same}), and DL4J
 * then takes its own path. Installed by {@link BatchedConvolution}.
 */
final class BatchedConvolutionHelper implements ConvolutionHelper {
    private final boolean inputGradient;
    private INDArray patches;
    private INDArray patchesOf;
    private long patchComputations;

    /** @param inputGradient false for a first layer: its gradient with respect to the input is never used */
    BatchedConvolutionHelper(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return patches == null ? Map.of() : Map.of("patches", patches.length() * patches.dataType().width());
    }

    /** How often the patches were computed (tests: a training step computes them once). */
    long patchComputations() {
        return patchComputations;
    }

    private static boolean handles(CNN2DFormat format, ConvolutionMode mode) {
        return format == CNN2DFormat.NCHW && (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict);
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            AlgoMode algoMode, FwdAlgo fwdAlgo, ConvolutionMode mode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (!handles(format, mode)) {
            return null;
        }
        Shapes s = new Shapes(input, weights, kernel, strides, pad, mode, dilation);
        INDArray columns = patches(input, s, kernel, strides, pad, dilation);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(),
                new long[] {s.batch, s.outChannels, s.outH, s.outW}, 'c');
        INDArray z3 = z.reshape('c', s.batch, s.outChannels, s.positions);
        Nd4j.exec(new BroadcastCopyOp(z3, bias.reshape(s.outChannels), z3, 1));  // b everywhere; the product adds to it
        Nd4j.exec(new Mmul(tiled(weights.reshape('c', s.outChannels, s.patchLength), s.batch, ArrayType.FF_WORKING_MEM,
                workspaceMgr), columns, z3, 1.0, 1.0, null));
        return z;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode algoMode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode mode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!handles(format, mode)) {
            return null;
        }
        Shapes s = new Shapes(input, weights, kernel, strides, pad, mode, dilation);
        // The same input object as the last forward pass: DL4J's training step runs that pass on it just
        // before this one and changes nothing in between, so its patches still hold (a batch array reused
        // for the next step gets a forward pass, and fresh patches, first).
        INDArray columns = input == patchesOf && patches != null
                ? patches.reshape('c', s.batch, s.patchLength, s.positions)
                : patches(input, s, kernel, strides, pad, dilation);
        INDArray d = contiguous(delta) ? delta : workspaceMgr.dup(ArrayType.BP_WORKING_MEM, delta, 'c');
        INDArray d3 = d.reshape('c', s.batch, s.outChannels, s.positions);

        INDArray perImage = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, weights.dataType(),
                new long[] {s.batch, s.outChannels, s.patchLength}, 'c');
        Nd4j.exec(new Mmul(d3, columns, perImage, MMulTranspose.builder().transposeB(true).build()));
        perImage.sum(weightGradView.reshape('c', s.outChannels, s.patchLength), 0);
        d3.sum(biasGradView.reshape(s.outChannels), 0, 2);

        INDArray inputGrad = null;
        if (inputGradient) {
            INDArray columnGrad = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, weights.dataType(),
                    new long[] {s.batch, s.patchLength, s.positions}, 'c');
            INDArray w2 = weights.reshape('c', s.outChannels, s.patchLength);
            Nd4j.exec(new Mmul(tiled(w2, s.batch, ArrayType.BP_WORKING_MEM, workspaceMgr), d3, columnGrad,
                    MMulTranspose.builder().transposeA(true).build()));
            inputGrad = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, weights.dataType(),
                    new long[] {s.batch, s.inChannels, s.inH, s.inW}, 'c');
            Convolution.col2im(columnGrad.reshape('c', s.batch, s.inChannels, kernel[0], kernel[1], s.outH, s.outW),
                    inputGrad, strides[0], strides[1], pad[0], pad[1], s.inH, s.inW, dilation[0], dilation[1]);
        }
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        return new Pair<>(gradient, inputGrad);
    }

    /** c order, dense: a reshape is then a view that libnd4j's batched matmul accepts. */
    private static boolean contiguous(INDArray array) {
        return array.ordering() == 'c' && array.elementWiseStride() == 1 && Shape.hasDefaultStridesForShape(array);
    }

    /** DL4J applies the activation itself, in place on the contiguous output. */
    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return null;
    }

    /** The patches of {@code input}, [batch, inC·kH·kW, outH·outW], contiguous, kept for the backward pass. */
    private INDArray patches(INDArray input, Shapes s, int[] kernel, int[] strides, int[] pad, int[] dilation) {
        long[] shape = {s.batch, s.inChannels, kernel[0], kernel[1], s.outH, s.outW};
        if (patches == null || patches.dataType() != input.dataType() || !java.util.Arrays.equals(patches.shape(), shape)) {
            try (MemoryWorkspace none = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                patches = Nd4j.createUninitialized(input.dataType(), shape, 'c');
            }
        }
        Convolution.im2col(input, kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                false, patches);
        patchesOf = input;
        patchComputations++;
        return patches.reshape('c', s.batch, s.patchLength, s.positions);
    }

    /** The 2-D matrix repeated over the batch, [batch, rows, columns] (libnd4j's matmul wants equal ranks). */
    private static INDArray tiled(INDArray matrix, long batch, ArrayType type, LayerWorkspaceMgr workspaceMgr) {
        INDArray tiled = workspaceMgr.createUninitialized(type, matrix.dataType(),
                new long[] {batch, matrix.size(0), matrix.size(1)}, 'c');
        Nd4j.exec(new BroadcastCopyOp(tiled, matrix, tiled, 1, 2));
        return tiled;
    }

    /** The sizes of one convolution, as DL4J computes them for a non-"Same" mode. */
    private static final class Shapes {
        final long batch;
        final long inChannels;
        final int inH;
        final int inW;
        final long outChannels;
        final int outH;
        final int outW;
        final long patchLength;
        final long positions;

        Shapes(INDArray input, INDArray weights, int[] kernel, int[] strides, int[] pad, ConvolutionMode mode, int[] dilation) {
            batch = input.size(0);
            inChannels = input.size(1);
            inH = (int) input.size(2);
            inW = (int) input.size(3);
            outChannels = weights.size(0);
            int[] out = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, mode, dilation, CNN2DFormat.NCHW);
            outH = out[0];
            outW = out[1];
            patchLength = inChannels * kernel[0] * kernel[1];
            positions = (long) outH * outW;
        }
    }
}
