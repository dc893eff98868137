package course.optim;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import course.golden.Golden;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the gradients torch.optim saw (tools/golden/torch_optimizers.py, PyTorch 2.x, float64) through
 * our PyTorch-convention optimizers and checks the parameters after every step to 1e-10 relative
 * (ASGD's averaged parameters too).
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
        double worst = optimizer instanceof ASGD asgd ? replayAveraging(c, asgd)
                : Golden.replaySteps(c, optimizer, "torch", TOLERANCE, FLOOR);
        REPORT.add(c.get("optimizer").getAsString() + " " + name.substring(0, name.indexOf('/')),
                c.getAsJsonArray("grad").size(), worst);
    }

    /** ASGD: the parameters and, after every step, the averaged parameters torch keeps in state["ax"]. */
    private static double replayAveraging(JsonObject c, ASGD asgd) {
        double[] params = Golden.vector(c.get("start"));
        double[] lrs = Golden.vector(c.get("lr"));
        double[][] grads = Golden.matrix(c.get("grad"));
        double[][] expected = Golden.matrix(c.get("params"));
        double[][] averaged = Golden.matrix(c.get("averaged"));
        double worst = 0;
        for (int k = 0; k < grads.length; k++) {
            asgd.setLearningRate(lrs[k]);
            asgd.step(params, grads[k]);
            double[] ours = asgd.averagedParameters();
            for (int i = 0; i < params.length; i++) {
                double error = Math.max(Golden.relativeError(params[i], expected[k][i], FLOOR),
                        Golden.relativeError(ours[i], averaged[k][i], FLOOR));
                worst = Math.max(worst, error);
                if (!(error <= TOLERANCE)) {
                    Assertions.fail(c.get("name").getAsString() + ": step " + (k + 1) + ", coordinate " + i
                            + ": θ ours " + params[i] + ", torch " + expected[k][i] + "; averaged ours " + ours[i]
                            + ", torch " + averaged[k][i]);
                }
            }
        }
        return worst;
    }

    @Test
    void theGoldenFileIsTorch2AndCoversWhatLibAdded() {
        JsonObject file = Golden.load("torch-optimizers.json");
        assertTrue(file.get("torch").getAsString().startsWith("2."), "regenerate with PyTorch 2.x: " + file.get("torch"));
        Set<String> optimizers = new TreeSet<>();
        Set<String> maximized = new TreeSet<>();
        boolean averagingStarted = false;
        for (JsonElement e : file.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            optimizers.add(c.get("optimizer").getAsString());
            if (flag(c.getAsJsonObject("options"), "maximize")) {
                maximized.add(c.get("optimizer").getAsString());
            }
            if (c.has("averaged")) {
                double[][] theta = Golden.matrix(c.get("params")), mean = Golden.matrix(c.get("averaged"));
                averagingStarted |= theta[theta.length - 1][0] != mean[mean.length - 1][0];
            }
        }
        assertTrue(optimizers.containsAll(List.of("RAdam", "ASGD", "Rprop")), optimizers.toString());
        assertEquals(optimizers, maximized, "maximize=True on every optimizer");
        assertTrue(averagingStarted, "some ASGD case averages (θ̄ ≠ θ at the end)");
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
        TunableOptimizer<?> optimizer = withoutMaximize(torchClass, o);
        return flag(o, "maximize") ? optimizer.maximize(true) : optimizer;
    }

    private static double[] pair(JsonObject o, String key, double first, double second) {
        return o.has(key) ? Golden.vector(o.get(key)) : new double[] {first, second};
    }

    private static TunableOptimizer<?> withoutMaximize(String torchClass, JsonObject o) {
        double wd = number(o, "weight_decay", 0);
        boolean decoupled = flag(o, "decoupled_weight_decay");
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
                NAdam nadam = NAdam.pytorch().learningRate(number(o, "lr", 0.002)).betas(betas[0], betas[1])
                        .epsilon(number(o, "eps", 1e-8)).momentumDecay(number(o, "momentum_decay", 0.004));
                yield decoupled ? nadam.decoupledWeightDecay(wd) : nadam.weightDecay(wd);
            }
            case "RAdam" -> {
                double[] betas = pair(o, "betas", 0.9, 0.999);
                RAdam radam = RAdam.pytorch().learningRate(number(o, "lr", 0.001)).betas(betas[0], betas[1])
                        .epsilon(number(o, "eps", 1e-8));
                yield decoupled ? radam.decoupledWeightDecay(wd) : radam.weightDecay(wd);
            }
            case "ASGD" -> ASGD.pytorch().learningRate(number(o, "lr", 0.01)).lambd(number(o, "lambd", 1e-4))
                    .alpha(number(o, "alpha", 0.75)).t0(number(o, "t0", 1e6)).weightDecay(wd);
            case "Rprop" -> {
                double[] etas = pair(o, "etas", 0.5, 1.2), sizes = pair(o, "step_sizes", 1e-6, 50);
                yield Rprop.pytorch().learningRate(number(o, "lr", 0.01)).etas(etas[0], etas[1]).stepSizes(sizes[0], sizes[1]);
            }
            default -> throw new IllegalArgumentException("no mapping for torch.optim." + torchClass);
        };
    }
}
