package course.dl4j;

import course.optim.Optimizer;
import java.util.Collections;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The per-block updater that {@link CourseUpdater} instantiates: one course optimizer stepping one
 * contiguous block of a network's parameters. Each {@link #applyUpdater} reads the block's current
 * parameters θ and the gradient g into double arrays, calls {@code optimizer.step(θ, g)}, and writes
 * u = θ − θ_new into DL4J's gradient array, which DL4J then subtracts from the parameters.
 *
 * <p>The arrays are allocated once, at {@link #bind}: a step allocates nothing but two small
 * pointer objects. In a FLOAT network the float values are widened into the double arrays (the
 * optimizer's state is double) and the update is rounded to float on the way back.
 */
public final class CourseGradientUpdater implements GradientUpdater<CourseUpdater> {
    private final CourseUpdater config;
    private final Optimizer optimizer;
    private INDArray params;
    private double[] theta;
    private double[] work;
    // FLOAT networks: the block's parameters and gradient as DL4J holds them (one copy each per step)
    private float[] paramFloats;
    private float[] gradFloats;

    CourseGradientUpdater(CourseUpdater config, Optimizer optimizer) {
        this.config = config;
        this.optimizer = optimizer;
    }

    /** Gives this updater the parameters it updates: a contiguous view of the network's parameters. */
    void bind(INDArray blockParams) {
        if (blockParams.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a block of " + blockParams.length() + " parameters is too large for double[]");
        }
        if (blockParams.elementWiseStride() != 1) {
            throw new IllegalArgumentException("the parameter block is not contiguous (stride "
                    + blockParams.elementWiseStride() + ")");
        }
        DataType type = blockParams.dataType();
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw new IllegalArgumentException("the course updater supports DOUBLE and FLOAT networks, not " + type);
        }
        int n = (int) blockParams.length();
        this.params = blockParams;
        this.theta = new double[n];
        this.work = new double[n];
        this.paramFloats = type == DataType.FLOAT ? new float[n] : null;
        this.gradFloats = type == DataType.FLOAT ? new float[n] : null;
    }

    /** The course optimizer doing the steps (live: its state is this block's). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** How many parameters this updater steps (0 before binding). */
    public int size() {
        return theta == null ? 0 : theta.length;
    }

    @Override
    public CourseUpdater getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (stateMap != null && !stateMap.isEmpty()) {
            throw new UnsupportedOperationException("the course updater's state is the optimizer's: use "
                    + "optimizer().loadState(...)");
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Collections.emptyMap();
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (viewArray != null && viewArray.length() > 0) {
            throw new IllegalArgumentException("the course updater has no DL4J state array, got " + viewArray.length()
                    + " values");
        }
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (params == null) {
            throw new IllegalStateException(config + " is not bound to the network's parameters: call "
                    + "CourseUpdater.bind(net) after net.init()");
        }
        if (gradient.length() != theta.length || gradient.dataType() != params.dataType()
                || gradient.elementWiseStride() != 1) {
            throw new IllegalStateException(config + " is bound to " + theta.length + " " + params.dataType()
                    + " parameters but got a gradient of " + gradient.length() + " " + gradient.dataType()
                    + " values (stride " + gradient.elementWiseStride() + "): was the network's updater rebuilt? "
                    + "Call CourseUpdater.bind(net) again");
        }
        Pointer paramPointer = params.data().addressPointer();
        Pointer gradPointer = gradient.data().addressPointer();
        if (paramFloats != null) {
            applyFloat((FloatPointer) paramPointer, (FloatPointer) gradPointer);
        } else {
            applyDouble((DoublePointer) paramPointer, (DoublePointer) gradPointer);
        }
    }

    // One copy in of θ and g, one widening pass, the step, one pass that forms u = θ − θ_new from the
    // float θ still held (the same value a second read would give), one copy out: the conversions cost
    // about as much as the optimizer's own loop, so they are fused rather than done array by array.
    private void applyFloat(FloatPointer paramPointer, FloatPointer gradPointer) {
        paramPointer.get(paramFloats);
        gradPointer.get(gradFloats);
        for (int i = 0; i < theta.length; i++) {
            theta[i] = paramFloats[i];
            work[i] = gradFloats[i];
        }
        optimizer.step(theta, work);
        for (int i = 0; i < theta.length; i++) {
            gradFloats[i] = (float) (paramFloats[i] - theta[i]);
        }
        gradPointer.put(gradFloats);
    }

    private void applyDouble(DoublePointer paramPointer, DoublePointer gradPointer) {
        paramPointer.get(theta);
        gradPointer.get(work);
        optimizer.step(theta, work);
        paramPointer.get(work); // θ before the step, again (the gradient is no longer needed)
        for (int i = 0; i < work.length; i++) {
            work[i] -= theta[i];
        }
        gradPointer.put(work);
    }

    @Override
    public String toString() {
        return "CourseGradientUpdater(" + optimizer + ", " + size() + " parameters)";
    }
}
