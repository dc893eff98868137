package course.dl4j;

/**
 * What one epoch of one optimizer gave: the training loss and accuracy (means over the epoch's
 * images, from the training forward passes with dropout, as Keras reports them), the validation loss
 * and accuracy (the test images, no dropout, after the epoch), the seconds the epoch's steps took,
 * milliseconds per step, and the seconds the evaluation took (not counted in the step time).
 */
public record MnistEpoch(String optimizer, int epoch, double trainLoss, double trainAccuracy,
                         double validationLoss, double validationAccuracy, double seconds, double msPerStep,
                         double evalSeconds, int steps) {
}
