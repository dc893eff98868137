package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import course.golden.Golden;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the gradients Keras 3's own optimizers saw (tools/golden/keras_optimizers.py: Keras on JAX,
 * float64 throughout) through our Keras-convention optimizers and checks the parameters after every
 * step to 1e-10 relative: every {@code X.keras()} is what Keras computes, not a reading of its docs.
 */
class KerasParityTest {
    private static final double TOLERANCE = 1e-10;
    /** Values below this magnitude are compared absolutely (cancellation near zero). */
    private static final double FLOOR = 1e-5;
    private static final Golden.Report REPORT = new Golden.Report(
            "Keras 3 parity (keras.optimizers on JAX, float64): worst relative error over every step and coordinate");

    @TestFactory
    List<DynamicTest> everyKerasCaseMatchesStepByStep() {
        assertEquals("float64", Golden.load("keras-optimizers.json").get("dtype").getAsString());
        assertTrue(Golden.load("keras-optimizers.json").toString().contains("\"optimizer\":\"Lion\""),
                "the golden file has Keras's Lion");
        return Golden.caseTests("keras-optimizers.json", 100, KerasParityTest::replay);
    }

    private static void replay(JsonObject c) {
        String name = c.get("name").getAsString();
        Optimizer optimizer = fromKeras(c.get("optimizer").getAsString(), c.getAsJsonObject("options"));
        double worst = Golden.replaySteps(c, optimizer, "Keras", TOLERANCE, FLOOR);
        REPORT.add(c.get("optimizer").getAsString() + " " + name.substring(0, name.indexOf('/')),
                c.getAsJsonArray("grad").size(), worst);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write("keras-optimizers.txt");
        System.out.println(REPORT.table());
    }

    private static double number(JsonObject options, String key, double fallback) {
        return options.has(key) ? options.get(key).getAsDouble() : fallback;
    }

    private static boolean flag(JsonObject options, String key) {
        return options.has(key) && options.get(key).getAsBoolean();
    }

    /** Our optimizer for a keras.optimizers class and its keyword arguments (Keras's defaults otherwise). */
    static Optimizer fromKeras(String kerasClass, JsonObject o) {
        double lr = number(o, "learning_rate", kerasClass.equals("SGD") ? 0.01 : 0.001);
        double beta1 = number(o, "beta_1", 0.9), beta2 = number(o, "beta_2", 0.999), eps = number(o, "epsilon", 1e-7);
        double wd = number(o, "weight_decay", 0);
        return switch (kerasClass) {
            case "SGD" -> {
                double momentum = number(o, "momentum", 0);
                if (flag(o, "nesterov")) {
                    yield Nesterov.keras().learningRate(lr).momentum(momentum).weightDecay(wd);
                }
                yield momentum == 0 ? GradientDescent.keras().learningRate(lr).weightDecay(wd)
                        : Momentum.keras().learningRate(lr).momentum(momentum).weightDecay(wd);
            }
            case "Adagrad" -> AdaGrad.keras().learningRate(lr).initialAccumulator(number(o, "initial_accumulator_value", 0.1))
                    .epsilon(eps).weightDecay(wd);
            case "RMSprop" -> RmsProp.keras().learningRate(lr).rho(number(o, "rho", 0.9)).epsilon(eps)
                    .centered(flag(o, "centered")).momentum(number(o, "momentum", 0)).weightDecay(wd);
            case "Adadelta" -> AdaDelta.keras().learningRate(lr).rho(number(o, "rho", 0.95)).epsilon(eps).weightDecay(wd);
            case "Adam" -> Adam.keras().learningRate(lr).betas(beta1, beta2).epsilon(eps).amsgrad(flag(o, "amsgrad"))
                    .weightDecay(wd);
            case "AdamW" -> AdamW.keras().learningRate(lr).betas(beta1, beta2).epsilon(eps).amsgrad(flag(o, "amsgrad"))
                    .weightDecay(number(o, "weight_decay", 0.004));
            case "Adamax" -> AdaMax.keras().learningRate(lr).betas(beta1, beta2).epsilon(eps).weightDecay(wd);
            case "Nadam" -> NAdam.keras().learningRate(lr).betas(beta1, beta2).epsilon(eps).weightDecay(wd);
            case "Lion" -> Lion.keras().learningRate(lr).betas(beta1, number(o, "beta_2", 0.99)).weightDecay(wd);
            default -> throw new IllegalArgumentException("no mapping for keras.optimizers." + kerasClass);
        };
    }
}
