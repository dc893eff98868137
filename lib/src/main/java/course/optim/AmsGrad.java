package course.optim;

/**
 * AMSGrad (Reddi, Kale and Kumar, 2018): Adam that divides by the running maximum of the second
 * moment, so the effective step per coordinate never grows; the paper's counterexample shows Adam
 * can fail to converge where AMSGrad does. PyTorch and Keras keep the maximum of the raw v and then
 * apply Adam's bias correction ({@code Adam(amsgrad=True)}); these factories return {@link Adam}
 * with {@code amsgrad(true)} in the chosen convention (it prints as AMSGrad while the option is on). State: {@code m}, {@code v}, {@code v_max}.
 */
public final class AmsGrad {

    private AmsGrad() {
    }

    public static Adam pytorch() {
        return Adam.pytorch().amsgrad(true);
    }

    public static Adam keras() {
        return Adam.keras().amsgrad(true);
    }

    public static Adam textbook() {
        return Adam.textbook().amsgrad(true);
    }
}
