package course.train;

import course.optim.Divergence;

/**
 * Training stopped because the loss or the gradient stopped being finite, or the loss blew up
 * ({@link Divergence}'s rule, with the trainer's blow-up factor). The
 * message names the step, the epoch and the learning rate; {@link #history()} holds what was
 * recorded up to that point (for a plot of the blow-up).
 */
public final class TrainingDiverged extends Divergence {
    private final transient History history;
    private final long step;

    TrainingDiverged(String message, long step, History history, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.history = history;
    }

    /** The step (counting from 1) at which training stopped. */
    public long step() {
        return step;
    }

    public History history() {
        return history;
    }
}
