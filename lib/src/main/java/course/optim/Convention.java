package course.optim;

/**
 * Whose update rule an optimizer follows. The frameworks and the textbook agree on the ideas and
 * differ in details that change the numbers: where the learning rate sits (inside the velocity or
 * outside), where epsilon sits (inside the square root or outside, on v or on the bias-corrected
 * v̂), what the accumulators start at, whether weight decay is added to the gradient (coupled L2)
 * or subtracted from the weights (decoupled), and the default hyperparameters. Each optimizer's
 * Javadoc lists its differences.
 */
public enum Convention {
    /** {@code torch.optim} (PyTorch 1.13 to 2.x): its formulas and default hyperparameters. */
    PYTORCH("PyTorch"),
    /** Keras 3 ({@code keras.optimizers}): its formulas and default hyperparameters. */
    KERAS("Keras"),
    /**
     * The algorithm boxes of the course's source text (Goodfellow, Bengio and Courville, Deep
     * Learning, chapter 8, as the course's reading writes them) or, for methods the book does not
     * cover, the paper that introduced the method.
     */
    TEXTBOOK("textbook");

    private final String label;

    Convention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
