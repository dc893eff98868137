package course.optim;

/**
 * AMSGrad (Reddi, Kale and Kumar, 2018): Adam that divides by the running maximum of the second
 * moment, so the effective step per coordinate never grows; the paper's counterexample shows Adam
 * can fail to converge where AMSGrad does. PyTorch and Keras keep the maximum of the raw v and then
 * apply Adam's bias correction ({@code Adam(amsgrad=True)}); this class is {@link Adam} with
 * {@code amsgrad(true)} in the chosen convention. State: {@code m}, {@code v}, {@code v_max}.
 */
public final class AmsGrad extends Adam {

    public AmsGrad(Convention convention, double learningRate) {
        super("AMSGrad", convention, learningRate);
        amsgrad(true);
    }

    public static AmsGrad pytorch() {
        return new AmsGrad(Convention.PYTORCH, 0.001);
    }

    public static AmsGrad keras() {
        return new AmsGrad(Convention.KERAS, 0.001);
    }

    public static AmsGrad textbook() {
        return new AmsGrad(Convention.TEXTBOOK, 0.001);
    }
}
