package course.bench;

import course.optim.AdaDelta;
import course.optim.AdaGrad;
import course.optim.AdaMax;
import course.optim.Adam;
import course.optim.AdamW;
import course.optim.AmsGrad;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.optim.NAdam;
import course.optim.Nesterov;
import course.optim.Optimizer;
import course.optim.RmsProp;
import org.nd4j.linalg.learning.config.IUpdater;

/** The benchmarked optimizers, their ND4J counterparts, and the memory traffic of one step. */
final class Algorithms {
    static final String[] NAMES = {"GradientDescent", "Momentum", "Nesterov", "AdaGrad", "RmsProp", "AdaDelta",
        "Adam", "AmsGrad", "AdamW", "AdaMax", "NAdam"};

    private Algorithms() {
    }

    static Optimizer ours(String name) {
        return switch (name) {
            case "GradientDescent" -> GradientDescent.pytorch();
            case "Momentum" -> Momentum.pytorch().momentum(0.9);
            case "Nesterov" -> Nesterov.pytorch().momentum(0.9);
            case "AdaGrad" -> AdaGrad.pytorch();
            case "RmsProp" -> RmsProp.pytorch();
            case "AdaDelta" -> AdaDelta.pytorch();
            case "Adam" -> Adam.pytorch();
            case "AmsGrad" -> AmsGrad.pytorch();
            case "AdamW" -> AdamW.pytorch();
            case "AdaMax" -> AdaMax.pytorch();
            case "NAdam" -> NAdam.pytorch();
            default -> throw new IllegalArgumentException("unknown algorithm " + name);
        };
    }

    /** ND4J's updater for the same algorithm, or null where ND4J has none. */
    static IUpdater nd4j(String name) {
        return switch (name) {
            case "GradientDescent" -> new org.nd4j.linalg.learning.config.Sgd(1e-3);
            case "Nesterov" -> new org.nd4j.linalg.learning.config.Nesterovs(1e-3, 0.9);
            case "AdaGrad" -> new org.nd4j.linalg.learning.config.AdaGrad(0.01, 1e-6);
            case "RmsProp" -> new org.nd4j.linalg.learning.config.RmsProp(0.01, 0.99, 1e-8);
            case "AdaDelta" -> new org.nd4j.linalg.learning.config.AdaDelta(0.9, 1e-6);
            case "Adam" -> new org.nd4j.linalg.learning.config.Adam(1e-3);
            case "AmsGrad" -> new org.nd4j.linalg.learning.config.AMSGrad(1e-3);
            case "AdaMax" -> new org.nd4j.linalg.learning.config.AdaMax(2e-3);
            case "NAdam" -> new org.nd4j.linalg.learning.config.Nadam(2e-3);
            default -> null;
        };
    }

    /**
     * Bytes one of our steps reads and writes per parameter: 8 for the finiteness check of the
     * gradient, then every array the fused loop reads (8 each) and writes (8 each).
     */
    static int bytesPerParameter(String name) {
        int check = 8;
        return check + switch (name) {
            case "GradientDescent" -> 8 * (2 + 1);               // read θ, g; write θ
            case "Momentum", "Nesterov", "AdaGrad", "RmsProp" -> 8 * (3 + 2);  // + one state array
            case "AdaDelta", "Adam", "AdamW", "AdaMax", "NAdam" -> 8 * (4 + 3); // + two state arrays
            case "AmsGrad" -> 8 * (5 + 4);                          // + three state arrays
            default -> throw new IllegalArgumentException("unknown algorithm " + name);
        };
    }
}
