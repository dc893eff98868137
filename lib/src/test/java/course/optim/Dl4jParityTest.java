package course.optim;

import static org.junit.jupiter.api.Assertions.fail;

import course.golden.Golden;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * DL4J's updaters (ND4J 1.0.0-M2.1, {@code GradientUpdater}, float64) against ours, on the same
 * gradient sequence. DL4J computes the update in place in the gradient array; the caller subtracts
 * it. Each test names the convention and options that reproduce DL4J, and so documents how DL4J
 * differs from the frameworks' defaults.
 */
class Dl4jParityTest {
    private static final int STEPS = 150;
    private static final int SIZE = 6;
    private static final double TOLERANCE = 1e-10;
    private static final double FLOOR = 1e-5;
    private static final Golden.Report REPORT = new Golden.Report(
            "DL4J parity (ND4J 1.0.0-M2.1 updaters, float64): worst relative error over every step and coordinate");
    private static double[][] gradients;

    @BeforeAll
    static void gradientSequence() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        SplittableRandom random = new SplittableRandom(20261123);
        double[] scales = {1.0, 1e-3, 10.0, 0.5, 1e-6, 3.0};
        gradients = new double[STEPS][SIZE];
        for (int k = 0; k < STEPS; k++) {
            for (int i = 0; i < SIZE; i++) {
                gradients[k][i] = (2 * random.nextDouble() - 1) * scales[i];
            }
            if (k % 7 == 3) {
                gradients[k][1] = 0;
            }
        }
    }

    /** Runs DL4J's updater and ours side by side from the same start; fails at the first step that differs. */
    private static void compare(String name, IUpdater dl4j, Supplier<Optimizer> ours) {
        double[] start = {0.3, -1.2, 2.0, 0.0, 5.0, -0.7};
        INDArray state = dl4j.stateSize(SIZE) > 0 ? Nd4j.zeros(DataType.DOUBLE, 1, dl4j.stateSize(SIZE)) : null;
        GradientUpdater<?> updater = dl4j.instantiate(state, true);
        double[] theirs = start.clone(), mine = start.clone();
        Optimizer optimizer = ours.get();
        double worst = 0;
        for (int k = 0; k < STEPS; k++) {
            INDArray update = Nd4j.createFromArray(gradients[k].clone()).reshape(1, SIZE);
            updater.applyUpdater(update, k, 0);
            for (int i = 0; i < SIZE; i++) {
                theirs[i] -= update.getDouble(0, i);
            }
            optimizer.step(mine, gradients[k]);
            for (int i = 0; i < SIZE; i++) {
                double error = Golden.relativeError(mine[i], theirs[i], FLOOR);
                worst = Math.max(worst, error);
                if (!(error <= TOLERANCE)) {
                    fail(name + " vs " + optimizer + ": step " + (k + 1) + ", coordinate " + i + ": ours " + mine[i]
                            + ", DL4J " + theirs[i] + " (relative error " + error + ")");
                }
            }
        }
        REPORT.add(name, STEPS, worst);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write("dl4j-updaters.txt");
        System.out.println(REPORT.table());
    }

    @Test
    void sgd() {
        compare("Sgd", new org.nd4j.linalg.learning.config.Sgd(0.05), () -> GradientDescent.keras().learningRate(0.05));
    }

    @Test
    void nesterovs() {
        compare("Nesterovs", new org.nd4j.linalg.learning.config.Nesterovs(0.05, 0.9),
                () -> Nesterov.keras().learningRate(0.05).momentum(0.9));
    }

    @Test
    void adaGrad() {
        compare("AdaGrad", new org.nd4j.linalg.learning.config.AdaGrad(0.1, 1e-6),
                () -> AdaGrad.pytorch().learningRate(0.1).epsilon(1e-6).initialAccumulator(1e-6));
    }

    @Test
    void rmsProp() {
        compare("RmsProp", new org.nd4j.linalg.learning.config.RmsProp(0.01, 0.95, 1e-8),
                () -> RmsProp.pytorch().learningRate(0.01).rho(0.95).epsilon(1e-8).initialSquareAverage(1e-8));
    }

    @Test
    void adaDelta() {
        compare("AdaDelta", new org.nd4j.linalg.learning.config.AdaDelta(0.95, 1e-6),
                () -> AdaDelta.keras().learningRate(1).rho(0.95).epsilon(1e-6));
    }

    @Test
    void adam() {
        compare("Adam", new org.nd4j.linalg.learning.config.Adam(0.01, 0.9, 0.999, 1e-8),
                () -> Adam.keras().learningRate(0.01).epsilon(1e-8));
    }

    @Test
    void amsGrad() {
        compare("AMSGrad", new org.nd4j.linalg.learning.config.AMSGrad(0.01, 0.9, 0.999, 1e-8),
                () -> AmsGrad.keras().learningRate(0.01).epsilon(1e-8));
    }

    @Test
    void adaMax() {
        compare("AdaMax", new org.nd4j.linalg.learning.config.AdaMax(0.01, 0.9, 0.999, 1e-8),
                () -> AdaMax.textbook().learningRate(0.01));
    }

    @Test
    void nadam() {
        compare("Nadam", new org.nd4j.linalg.learning.config.Nadam(0.01, 0.9, 0.999, 1e-8),
                () -> new Dl4jNadam(0.01, 0.9, 0.999, 1e-8));
    }

    /** The update DL4J's Nadam computes, as found by this test: no bias correction on v. */
    static final class Dl4jNadam extends TunableOptimizer<Dl4jNadam> {
        private final double beta1;
        private final double beta2;
        private final double epsilon;

        Dl4jNadam(double learningRate, double beta1, double beta2, double epsilon) {
            super("DL4J-Nadam", Convention.KERAS, learningRate);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        protected void initState(OptimizerState state) {
            state.addArray("m", 0);
            state.addArray("v", 0);
        }

        @Override
        protected void updateRange(double[] params, double[] grad, OptimizerState state, long t, int from, int to) {
            double[] m = state.array("m"), v = state.array("v");
            double correction1 = 1 - Math.pow(beta1, t);
            for (int i = from; i < to; i++) {
                double g = grad[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / correction1;
                params[i] -= learningRate() * (beta1 * mHat + (1 - beta1) * g / correction1) / (Math.sqrt(v[i]) + epsilon);
            }
        }

        @Override
        protected String hyperparameters() {
            return "lr=" + learningRate();
        }
    }
}
