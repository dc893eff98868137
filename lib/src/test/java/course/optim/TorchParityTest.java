package course.optim;


import com.google.gson.JsonObject;
import course.golden.Golden;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the gradients torch.optim saw (tools/golden/torch_optimizers.py, float64) through our
 * PyTorch-convention optimizers and checks the parameters after every step to 1e-10 relative.
 */
class TorchParityTest {
    private static final double TOLERANCE = 1e-10;
    /** Values below this magnitude are compared absolutely (cancellation near zero). */
    private static final double FLOOR = 1e-5;
    private static final Golden.Report REPORT = new Golden.Report(
            "PyTorch parity (torch.optim, float64): worst relative error over every step and coordinate");

    @TestFactory
    List<DynamicTest> everyTorchCaseMatchesStepByStep() {
        return Golden.caseTests("torch-optimizers.json", 100, TorchParityTest::replay);
    }

    private static void replay(JsonObject c) {
        String name = c.get("name").getAsString();
        Optimizer optimizer = fromTorch(c.get("optimizer").getAsString(), c.getAsJsonObject("options"));
        double worst = Golden.replaySteps(c, optimizer, "torch", TOLERANCE, FLOOR);
        REPORT.add(c.get("optimizer").getAsString() + " " + name.substring(0, name.indexOf('/')),
                c.getAsJsonArray("grad").size(), worst);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write("pytorch-optimizers.txt");
        System.out.println(REPORT.table());
    }

    private static double number(JsonObject options, String key, double fallback) {
        return options.has(key) ? options.get(key).getAsDouble() : fallback;
    }

    private static boolean flag(JsonObject options, String key) {
        return options.has(key) && options.get(key).getAsBoolean();
    }

    /** Our optimizer for a torch.optim class and its keyword arguments (torch's defaults otherwise). */
    static Optimizer fromTorch(String torchClass, JsonObject o) {
        double wd = number(o, "weight_decay", 0);
        return switch (torchClass) {
            case "SGD" -> {
                double lr = number(o, "lr", Double.NaN), momentum = number(o, "momentum", 0);
                if (momentum == 0) {
                    yield GradientDescent.pytorch().learningRate(lr).weightDecay(wd);
                }
                if (flag(o, "nesterov")) {
                    yield Nesterov.pytorch().learningRate(lr).momentum(momentum).weightDecay(wd);
                }
                yield Momentum.pytorch().learningRate(lr).momentum(momentum).dampening(number(o, "dampening", 0)).weightDecay(wd);
            }
            case "Adagrad" -> AdaGrad.pytorch().learningRate(number(o, "lr", 0.01)).lrDecay(number(o, "lr_decay", 0))
                    .initialAccumulator(number(o, "initial_accumulator_value", 0)).epsilon(number(o, "eps", 1e-10))
                    .weightDecay(wd);
            case "RMSprop" -> RmsProp.pytorch().learningRate(number(o, "lr", 0.01)).rho(number(o, "alpha", 0.99))
                    .epsilon(number(o, "eps", 1e-8)).centered(flag(o, "centered")).momentum(number(o, "momentum", 0))
                    .weightDecay(wd);
            case "Adadelta" -> AdaDelta.pytorch().learningRate(number(o, "lr", 1.0)).rho(number(o, "rho", 0.9))
                    .epsilon(number(o, "eps", 1e-6)).weightDecay(wd);
            case "Adam", "AdamW" -> {
                double[] betas = o.has("betas") ? Golden.vector(o.get("betas")) : new double[] {0.9, 0.999};
                Adam adam = torchClass.equals("Adam") ? Adam.pytorch() : AdamW.pytorch();
                yield adam.learningRate(number(o, "lr", 0.001)).betas(betas[0], betas[1]).epsilon(number(o, "eps", 1e-8))
                        .amsgrad(flag(o, "amsgrad")).weightDecay(number(o, "weight_decay", torchClass.equals("AdamW") ? 0.01 : 0));
            }
            case "Adamax" -> {
                double[] betas = o.has("betas") ? Golden.vector(o.get("betas")) : new double[] {0.9, 0.999};
                yield AdaMax.pytorch().learningRate(number(o, "lr", 0.002)).betas(betas[0], betas[1])
                        .epsilon(number(o, "eps", 1e-8)).weightDecay(wd);
            }
            case "NAdam" -> {
                double[] betas = o.has("betas") ? Golden.vector(o.get("betas")) : new double[] {0.9, 0.999};
                yield NAdam.pytorch().learningRate(number(o, "lr", 0.002)).betas(betas[0], betas[1])
                        .epsilon(number(o, "eps", 1e-8)).momentumDecay(number(o, "momentum_decay", 0.004)).weightDecay(wd);
            }
            default -> throw new IllegalArgumentException("no mapping for torch.optim." + torchClass);
        };
    }
}
