package course.dl4j;

import course.Validate;
import course.display.Table;
import java.util.Locale;
import java.util.Map;

/**
 * Does the course's own optimizer, plugged into DL4J through {@link CourseUpdater}, train the network
 * as DL4J's built-in updater does? Two runs with the same settings (same seed, so the same initial
 * weights; the same order of images; the same dropout masks, since ND4J's generator is reseeded
 * identically and nothing else draws from it) differ only in who computes the update. The first
 * step's loss must be identical (nothing has been updated yet); after that the losses are compared
 * step by step, and the epoch's results at its end.
 * <pre>
 * MnistTrace.Result adam = MnistTrace.run(training, "adam", "adam-lib", 100);
 * adam.worstRelative();     // over the first 100 steps
 * </pre>
 */
public final class MnistTrace {
    private MnistTrace() {
    }

    /** The two runs' step losses, where they differ most, and their first epochs. */
    public record Result(String reference, String candidate, double[] referenceLosses, double[] candidateLosses,
                         int compared, double worstRelative, int worstStep, MnistEpoch referenceEpoch,
                         MnistEpoch candidateEpoch) {

        /** |a − b| / |a| of the epoch's training loss, validation loss and validation accuracy, by name. */
        public Map<String, Double> epochDifferences() {
            return Map.of("train loss", relative(referenceEpoch.trainLoss(), candidateEpoch.trainLoss()),
                    "validation loss", relative(referenceEpoch.validationLoss(), candidateEpoch.validationLoss()),
                    "validation accuracy", relative(referenceEpoch.validationAccuracy(), candidateEpoch.validationAccuracy()));
        }

        /** The largest of {@link #epochDifferences()}. */
        public double worstEpochDifference() {
            return epochDifferences().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /** Steps 1–10, then every tenth, of the compared range, and the worst one. */
        public Table table() {
            Table table = Table.of("step", reference + " loss", candidate + " loss", "relative difference");
            for (int k = 0; k < compared; k++) {
                if (k < 10 || (k + 1) % 10 == 0 || k == worstStep - 1) {
                    table.row(k + 1, referenceLosses[k], candidateLosses[k], relative(referenceLosses[k], candidateLosses[k]));
                }
            }
            return table;
        }

        public Map<String, Object> mimeBundle() {
            return table().mimeBundle();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s vs %s: worst relative loss difference %.3g at step %d of %d; "
                    + "after the epoch: %s", reference, candidate, worstRelative, worstStep, compared,
                    MnistTraining.table(java.util.List.of(referenceEpoch, candidateEpoch)).toString().replace("\n", "; "));
        }
    }

    /**
     * Trains one epoch of {@code training} with each optimizer and compares the first {@code steps}
     * step losses (all of the epoch's if it is shorter).
     */
    public static Result run(MnistTraining training, String reference, String candidate, int steps) {
        Validate.notNull("training", training);
        Validate.positive("steps", steps);
        MnistTraining.Run a = training.start(MnistOptimizer.of(reference));
        MnistEpoch epochA = a.trainEpoch();
        double[] lossesA = a.history().stepLosses();
        a = null;
        MnistTraining.Run b = training.start(MnistOptimizer.of(candidate));
        MnistEpoch epochB = b.trainEpoch();
        double[] lossesB = b.history().stepLosses();
        int compared = Math.min(steps, Math.min(lossesA.length, lossesB.length));
        double worst = 0;
        int worstStep = 1;
        for (int k = 0; k < compared; k++) {
            double d = relative(lossesA[k], lossesB[k]);
            if (d > worst || Double.isNaN(d)) {
                worst = d;
                worstStep = k + 1;
            }
        }
        return new Result(reference, candidate, lossesA, lossesB, compared, worst, worstStep, epochA, epochB);
    }

    static double relative(double reference, double candidate) {
        if (reference == candidate) {
            return 0;
        }
        return Math.abs(candidate - reference) / Math.abs(reference);
    }
}
