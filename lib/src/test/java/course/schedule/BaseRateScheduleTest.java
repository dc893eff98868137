package course.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.Dataset;
import course.data.SyntheticData;
import course.models.LinearRegression;
import course.models.LogisticRegression;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.train.History;
import course.train.Trainer;
import org.junit.jupiter.api.Test;

/** PyTorch's form: a schedule that reads its base rate from the optimizer instead of being given it again. */
class BaseRateScheduleTest {
    private static final Dataset LINE = SyntheticData.linearRegression(200, new double[] {2.0, -1.0}, 0.5, 0.1, 3);

    @Test
    void theBaseRateComesFromTheOptimizer() {
        LearningRateSchedule bound = LearningRateSchedule.fromBaseRate(base -> new StepDecay(base, 3, 0.5))
                .forOptimizer(GradientDescent.textbook().learningRate(0.08));
        assertArrayEquals(new StepDecay(0.08, 3, 0.5).learningRates(10), bound.learningRates(10), 0.0);
    }

    @Test
    void aTrainerRunWithTheBaseRateReadIsTheRunWithTheRateGivenTwice() {
        LinearRegression model = new LinearRegression(2);
        double[] twice = Trainer.of(model, GradientDescent.textbook().learningRate(0.1)).batchSize(16).epochs(4).seed(2)
                .schedule(new CosineAnnealing(0.1, 40)).fit(model.initialParameters(1), LINE).history().stepLosses();
        History once = Trainer.of(model, GradientDescent.textbook().learningRate(0.1)).batchSize(16).epochs(4).seed(2)
                .schedule(LearningRateSchedule.fromBaseRate(base -> new CosineAnnealing(base, 40)))
                .fit(model.initialParameters(1), LINE).history();
        assertArrayEquals(twice, once.stepLosses(), 0.0);
        assertEquals(0.1, once.stepLearningRates()[0], 0.0);
    }

    @Test
    void theRateIsReadWhenTheScheduleIsGivenNotAfterTheScheduleHasChangedIt() {
        GradientDescent sgd = GradientDescent.textbook().learningRate(0.2);
        LearningRateSchedule bound = LearningRateSchedule.fromBaseRate(base -> new StepDecay(base, 1, 0.5)).forOptimizer(sgd);
        bound.applyTo(sgd, 3);   // the optimizer's rate is now 0.025
        assertEquals(0.025, sgd.learningRate(), 1e-15);
        assertEquals(0.2, bound.learningRate(0), 0.0, "the bound schedule keeps the base it read");
    }

    @Test
    void multiplesOfTheBaseRateAndWarmUpsOfABaseRateSchedule() {
        Momentum optimizer = Momentum.pytorch().learningRate(0.05).momentum(0.9);
        LearningRateSchedule peak = LearningRateSchedule.fromBaseRate(base -> new OneCycle(2 * base, 100)).forOptimizer(optimizer);
        assertEquals(0.1, max(peak.learningRates(100)), 1e-12, "one-cycle peaks at twice the optimizer's rate");
        LearningRateSchedule warm = LinearWarmup.before(LearningRateSchedule.fromBaseRate(base -> new CosineAnnealing(base, 50)), 0.1, 10);
        LearningRateSchedule boundWarm = warm.forOptimizer(optimizer);
        assertNotSame(warm, boundWarm);
        assertEquals(0.005, boundWarm.learningRate(0), 1e-15, "the warm-up starts at 0.1 × the inner schedule's first rate");
        assertEquals(0.05, boundWarm.learningRate(10), 1e-15, "then the inner schedule from its step 0 at the base rate");
    }

    @Test
    void aScheduleWithItsOwnRatesIsItself() {
        LearningRateSchedule own = new StepDecay(0.1, 30);
        assertSame(own, own.forOptimizer(GradientDescent.textbook().learningRate(0.5)));
        LinearWarmup warm = LinearWarmup.before(own);
        assertSame(warm, warm.forOptimizer(GradientDescent.textbook().learningRate(0.5)));
    }

    @Test
    void eachBindingOfAStatefulScheduleStartsAfresh() {
        Dataset.Split split = SyntheticData.twoBlobs(200, 3.0, 5).split(0.7, 1);
        LogisticRegression model = new LogisticRegression(2);
        LearningRateSchedule plateau = LearningRateSchedule.fromBaseRate(
                base -> new ReduceLROnPlateau(base).patience(1).factor(0.5).threshold(0.05));
        double[][] rates = new double[2][];
        for (int run = 0; run < 2; run++) {
            rates[run] = Trainer.of(model, GradientDescent.textbook().learningRate(0.5)).batchSize(20).epochs(15)
                    .validation(split.validation()).schedule(plateau).fit(model.initialParameters(1), split.train())
                    .history().epochLearningRates();
        }
        assertEquals(0.5, rates[0][0], 0.0);
        assertTrue(rates[0][rates[0].length - 1] < 0.5, "the plateau rule lowered the rate it read from the optimizer");
        assertArrayEquals(rates[0], rates[1], 0.0, "the second run does not inherit the first run's reductions");
    }

    @Test
    void anUnboundScheduleSaysHowToBindIt() {
        LearningRateSchedule unbound = LearningRateSchedule.fromBaseRate(base -> new StepDecay(base, 30));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unbound.learningRate(0));
        assertTrue(e.getMessage().contains("forOptimizer(optimizer)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> unbound.applyTo(GradientDescent.textbook().learningRate(0.1), 0));
        IllegalArgumentException nullShape = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.fromBaseRate(base -> null).forOptimizer(GradientDescent.textbook().learningRate(0.1)));
        assertTrue(nullShape.getMessage().contains("returned null"), nullShape.getMessage());
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
