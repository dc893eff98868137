package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.AdaGrad;
import course.optim.GradientDescent;
import course.optim.Optimizer;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The custom DL4J updater runs the course's rule exactly: Keras's AdaGrad (accumulator from 0.1,
 * epsilon inside the root) worked by hand on a one-layer network, blocks that do not start at the
 * first parameter, FLOAT networks, and the messages when it is misused.
 */
class CourseUpdaterTest {
    private static final double[][] X = {{1, 2}, {-1, 0.5}, {0.3, -2}};
    private static final double[] Y = {1, -1, 0.5};
    private static final double[] START = {0.5, -0.3, 0.1}; // W11, W21, b

    /** y = w·x + b, mean squared error, in DOUBLE, from START. */
    private static MultiLayerNetwork linear(IUpdater updater, DataType type) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(type)
                .updater(updater).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        net.setParams(Nd4j.createFromArray(START).reshape(1, 3).castTo(type));
        CourseUpdater.bind(net);
        return net;
    }

    private static INDArray x(DataType type) {
        return Nd4j.createFromArray(X).castTo(type);
    }

    private static INDArray y(DataType type) {
        return Nd4j.createFromArray(Y).reshape(3, 1).castTo(type);
    }

    /** The gradient of mean (w·x + b − y)² over the three rows, by hand: (2/N) Σ r·x and (2/N) Σ r. */
    private static double[] gradient(double[] theta) {
        double[] g = new double[3];
        for (int i = 0; i < X.length; i++) {
            double r = theta[0] * X[i][0] + theta[1] * X[i][1] + theta[2] - Y[i];
            g[0] += 2 * r * X[i][0] / X.length;
            g[1] += 2 * r * X[i][1] / X.length;
            g[2] += 2 * r / X.length;
        }
        return g;
    }

    @Test
    void kerasAdagradWithInitialAccumulatorIsReproducedStepByStep() {
        double lr = 0.1;
        MultiLayerNetwork net = linear(new CourseUpdater(AdaGrad.keras().learningRate(lr)), DataType.DOUBLE);
        // Keras 3 Adagrad: acc ← acc + g², θ ← θ − lr·g/√(acc + ε), acc from 0.1, ε = 1e-7
        double[] theta = START.clone();
        double[] acc = {0.1, 0.1, 0.1};
        for (int step = 1; step <= 5; step++) {
            double[] g = gradient(theta);
            for (int i = 0; i < 3; i++) {
                acc[i] += g[i] * g[i];
                theta[i] -= lr * g[i] / Math.sqrt(acc[i] + 1e-7);
            }
            net.fit(x(DataType.DOUBLE), y(DataType.DOUBLE));
            double[] dl4j = net.params().toDoubleVector();
            for (int i = 0; i < 3; i++) {
                assertEquals(theta[i], dl4j[i], 1e-14 * Math.max(1, Math.abs(theta[i])),
                        "step " + step + ", parameter " + i);
            }
        }
        Optimizer live = CourseUpdater.optimizers(net).get(0);
        assertEquals(5, live.stepCount());
        assertEquals(acc[0], live.state().array("sum")[0], 1e-14);
    }

    @Test
    void dl4jsOwnAdagradTakesAFullStepInsteadWhichIsWhyTheCourseRuleIsPluggedIn() {
        double lr = 0.1;
        MultiLayerNetwork net = linear(new org.nd4j.linalg.learning.config.AdaGrad(lr, 1e-6), DataType.DOUBLE);
        net.fit(x(DataType.DOUBLE), y(DataType.DOUBLE));
        double[] after = net.params().toDoubleVector();
        double[] g = gradient(START);
        for (int i = 0; i < 3; i++) {
            double dl4jStep = START[i] - after[i];
            // DL4J: accumulator from eps, eps outside the root: the first step is lr·g/(|g| + ...) ≈ lr·sign(g)
            assertEquals(lr * g[i] / (Math.sqrt(1e-6 + g[i] * g[i]) + 1e-6), dl4jStep, 1e-12);
            assertEquals(lr, Math.abs(dl4jStep), 1e-4 * lr, "a normalized step in coordinate " + i);
        }
        // Keras's accumulator starts at 0.1: a small gradient (the bias's, -0.133) gets a step about
        // 3.16·lr·|g|, less than half of DL4J's full step lr
        double kerasBiasStep = lr * g[2] / Math.sqrt(0.1 + g[2] * g[2] + 1e-7);
        assertEquals(-0.1333333, g[2], 1e-6);
        assertTrue(Math.abs(kerasBiasStep) < 0.5 * Math.abs(START[2] - after[2]), "Keras " + kerasBiasStep);
    }

    /** Two layers; only the second uses the course updater, so its block starts at parameter 9. */
    private static MultiLayerNetwork twoLayers(IUpdater second, DataType type) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(type)
                .updater(new Sgd(0.05)).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(1)
                        .activation(Activation.IDENTITY).updater(second).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void aBlockInTheMiddleOfTheParametersIsUpdatedWhereItLies() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            MultiLayerNetwork dl4j = twoLayers(new Sgd(0.05), type);
            MultiLayerNetwork ours = twoLayers(new CourseUpdater(GradientDescent.keras().learningRate(0.05)), type);
            List<CourseGradientUpdater> bound = CourseUpdater.bind(ours);
            assertEquals(1, bound.size());
            assertEquals(4, bound.get(0).size(), "3 weights and a bias in the output layer");
            assertEquals(dl4j.params(), ours.params());
            for (int step = 0; step < 4; step++) {
                dl4j.fit(x(type), y(type));
                ours.fit(x(type), y(type));
            }
            double[] a = dl4j.params().toDoubleVector();
            double[] b = ours.params().toDoubleVector();
            double tolerance = type == DataType.DOUBLE ? 1e-14 : 1e-6;
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], tolerance * Math.max(1, Math.abs(a[i])), type + " parameter " + i);
            }
        }
    }

    @Test
    void anUnboundUpdaterSaysHowToBindIt() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new CourseUpdater(AdaGrad.keras())).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.fit(x(DataType.DOUBLE), y(DataType.DOUBLE)));
        assertTrue(e.getMessage().contains("CourseUpdater.bind(net)"), e.getMessage());
    }

    @Test
    void theOptimizerGivenMustBeFreshAndEqualConfigurationsShareABlock() {
        AdaGrad used = AdaGrad.keras();
        used.step(new double[] {1}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CourseUpdater(used));
        assertTrue(e.getMessage().contains("already taken 1 steps"), e.getMessage());
        assertEquals(new CourseUpdater(AdaGrad.keras()), new CourseUpdater(AdaGrad.keras()));
        assertTrue(!new CourseUpdater(AdaGrad.keras()).equals(new CourseUpdater(AdaGrad.keras().learningRate(0.01))));
        assertEquals(0, new CourseUpdater(AdaGrad.keras()).stateSize(1000));
    }

    @Test
    void theWholeCnnIsOneBlockRunByOneOptimizer() {
        MultiLayerNetwork net = MnistCnn.network(new CourseUpdater(AdaGrad.keras()), MnistCnn.Settings.of(1, DataType.FLOAT));
        List<Optimizer> optimizers = CourseUpdater.optimizers(net);
        assertEquals(1, optimizers.size());
        assertEquals(MnistCnn.PARAMETERS, CourseUpdater.bind(net).get(0).size());
    }
}
