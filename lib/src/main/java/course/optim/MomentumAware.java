package course.optim;

/**
 * An optimizer with a momentum coefficient that a schedule may change between steps: the
 * momentum of {@link Momentum} and {@link Nesterov}, RMSProp's momentum, β₁ of the Adam family.
 * PyTorch's one-cycle policy cycles it against the learning rate.
 */
public interface MomentumAware {
    double momentum();

    /** Changes the momentum coefficient (in [0, 1)) from the next step on. */
    void setMomentum(double momentum);
}
