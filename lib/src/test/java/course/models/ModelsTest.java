package course.models;

import course.NumericChecks;
import course.data.Dataset;
import course.data.Minibatches;
import course.data.SyntheticData;
import course.optim.GradientDescent;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModelsTest {

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void leastSquaresSolutionHasZeroGradientAndRecoversTheWeights() {
        double[] w = {2, -1, 0.5, 3};
        Dataset data = SyntheticData.linearRegression(300, w, -0.7, 0.2, 12);
        double[] optimum = LinearRegression.leastSquares(data);
        LinearRegression model = new LinearRegression(4);
        double[] grad = new double[5];
        double loss = model.lossAndGradient(optimum, data, grad);
        assertTrue(NumericChecks.maxAbs(grad) < 1e-12, "gradient at the optimum " + java.util.Arrays.toString(grad));
        assertArrayEquals(new double[]{2, -1, 0.5, 3, -0.7}, optimum, 0.05);
        assertEquals(0.04, loss, 0.01); // what is left is the noise, 0.2²
        assertEquals(Math.sqrt(loss), model.metric(optimum, data), 1e-15);
        assertEquals("RMSE", model.metricName());
    }

    @Test
    void leastSquaresRejectsSingularProblems() {
        String m = message(() -> LinearRegression.leastSquares(SyntheticData.linearRegression(3, new double[]{1, 1, 1}, 0, 0, 1)));
        assertTrue(m.contains("at least 4 rows"), m);
        double[] x = new double[20], y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 2 * i; // the second feature is twice the first
            y[i] = i;
        }
        m = message(() -> LinearRegression.leastSquares(Dataset.regression(x, 2, y)));
        assertTrue(m.contains("singular"), m);
        m = message(() -> LinearRegression.leastSquares(SyntheticData.twoBlobs(10, 1, 1)));
        assertTrue(m.contains("regression data set"), m);
    }

    @Test
    void gradientDescentOnTheFullBatchReachesTheLeastSquaresSolution() {
        Dataset data = SyntheticData.linearRegression(100, new double[]{1, -2}, 0.5, 0.3, 2);
        LinearRegression model = new LinearRegression(2);
        double[] params = model.initialParameters(1);
        Objective objective = model.objective(data);
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        for (int k = 0; k < 500; k++) {
            gd.step(params, objective);
        }
        assertArrayEquals(LinearRegression.leastSquares(data), params, 1e-8);
        assertEquals(500, objective.evaluations());
    }

    @Test
    void logisticLossEqualsTheHandValue() {
        // rows x = 1 (y = 1) and x = 2 (y = 0), w = 0.5, b = −0.25: logits 0.25 and 0.75
        Dataset data = Dataset.classification(new double[]{1, 2}, 1, new int[]{1, 0}, 2);
        LogisticRegression model = new LogisticRegression(1);
        double[] params = {0.5, -0.25};
        // ½·[−log σ(0.25) − log(1 − σ(0.75))] = ½·[log(1 + e^−0.25) + log(1 + e^0.75)]
        //   = ½·(0.5759394198788437 + 1.1368710061148999)
        double[] grad = new double[2];
        assertEquals(0.8564052129968718, model.lossAndGradient(params, data, grad), 1e-15);
        // ½·[(σ(0.25) − 1)·1 + (σ(0.75) − 0)·2] and ½·[(σ(0.25) − 1) + σ(0.75)]
        assertArrayEquals(new double[]{0.460266949618292, 0.12067760003059552}, grad, 1e-15);
        assertEquals(1 / (1 + Math.exp(-0.25)), model.probability(params, data, 0), 1e-15);
        // both logits are positive: row 0 (y = 1) right, row 1 (y = 0) wrong
        assertEquals(0.5, model.zeroOneLoss(params, data), 0.0);
        assertEquals(0.5, model.accuracy(params, data), 0.0);
        assertEquals(1, model.predictLabel(params, data, 1));
    }

    @Test
    void logisticLossIsStableForHugeLogits() {
        Dataset data = Dataset.classification(new double[]{1, 1}, 1, new int[]{1, 0}, 2);
        LogisticRegression model = new LogisticRegression(1);
        double[] grad = new double[2];
        // z = 1000: the y = 1 row costs 0, the y = 0 row costs 1000; the mean is 500
        assertEquals(500, model.lossAndGradient(new double[]{1000, 0}, data, grad), 1e-12);
        assertArrayEquals(new double[]{0.5, 0.5}, grad, 1e-15);
        assertEquals(500, model.loss(new double[]{-1000, 0}, data), 1e-12);
    }

    @Test
    void softmaxLossIsLogKAtZeroAndStableForHugeLogits() {
        Dataset data = SyntheticData.blobs(30, 3, 1, 1);
        SoftmaxRegression model = new SoftmaxRegression(2, 3);
        assertEquals(Math.log(3), model.loss(new double[model.parameterCount()], data), 1e-15);
        double[] huge = new double[model.parameterCount()];
        huge[0] = -1000; // class 0's weight on x₀: every row's loss is in the thousands
        double[] grad = new double[huge.length];
        double loss = model.lossAndGradient(huge, data, grad);
        assertTrue(Double.isFinite(loss) && loss > 100, "loss " + loss);
        assertTrue(Double.isFinite(NumericChecks.maxAbs(grad)));
        double[] p = model.probabilities(huge, data, 0);
        assertEquals(1, p[0] + p[1] + p[2], 1e-15);
        assertEquals("accuracy", model.metricName());
    }

    @Test
    void classifiersLearnTheirData() {
        Dataset blobs = SyntheticData.blobs(150, 3, 0.7, 3);
        SoftmaxRegression softmax = new SoftmaxRegression(2, 3);
        double[] params = softmax.initialParameters(1);
        GradientDescent gd = GradientDescent.textbook().learningRate(0.5);
        Objective softmaxLoss = softmax.objective(blobs);
        for (int k = 0; k < 300; k++) {
            gd.step(params, softmaxLoss);
        }
        assertTrue(softmax.accuracy(params, blobs) > 0.95, "accuracy " + softmax.accuracy(params, blobs));
        Dataset two = SyntheticData.twoBlobs(200, 5, 3);
        LogisticRegression logistic = new LogisticRegression(2);
        double[] w = logistic.initialParameters(2);
        GradientDescent gd2 = GradientDescent.textbook().learningRate(0.5); // an optimizer is bound to one parameter vector
        Objective logisticLoss = logistic.objective(two);
        for (int k = 0; k < 300; k++) {
            gd2.step(w, logisticLoss);
        }
        assertTrue(logistic.metric(w, two) > 0.95);
        assertEquals(1, logistic.accuracy(w, two) + logistic.zeroOneLoss(w, two), 1e-15);
    }

    @Test
    void mlpHasTheDocumentedLayoutAndInitialization() {
        Mlp mlp = new Mlp();
        assertEquals(10 * 64 + 64 + 64 + 1, mlp.parameterCount());
        assertEquals(769, mlp.parameterCount());
        assertEquals(List.of(0, 640, 704, 768), List.of(mlp.w1Offset(), mlp.b1Offset(), mlp.w2Offset(), mlp.b2Offset()));
        double[] p = mlp.initialParameters(7);
        assertArrayEquals(p, mlp.initialParameters(7), 0.0);
        assertFalse(java.util.Arrays.equals(p, mlp.initialParameters(8)));
        double squares = 0;
        for (int i = 0; i < 640; i++) {
            squares += p[i] * p[i];
        }
        assertEquals(Math.sqrt(2.0 / 10), Math.sqrt(squares / 640), 0.03); // He: std √(2/fan-in)
        double limit = Math.sqrt(6.0 / 65);
        for (int h = 0; h < 64; h++) {
            assertEquals(0, p[640 + h], 0.0); // b1
            assertTrue(Math.abs(p[704 + h]) <= limit); // Glorot uniform
        }
        assertEquals(0, p[768], 0.0);
        // the prediction is the documented formula over the layout
        Dataset data = SyntheticData.mlpRegression(3, 1);
        double expected = p[768];
        for (int h = 0; h < 64; h++) {
            double a = p[640 + h];
            for (int j = 0; j < 10; j++) {
                a += p[h * 10 + j] * data.feature(2, j);
            }
            expected += p[704 + h] * Math.max(0, a);
        }
        assertEquals(expected, mlp.predict(p, data, 2), 1e-12);
    }

    @Test
    void mlpBeatsLinearRegressionOnItsData() {
        Dataset data = SyntheticData.mlpRegression(400, 3);
        Mlp mlp = new Mlp();
        double[] params = mlp.initialParameters(1);
        Minibatches batches = Minibatches.withoutReplacement(data, 32, 5);
        GradientDescent sgd = GradientDescent.textbook().learningRate(0.02);
        double[] grad = new double[mlp.parameterCount()];
        for (int epoch = 0; epoch < 60; epoch++) {
            while (batches.next()) {
                mlp.lossAndGradient(params, data, batches.rows(), batches.count(), grad);
                sgd.step(params, grad);
            }
        }
        double linear = new LinearRegression(10).metric(LinearRegression.leastSquares(data), data);
        assertTrue(mlp.metric(params, data) < 0.8 * linear, "MLP RMSE " + mlp.metric(params, data) + " vs linear " + linear);
    }

    @Test
    void currentBatchObjectiveFollowsTheMinibatches() {
        Dataset data = SyntheticData.linearRegression(20, new double[]{1}, 0, 0.1, 1);
        LinearRegression model = new LinearRegression(1);
        Minibatches batches = Minibatches.withoutReplacement(data, 6, 2);
        Objective objective = model.objective(data, batches);
        double[] params = {0.3, 0.1}, grad = new double[2], expected = new double[2];
        String m = message(() -> objective.valueAndGradient(params, grad));
        assertTrue(m.contains("call batches.next()"), m);
        while (batches.next()) {
            double loss = objective.valueAndGradient(params, grad);
            assertEquals(model.lossAndGradient(params, data, batches.rows(), batches.count(), expected), loss, 0.0);
            assertArrayEquals(expected, grad, 0.0);
            assertEquals(loss, objective.value(params), 0.0);
        }
        assertEquals(4, objective.evaluations());
        Objective fixed = Objective.fixedRows(model, data, new int[]{3, 4, 99}, 2);
        assertEquals(model.loss(params, data, new int[]{3, 4}, 2), fixed.value(params), 0.0);
        m = message(() -> Objective.currentBatch(model, data, Minibatches.withoutReplacement(21, 6, 1)));
        assertTrue(m.contains("21 rows") && m.contains("20"), m);
        m = message(() -> Objective.fixedRows(model, data, new int[]{3, 40}, 2));
        assertTrue(m.contains("rows[1] is 40"), m);
    }

    @Test
    void gradientsAllocateNothing() {
        assumeTrue(NumericChecks.allocatedBytes() >= 0, "this JVM does not report allocated bytes");
        Dataset regression = SyntheticData.mlpRegression(64, 1);
        Dataset blobs = SyntheticData.blobs(64, 3, 1, 1);
        Dataset two = SyntheticData.twoBlobs(64, 2, 1);
        Model[] models = {new Mlp(), new LinearRegression(10), new SoftmaxRegression(2, 3), new LogisticRegression(2)};
        Dataset[] sets = {regression, regression, blobs, two};
        int[] rows = {5, 9, 13, 2, 60, 33, 8, 8};
        for (int m = 0; m < models.length; m++) {
            Model model = models[m];
            Dataset data = sets[m];
            double[] params = model.initialParameters(1), grad = new double[model.parameterCount()];
            Objective objective = model.objective(data);
            for (int k = 0; k < 3000; k++) { // warm up: let the JIT compile the loops
                model.lossAndGradient(params, data, rows, rows.length, grad);
                model.lossAndGradient(params, data, grad);
                objective.valueAndGradient(params, grad);
            }
            long before = NumericChecks.allocatedBytes();
            for (int k = 0; k < 1000; k++) {
                model.lossAndGradient(params, data, rows, rows.length, grad);
                model.lossAndGradient(params, data, grad);
                objective.valueAndGradient(params, grad);
            }
            long allocated = NumericChecks.allocatedBytes() - before;
            assertTrue(allocated < 8192, model.name() + ": " + allocated + " bytes for 3000 gradients");
        }
    }

    @Test
    void badInputIsRejectedWithWhatIsAllowed() {
        Dataset data = SyntheticData.linearRegression(40, new double[]{1, 2}, 0, 0.1, 1);
        LinearRegression model = new LinearRegression(2);
        double[] params = model.initialParameters(1), grad = new double[3];
        String m = message(() -> model.lossAndGradient(params, data, new int[]{1, 2}, 0, grad));
        assertTrue(m.contains("count must lie between 1 and rows.length = 2") && m.contains("got 0"), m);
        m = message(() -> model.lossAndGradient(params, data, new int[]{1, 2}, 3, grad));
        assertTrue(m.contains("got 3"), m);
        m = message(() -> model.lossAndGradient(params, data, new int[0], 0, grad));
        assertTrue(m.contains("rows is empty"), m);
        m = message(() -> model.lossAndGradient(params, data, new int[]{1, 40}, 2, grad));
        assertTrue(m.contains("rows[1] is 40") && m.contains("0 … 39"), m);
        m = message(() -> model.loss(params, data, new int[]{-1}, 1));
        assertTrue(m.contains("rows[0] is -1"), m);
        m = message(() -> model.lossAndGradient(new double[4], data, grad));
        assertTrue(m.contains("params has 4 entries") && m.contains("3 parameters"), m);
        m = message(() -> model.lossAndGradient(params, data, new double[2]));
        assertTrue(m.contains("grad has 2 entries") && m.contains("grad must have 3"), m);
        m = message(() -> model.lossAndGradient(new double[]{0, Double.NaN, 0}, data, grad));
        assertTrue(m.contains("params[1] is NaN") && m.contains("finite"), m);
        m = message(() -> model.loss(params, null));
        assertTrue(m.contains("data set must not be null"), m);
        m = message(() -> model.loss(params, data, null, 1));
        assertTrue(m.contains("rows must not be null"), m);
        m = message(() -> model.loss(params, SyntheticData.linearRegression(5, new double[]{1, 2, 3}, 0, 0, 1)));
        assertTrue(m.contains("reads 2 features but the data set has 3"), m);
        m = message(() -> model.loss(params, SyntheticData.twoBlobs(10, 1, 1)));
        assertTrue(m.contains("needs a regression data set") && m.contains("2 classes"), m);
        LogisticRegression logistic = new LogisticRegression(2);
        m = message(() -> logistic.loss(logistic.initialParameters(1), SyntheticData.blobs(9, 3, 1, 1)));
        assertTrue(m.contains("2 classes, got one with 3"), m);
        m = message(() -> logistic.loss(logistic.initialParameters(1), data));
        assertTrue(m.contains("needs a classification data set"), m);
        m = message(() -> new SoftmaxRegression(2, 1));
        assertTrue(m.contains("classes must be at least 2"), m);
        m = message(() -> new Mlp(0, 4));
        assertTrue(m.contains("inputs must be at least 1"), m);
        m = message(() -> new LinearRegression(0));
        assertTrue(m.contains("feature count must be at least 1"), m);
        // NaN features and empty data sets cannot reach a model: the data set refuses them
        m = message(() -> Dataset.regression(new double[]{1, Double.NaN}, 2, new double[1]));
        assertTrue(m.contains("features[row 0, column 1] is NaN"), m);
        m = message(() -> Dataset.regression(new double[0], 2, new double[0]));
        assertTrue(m.contains("empty"), m);
    }
}
