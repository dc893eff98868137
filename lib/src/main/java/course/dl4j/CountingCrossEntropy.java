package course.dl4j;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's categorical cross-entropy ({@link LossMCXENT}, unchanged) that also counts how many rows of
 * each batch it scores are classified correctly. DL4J computes the training loss from the training
 * forward pass (dropout on) and then discards the outputs; counting here gives the training accuracy
 * Keras reports, from that same pass, without a second forward pass: the predicted class is the
 * largest pre-softmax value, since softmax keeps the order.
 */
public final class CountingCrossEntropy extends LossMCXENT {
    private static final long serialVersionUID = 1L;

    private transient long correct;
    private transient long seen;

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double score = super.computeScore(labels, preOutput, activationFn, mask, average);
        count(labels, preOutput);
        return score;
    }

    private void count(INDArray labels, INDArray preOutput) {
        long rows = preOutput.size(0);
        long classes = preOutput.size(1);
        for (long r = 0; r < rows; r++) {
            long predicted = 0;
            long actual = 0;
            double best = preOutput.getDouble(r, 0);
            double label = labels.getDouble(r, 0);
            for (long c = 1; c < classes; c++) {
                double value = preOutput.getDouble(r, c);
                if (value > best) {
                    best = value;
                    predicted = c;
                }
                double l = labels.getDouble(r, c);
                if (l > label) {
                    label = l;
                    actual = c;
                }
            }
            if (predicted == actual) {
                correct++;
            }
        }
        seen += rows;
    }

    /** Rows classified correctly since the last {@link #reset()}. */
    public long correct() {
        return correct;
    }

    /** Rows scored since the last {@link #reset()}. */
    public long seen() {
        return seen;
    }

    public void reset() {
        correct = 0;
        seen = 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountingCrossEntropy && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return "CountingCrossEntropy()";
    }
}
