package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.mnist.Mnist;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The course's from-scratch Adam (Keras convention, ε 1e-7), plugged into DL4J through
 * {@link CourseUpdater}, traces DL4J's built-in Adam with the same settings over the first 100 steps
 * of the source's network, dropout included. Both runs use identical dropout masks: the masks come
 * from ND4J's global generator, which the training loop reseeds from the seed before each epoch, and
 * nothing else draws from it (the updaters draw nothing), so step k of both runs draws the same
 * numbers. That is checked: the first step's losses are identical, bit for bit. Subset and batch are
 * small (800 synthetic images, batch 8, DOUBLE) to keep the test fast; {@code bin/course mnist
 * --trace} runs the check of the issue on the real digits with batch 64.
 */
class AdamTraceTest {
    @Test
    void ourAdamTracesDl4jsAdamStepByStep() {
        Mnist.Digits digits = TestDigits.digits(800, 100);
        MnistTraining training = MnistTraining.on(digits).epochs(1).batchSize(8).dataType(DataType.DOUBLE).seed(11);
        MnistTrace.Result trace = MnistTrace.run(training, "adam", "adam-lib", 100);
        assertEquals(100, trace.compared());
        assertEquals(trace.referenceLosses()[0], trace.candidateLosses()[0], 0.0,
                "same weights, batch and dropout mask before any update");
        assertTrue(trace.worstRelative() <= 1e-4, trace.toString());
        // in float64 the two implementations agree far more closely than the 1e-4
        assertTrue(trace.worstRelative() <= 1e-9, trace.toString());
        assertTrue(trace.worstEpochDifference() <= 0.01, trace.toString());
        double first = trace.referenceLosses()[0];
        double last = trace.referenceLosses()[99];
        assertTrue(last < 0.5 * first, "the network learns the synthetic digits: loss " + first + " -> " + last);
    }
}
