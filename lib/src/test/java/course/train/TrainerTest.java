package course.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.Dataset;
import course.data.SyntheticData;
import course.models.LinearRegression;
import course.models.LogisticRegression;
import course.optim.Adam;
import course.optim.GradientDescent;
import course.optim.Nesterov;
import course.schedule.ReduceLROnPlateau;
import course.schedule.StepDecay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Dataset LINE = SyntheticData.linearRegression(200, new double[] {2.0, -1.0}, 0.5, 0.1, 3);

    @Test
    void fullBatchGradientDescentReachesTheLeastSquaresSolution() {
        LinearRegression model = new LinearRegression(2);
        double[] params = model.initialParameters(1);
        Trainer.Result result = Trainer.of(model, GradientDescent.textbook().learningRate(0.2)).batchSize(LINE.size()).epochs(400)
                .fit(params, LINE);
        double[] exact = LinearRegression.leastSquares(LINE);
        assertArrayEquals(exact, result.params(), 1e-8);
        assertEquals(400, result.history().stepCount(), "one step per epoch at full batch");
        double[] losses = result.history().stepLosses();
        for (int k = 1; k < losses.length; k++) {
            assertTrue(losses[k] <= losses[k - 1] + 1e-15, "full-batch GD with a small rate never increases the loss");
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        double[] a = run(7), b = run(7), c = run(8);
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    private static double[] run(long seed) {
        LinearRegression model = new LinearRegression(2);
        return Trainer.of(model, Adam.pytorch().learningRate(0.05)).batchSize(16).epochs(3).seed(seed)
                .fit(model.initialParameters(1), LINE).history().stepLosses();
    }

    @Test
    void stepsPerEpochFollowTheBatchSizeWithTheLastBatchKept() {
        LinearRegression model = new LinearRegression(2);
        History history = Trainer.of(model, GradientDescent.textbook().learningRate(0.05)).batchSize(64).epochs(2)
                .fit(model.initialParameters(1), LINE).history();
        assertEquals(2 * 4, history.stepCount(), "200 rows in batches of 64: 4 batches per epoch (the last of 8)");
        assertEquals(2, history.epochCount());
        assertEquals(1, history.stepEpochs()[4]);
    }

    @Test
    void aScheduleSetsTheRateOfEveryStepOrEveryEpoch() {
        LinearRegression model = new LinearRegression(2);
        StepDecay decay = new StepDecay(0.1, 3, 0.5);
        History perStep = Trainer.of(model, GradientDescent.textbook().learningRate(1)).batchSize(50).epochs(2).schedule(decay)
                .fit(model.initialParameters(1), LINE).history();
        for (int k = 0; k < perStep.stepCount(); k++) {
            assertEquals(decay.learningRate(k), perStep.stepLearningRates()[k], 0.0, "step " + k);
        }
        History perEpoch = Trainer.of(model, GradientDescent.textbook().learningRate(1)).batchSize(50).epochs(5).schedulePerEpoch(decay)
                .fit(model.initialParameters(1), LINE).history();
        assertEquals(decay.learningRate(4), perEpoch.epochLearningRates()[4], 0.0);
        assertEquals(decay.learningRate(4), perEpoch.stepLearningRates()[4 * 4], 0.0);
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsParameters() {
        // validation data whose true slope has the opposite sign: the better the fit to the training set,
        // the worse the validation loss, so the first epoch is the best
        Dataset train = SyntheticData.linearRegression(100, new double[] {3.0}, 0, 0.01, 1);
        Dataset validation = SyntheticData.linearRegression(100, new double[] {-3.0}, 0, 0.01, 2);
        LinearRegression model = new LinearRegression(1);
        Trainer.Result result = Trainer.of(model, GradientDescent.textbook().learningRate(0.01)).batchSize(100).epochs(50)
                .validation(validation).earlyStopping(2).fit(model.initialParameters(1), train);
        assertTrue(result.stoppedEarly());
        assertEquals(1, result.bestEpoch());
        assertEquals(3, result.history().epochCount(), "best at 1, then 2 epochs of patience, stop after the 3rd");
        assertEquals(result.history().validationLosses()[0], model.loss(result.params(), validation), 1e-12);
    }

    @Test
    void divergenceStopsWithAMessageNamingTheStepAndTheRate() {
        LinearRegression model = new LinearRegression(2);
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> Trainer.of(model, GradientDescent.textbook().learningRate(5.0))
                .batchSize(LINE.size()).epochs(1000).fit(model.initialParameters(1), LINE));
        assertTrue(e.getMessage().contains("training diverged at step " + e.step()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 5.0"), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
        assertTrue(e.step() > 1 && e.step() < 1000);
        assertTrue(e.history().stepCount() >= 1, "the history up to the blow-up is kept for a plot");
    }

    @Test
    void lookAheadOptimizersTrainThroughTheClosure() {
        LinearRegression model = new LinearRegression(2);
        Trainer.Result result = Trainer.of(model, Nesterov.textbook().learningRate(0.05)).batchSize(LINE.size())
                .epochs(300).fit(model.initialParameters(1), LINE);
        assertArrayEquals(LinearRegression.leastSquares(LINE), result.params(), 1e-6);
    }

    @Test
    void plateauReducesTheRateWhenTheValidationLossStalls() {
        Dataset blobs = SyntheticData.twoBlobs(200, 3.0, 5);
        Dataset.Split split = blobs.split(0.7, 1);
        LogisticRegression model = new LogisticRegression(2);
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(0.5).patience(1).factor(0.5).threshold(0.05);
        History history = Trainer.of(model, GradientDescent.textbook().learningRate(0.5)).batchSize(20).epochs(15)
                .validation(split.validation()).schedule(plateau).fit(model.initialParameters(1), split.train()).history();
        double[] rates = history.epochLearningRates();
        assertTrue(rates[rates.length - 1] < 0.5, "the rate was reduced at least once: " + java.util.Arrays.toString(rates));
        assertTrue(history.validationMetrics()[history.epochCount() - 1] > 0.9, "the blobs are separable");
    }

    @Test
    void progressIsReportedAfterEveryEpoch() {
        LinearRegression model = new LinearRegression(2);
        List<String> seen = new ArrayList<>();
        Trainer.of(model, GradientDescent.textbook().learningRate(0.05)).batchSize(100).epochs(3)
                .progress((epoch, epochs, history) -> seen.add(epoch + "/" + epochs + ":" + history.epochCount()))
                .fit(model.initialParameters(1), LINE);
        assertEquals(List.of("1/3:1", "2/3:2", "3/3:3"), seen);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        LinearRegression model = new LinearRegression(2);
        Trainer trainer = Trainer.of(model, GradientDescent.textbook().learningRate(0.1));
        assertMessage(() -> trainer.fit(new double[5], LINE), "has 3 parameters but params has 5");
        assertMessage(() -> Trainer.of(model, GradientDescent.textbook().learningRate(0.1)).batchSize(500).fit(model.initialParameters(1), LINE),
                "batch size 500 is larger than the training set (200 rows)");
        assertMessage(() -> trainer.batchSize(0), "batch size must be at least 1");
        assertMessage(() -> trainer.epochs(0), "epochs must be at least 1");
        assertMessage(() -> Trainer.of(new LinearRegression(3), GradientDescent.textbook().learningRate(0.1))
                .fit(new LinearRegression(3).initialParameters(1), LINE), "has 2 features but");
        assertMessage(() -> Trainer.of(null, GradientDescent.textbook().learningRate(0.1)), "model must not be null");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }
}
