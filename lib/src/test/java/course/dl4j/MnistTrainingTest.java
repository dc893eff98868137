package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.mnist.Mnist;
import course.display.Table;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.deeplearning4j.eval.Evaluation;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The training loop's numbers: batches, training accuracy, validation, determinism, the history table. */
class MnistTrainingTest {
    private static final Mnist.Digits DIGITS = TestDigits.digits(200, 60);

    @Test
    void batchesScalePixelsOneHotTheLabelsAndShuffleByEpoch() {
        Mnist.Images images = DIGITS.train();
        MnistBatches batches = new MnistBatches(images, 150, 64, DataType.DOUBLE);
        assertEquals(3, batches.batchCount());
        batches.unshuffle();
        DataSet first = batches.batch(0);
        assertArrayEquals(new long[] {64, 1, 28, 28}, first.getFeatures().shape());
        assertEquals((images.pixels()[3 * Mnist.PIXELS + 100] & 0xff) / 255.0,
                first.getFeatures().getDouble(3, 0, 100 / 28, 100 % 28), 0.0);
        assertEquals(1.0, first.getLabels().getDouble(3, images.label(3)), 0.0);
        assertEquals(1.0, first.getLabels().getRow(3).sumNumber().doubleValue(), 0.0);
        assertArrayEquals(new long[] {22, 1, 28, 28}, batches.batch(2).getFeatures().shape(), "the last batch is short");

        int[] epoch1 = order(batches, 9, 1);
        assertArrayEquals(epoch1, order(batches, 9, 1), "the order is a function of seed and epoch");
        assertNotEquals(Arrays.toString(epoch1), Arrays.toString(order(batches, 9, 2)));
        Set<Integer> seen = new HashSet<>();
        for (int i : epoch1) {
            seen.add(i);
        }
        assertEquals(150, seen.size(), "a permutation of the first 150 images");
    }

    private static int[] order(MnistBatches batches, long seed, int epoch) {
        batches.shuffle(seed, epoch);
        int[] order = new int[batches.size()];
        for (int k = 0; k < batches.batchCount(); k++) {
            DataSet b = batches.batch(k);
            for (int r = 0; r < b.getFeatures().size(0); r++) {
                int image = batches.image(k, r);
                order[k * batches.batchSize() + r] = image;
                assertEquals((DIGITS.train().pixels()[image * Mnist.PIXELS + 300] & 0xff) / 255.0,
                        b.getFeatures().getDouble(r, 0, 300 / 28, 300 % 28), 0.0, "the batch holds image " + image);
            }
        }
        return order;
    }

    @Test
    void validationAgreesWithDl4jsOwnEvaluationAndScore() {
        MnistTraining training = MnistTraining.on(DIGITS).limit(128).batchSize(64);
        MnistTraining.Run run = training.start(MnistOptimizer.of("adam"));
        run.trainEpoch();
        double[] ours = run.evaluate();
        MultiLayerNetwork net = run.network();
        MnistBatches all = new MnistBatches(DIGITS.test(), 60, 60, DataType.FLOAT);
        DataSet test = all.batch(0);
        Evaluation evaluation = new Evaluation(10);
        evaluation.eval(test.getLabels(), net.output(test.getFeatures(), false));
        assertEquals(evaluation.accuracy(), ours[1], 1e-12);
        assertEquals(net.score(test, false), ours[0], 1e-5, "mean cross-entropy without dropout");
    }

    @Test
    void trainingAccuracyIsCountedOnTheTrainingPass() {
        MnistTraining training = MnistTraining.on(DIGITS).limit(128).batchSize(64).dropout(false).dataType(DataType.DOUBLE);
        MnistTraining.Run run = training.start(MnistOptimizer.of("sgd"));
        MnistBatches batches = run.trainBatches();
        batches.shuffle(training.seed(), 1);
        long expected = 0;
        MultiLayerNetwork before = run.network().clone();
        for (int k = 0; k < batches.batchCount(); k++) {
            DataSet batch = batches.batch(k);
            INDArray out = before.output(batch.getFeatures(), false);
            for (int r = 0; r < out.size(0); r++) {
                if (out.getRow(r).argMax().getInt(0) == batches.label(k, r)) {
                    expected++;
                }
            }
            before.fit(batch);
        }
        MnistEpoch epoch = run.trainEpoch();
        assertEquals(expected / 128.0, epoch.trainAccuracy(), 0.0);
    }

    @Test
    void theSameSettingsGiveTheSameRunAndTheHistoryShowsTrainingAccuracy() {
        MnistTraining training = MnistTraining.on(DIGITS).limit(128).batchSize(64).epochs(2).validationLimit(30);
        MnistTraining.Result a = training.run(MnistOptimizer.of("rmsprop"));
        MnistTraining.Result b = training.run(MnistOptimizer.of("rmsprop"));
        assertArrayEquals(a.history().stepLosses(), b.history().stepLosses(), 0.0);
        assertEquals(a.epochs(), b.epochs().stream().map(e -> new MnistEpoch(e.optimizer(), e.epoch(), e.trainLoss(),
                e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), a.epochs().get(e.epoch() - 1).seconds(),
                a.epochs().get(e.epoch() - 1).msPerStep(), a.epochs().get(e.epoch() - 1).evalSeconds(), e.steps())).toList());
        assertEquals(4, a.history().stepCount());
        Table table = a.history().epochTable();
        assertEquals("train accuracy", table.headers().get(2));
        assertEquals(2, table.rowCount());
        Table sweep = a.table();
        assertEquals("ms/step", sweep.headers().get(7));
        assertTrue(a.epochs().get(0).msPerStep() > 0);
    }
}
