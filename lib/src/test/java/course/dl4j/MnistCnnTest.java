package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.display.Table;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** The source's network: layer shapes, parameter counts, initializers, dropout, seeding. */
class MnistCnnTest {
    private static MultiLayerNetwork net;

    @BeforeAll
    static void build() {
        net = MnistCnn.network(new Sgd(0.01), MnistCnn.Settings.of(7, DataType.FLOAT));
    }

    @Test
    void parameterCountIsTheHandComputedOne() {
        long conv = 32 * (3 * 3 * 1) + 32;               // 320
        long dense = 13 * 13 * 32 * 256 + 256;           // 5408·256 + 256 = 1,384,704
        long output = 256 * 10 + 10;                     // 2,570
        assertEquals(320, conv);
        assertEquals(1_384_704, dense);
        assertEquals(2_570, output);
        assertEquals(conv + dense + output, MnistCnn.PARAMETERS);
        assertEquals(1_387_594, net.numParams());
        assertEquals(conv, net.getLayer("conv").numParams());
        assertEquals(dense, net.getLayer("dense").numParams());
        assertEquals(output, net.getLayer("output").numParams());
    }

    @Test
    void aTrainingStepsArithmeticFollowsFromTheBuiltNetworksWeightsAndOutputPixels() {
        // Multiply-adds read off the network DL4J built: each convolution weight once per output pixel, each
        // dense weight once per image; biases excluded (an addition each, not a multiply-add).
        long convWeights = net.getLayer("conv").getParam("W").length();
        long convPixels = 26 * 26;
        long denseWeights = net.getLayer("dense").getParam("W").length() + net.getLayer("output").getParam("W").length();
        assertEquals(convWeights * convPixels + denseWeights, MnistCnn.FORWARD_MULTIPLY_ADDS);
        assertEquals(1_581_696, MnistCnn.FORWARD_MULTIPLY_ADDS);
        // forward 1x, backward 1x for the first layer (weights only) and 2x for the others
        long perImage = 2 * (2 * convWeights * convPixels + 3 * denseWeights);
        assertEquals(64 * perImage, MnistCnn.trainingFlops(64));
        assertEquals(0.58, MnistCnn.trainingFlops(64) / 1e9, 0.005, "about 0.6 GFLOP a step, as the design notes say");
        assertEquals(MnistCnn.trainingFlops(64), 64 * MnistCnn.trainingFlops(1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MnistCnn.trainingFlops(0));
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
    }

    @Test
    void layersAndShapesAreTheSources() {
        Table summary = MnistCnn.summary(net);
        List<String> expected = List.of(
                "conv [32, 26, 26] 320", "conv_relu [32, 26, 26] 0", "pool [32, 13, 13] 0", "dropout_0.25 [32, 13, 13] 0",
                "(flatten) [5408] 0", "dense [256] 1384704", "dropout_0.5 [256] 0", "output [10] 2570", "total  1387594");
        assertEquals(expected.size(), summary.rowCount(), summary.toString());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r), summary.get(r, 0) + " " + summary.get(r, 2) + " " + summary.get(r, 3),
                    summary.toString());
        }
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28), false);
        assertArrayEquals(new long[] {3, 10}, out.shape());
        for (int r = 0; r < 3; r++) {
            assertEquals(1.0, out.getRow(r).sumNumber().doubleValue(), 1e-5, "softmax rows sum to 1");
        }
    }

    @Test
    void dropoutArgumentsAreRetainProbabilities() {
        DropoutLayer after = (DropoutLayer) net.getLayer("dropout_0.25").conf().getLayer();
        DropoutLayer dense = (DropoutLayer) net.getLayer("dropout_0.5").conf().getLayer();
        assertEquals(0.75, ((org.deeplearning4j.nn.conf.dropout.Dropout) after.getIDropout()).getP());
        assertEquals(0.5, ((org.deeplearning4j.nn.conf.dropout.Dropout) dense.getIDropout()).getP());
    }

    @Test
    void glorotUniformWeightsAndZeroBiases() {
        // Keras's glorot_uniform: U(-s, s), s = sqrt(6 / (fan_in + fan_out)); conv fans are kh·kw·channels
        checkGlorot(net.getParam("0_W"), 3 * 3 * 1, 3 * 3 * 32);
        checkGlorot(net.getParam("4_W"), 5408, 256);
        checkGlorot(net.getParam("6_W"), 256, 10);
        for (String bias : new String[] {"0_b", "4_b", "6_b"}) {
            assertEquals(0.0, net.getParam(bias).amaxNumber().doubleValue(), bias + " starts at zero");
        }
    }

    private static void checkGlorot(INDArray w, int fanIn, int fanOut) {
        double s = Math.sqrt(6.0 / (fanIn + fanOut));
        double max = w.amaxNumber().doubleValue();
        assertTrue(max <= s && max > 0.95 * s, "max |w| " + max + " vs the bound " + s);
        // the variance of U(-s, s) is s²/3
        double variance = w.varNumber().doubleValue();
        assertEquals(s * s / 3, variance, 0.15 * s * s / 3, "variance of " + w.length() + " uniform weights");
    }

    @Test
    void theSeedFixesTheInitialWeights() {
        MultiLayerNetwork same = MnistCnn.network(new Sgd(0.01), MnistCnn.Settings.of(7, DataType.FLOAT));
        MultiLayerNetwork other = MnistCnn.network(new Sgd(0.01), MnistCnn.Settings.of(8, DataType.FLOAT));
        assertEquals(net.params(), same.params());
        assertNotEquals(net.params(), other.params());
    }
}
