package course.models;

import course.NumericChecks;
import course.data.Dataset;
import course.data.SyntheticData;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every model's backpropagation against central finite differences of its loss. */
class GradientCheckTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new LinearRegression(3), SyntheticData.linearRegression(40, new double[]{1, -2, 0.5}, 0.3, 0.5, 1)),
                Arguments.of(new LogisticRegression(2), SyntheticData.twoBlobs(40, 2, 2)),
                Arguments.of(new LogisticRegression(4), SyntheticData.logisticLabels(40, new double[]{1, -1, 2, 0}, 0.5, 3)),
                Arguments.of(new SoftmaxRegression(2, 3), SyntheticData.blobs(45, 3, 1, 4)),
                Arguments.of(new SoftmaxRegression(2, 2), SyntheticData.twoBlobs(30, 1, 5)),
                Arguments.of(new Mlp(), SyntheticData.mlpRegression(40, 6)),
                Arguments.of(new Mlp(3, 5), SyntheticData.linearRegression(30, new double[]{1, 1, 1}, 0, 1, 7)),
                Arguments.of(new LinearRegression(10), SyntheticData.sparseRegression(60, 8)));
    }

    /** Batches: one row, seven rows with repeats, and every row. */
    private static int[][] batches(Dataset data, long seed) {
        Random random = new Random(seed);
        int[] one = {random.nextInt(data.size())};
        int[] seven = new int[7];
        for (int i = 0; i < 7; i++) {
            seven[i] = random.nextInt(data.size());
        }
        seven[6] = seven[0]; // a repeated row counts twice
        int[] all = java.util.stream.IntStream.range(0, data.size()).toArray();
        return new int[][]{one, seven, all};
    }

    /** Random parameters of a larger scale than the initialization, so every unit and class matters. */
    private static double[] randomParameters(Model model, long seed) {
        Random random = new Random(seed);
        double[] params = model.initialParameters(seed);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.5 * random.nextGaussian();
        }
        return params;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Model model, Dataset data) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] params = randomParameters(model, seed);
            for (int[] rows : batches(data, seed)) {
                int count = rows.length;
                double[] grad = new double[model.parameterCount()];
                double loss = model.lossAndGradient(params, data, rows, count, grad);
                assertEquals(model.loss(params, data, rows, count), loss, 1e-12 * Math.max(1, loss));
                // h = 1e-5: the MSE models are piecewise quadratic in each parameter, where central
                // differences have no truncation error, so only rounding (about ε·|L|/h) is left
                double[] numeric = NumericChecks.centralDifferences(p -> model.loss(p, data, rows, count), params, 1e-5);
                double error = NumericChecks.relativeError(grad, numeric);
                assertTrue(error < 1e-6, model.name() + ", batch of " + count + ", seed " + seed
                        + ": relative error " + error);
                for (int i = 0; i < grad.length; i++) {
                    assertEquals(numeric[i], grad[i], 1e-6 * Math.abs(numeric[i]) + 1e-9 * (1 + loss),
                            model.name() + ": parameter " + i + ", batch of " + count + ", seed " + seed);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void gradientIsOverwrittenAndParametersAreLeftAlone(Model model, Dataset data) {
        double[] params = randomParameters(model, 9), copy = params.clone();
        double[] fresh = new double[model.parameterCount()], dirty = new double[model.parameterCount()];
        java.util.Arrays.fill(dirty, 123);
        model.lossAndGradient(params, data, fresh);
        model.lossAndGradient(params, data, dirty);
        assertEquals(0, NumericChecks.relativeError(fresh, dirty), 0.0);
        assertEquals(0, NumericChecks.relativeError(params, copy), 0.0);
    }
}
