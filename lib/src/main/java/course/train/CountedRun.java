package course.train;

import course.Validate;
import course.data.Dataset;
import course.models.Model;
import course.optim.Optimizer;

/**
 * One {@link Trainer} run that counts its work: the full training loss after every epoch, the seconds
 * spent training up to each epoch (without the time spent measuring that loss), the number of updates
 * and the number of examples whose gradient the model computed. Lesson 02 races batch, mini-batch and
 * stochastic gradient descent with it per epoch, per update and per second.
 *
 * @param batchSize |B|
 * @param loss      the full training loss at the start (index 0) and after each epoch (index e)
 * @param seconds   0 at index 0, then the training seconds up to the end of each epoch
 * @param updates   the optimizer steps taken
 * @param examples  the example gradients computed (each row of each batch counts once)
 */
public record CountedRun(int batchSize, double[] loss, double[] seconds, long updates, long examples) {

    /**
     * Trains a copy of {@code start} (left unchanged) with {@code optimizer} (its state carries over if
     * it is reused: pass a fresh one per run) in batches of {@code batchSize} drawn without replacement
     * with {@code seed}, for {@code epochs} epochs.
     */
    public static CountedRun of(Model model, Optimizer optimizer, Dataset data, double[] start, int batchSize, int epochs,
            long seed) {
        Validate.notNull("model", model);
        Validate.notNull("optimizer", optimizer);
        Validate.notNull("data", data);
        Validate.notNull("start", start);
        Validate.positive("batch size", batchSize);
        Validate.positive("epochs", epochs);
        Counting counted = new Counting(model);
        double[] params = start.clone();
        double[] loss = new double[epochs + 1], seconds = new double[epochs + 1];
        double[] measuring = {0};
        loss[0] = model.loss(params, data);
        Trainer.Result result = Trainer.of(counted, optimizer).batchSize(batchSize).epochs(epochs).seed(seed)
                .progress((epoch, total, history) -> {
                    long t0 = System.nanoTime();
                    // the Trainer's clock includes our earlier measurements: take them out
                    seconds[epoch] = history.epochSeconds()[epoch - 1] - measuring[0];
                    loss[epoch] = model.loss(params, data);
                    measuring[0] += (System.nanoTime() - t0) / 1e9;
                })
                .fit(params, data);
        return new CountedRun(batchSize, loss, seconds, result.history().stepCount(), counted.examples);
    }

    /** The loss after the last epoch. */
    public double finalLoss() {
        return loss[loss.length - 1];
    }

    /** A model that counts the rows it computes gradients for and passes every call on. */
    private static final class Counting implements Model {
        private final Model inner;
        private long examples;

        Counting(Model inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int featureCount() {
            return inner.featureCount();
        }

        @Override
        public int parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public double[] initialParameters(long seed) {
            return inner.initialParameters(seed);
        }

        @Override
        public double lossAndGradient(double[] p, Dataset d, int[] rows, int count, double[] g) {
            examples += count;
            return inner.lossAndGradient(p, d, rows, count, g);
        }

        @Override
        public double lossAndGradient(double[] p, Dataset d, double[] g) {
            examples += d.size();
            return inner.lossAndGradient(p, d, g);
        }

        @Override
        public double loss(double[] p, Dataset d, int[] rows, int count) {
            return inner.loss(p, d, rows, count);
        }

        @Override
        public double loss(double[] p, Dataset d) {
            return inner.loss(p, d);
        }

        @Override
        public String metricName() {
            return inner.metricName();
        }

        @Override
        public double metric(double[] p, Dataset d) {
            return inner.metric(p, d);
        }
    }
}
