package course.optim;

import course.Validate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything an optimizer remembers between steps, in one object: the step count, the arrays of one
 * number per parameter (velocity, moments) and the scalars of one number per step (NAdam's product
 * of momentum factors), each by name. An optimizer allocates only the arrays its options use (Adam's
 * {@code v_max} only with AMSGrad), so {@link #bytes()} is the memory the algorithm as configured
 * needs, and a checkpoint ({@link Optimizer#state()}, then {@link Optimizer#loadState}) restores
 * every number the next step reads: it continues the saved run exactly, by construction.
 *
 * <p>What {@link Optimizer#state()} returns is a copy: changing it changes nothing in the optimizer.
 */
public final class OptimizerState {
    private final int parameters;
    private long steps;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();
    private final Map<String, double[]> scalars = new LinkedHashMap<>();

    /** An empty state for {@code parameters} parameters (0: not yet sized, before the first step). */
    OptimizerState(int parameters) {
        this.parameters = parameters;
    }

    /** Steps taken (the t of the bias corrections). */
    public long steps() {
        return steps;
    }

    /** The number of parameters the arrays are sized for (0 before the first step). */
    public int parameters() {
        return parameters;
    }

    /** The names of the per-parameter arrays, in the order the optimizer declared them. */
    public Set<String> arrayNames() {
        return java.util.Collections.unmodifiableSet(arrays.keySet());
    }

    /** The names of the scalars, in the order the optimizer declared them. */
    public Set<String> scalarNames() {
        return java.util.Collections.unmodifiableSet(scalars.keySet());
    }

    /** The array of that name, such as "velocity" or "m" (of this object: a copy's arrays are the copy's). */
    public double[] array(String name) {
        double[] values = arrays.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no state array named '" + name + "'; there are " + arrays.keySet()
                    + (scalars.isEmpty() ? "" : " and the scalars " + scalars.keySet())
                    + (parameters == 0 ? " (the state is empty until the first step)" : ""));
        }
        return values;
    }

    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    /** The scalar of that name, such as NAdam's "mu_product". */
    public double scalar(String name) {
        return scalarBox(name)[0];
    }

    /** Sets a scalar the optimizer declared. */
    public void setScalar(String name, double value) {
        scalarBox(name)[0] = value;
    }

    private double[] scalarBox(String name) {
        double[] box = scalars.get(name);
        if (box == null) {
            throw new IllegalArgumentException("no state scalar named '" + name + "'; there are " + scalars.keySet());
        }
        return box;
    }

    /** Number of per-parameter arrays. */
    public int arrayCount() {
        return arrays.size();
    }

    /** Bytes the state takes as 8-byte doubles: every array entry and every scalar (not the JVM's headers). */
    public long bytes() {
        return (long) Double.BYTES * ((long) arrays.size() * parameters + scalars.size());
    }

    /** An independent copy: same step count, arrays and scalars. */
    public OptimizerState copy() {
        OptimizerState copy = new OptimizerState(parameters);
        copy.steps = steps;
        arrays.forEach((name, values) -> copy.arrays.put(name, values.clone()));
        scalars.forEach((name, box) -> copy.scalars.put(name, box.clone()));
        return copy;
    }

    /**
     * Declares an array of one number per parameter, starting at {@code initial} (what an optimizer's
     * {@link Optimizer#initState} calls); an array already declared is kept as it is.
     */
    public void addArray(String name, double initial) {
        if (!arrays.containsKey(name)) {
            double[] values = new double[parameters];
            if (initial != 0) {
                java.util.Arrays.fill(values, initial);
            }
            arrays.put(name, values);
        }
    }

    /** Declares a scalar starting at {@code initial}; one already declared is kept as it is. */
    public void addScalar(String name, double initial) {
        scalars.putIfAbsent(name, new double[] {initial});
    }

    void countStep() {
        steps++;
    }

    /** Copies every number of {@code saved} into this state, which must have the same layout. */
    void load(OptimizerState saved, String owner) {
        if (!saved.arrays.keySet().equals(arrays.keySet()) || !saved.scalars.keySet().equals(scalars.keySet())) {
            throw new IllegalArgumentException(owner + " keeps the arrays " + arrays.keySet() + " and the scalars "
                    + scalars.keySet() + ", the saved state has " + saved.arrays.keySet() + " and "
                    + saved.scalars.keySet() + ": load a state saved from the same optimizer with the same options");
        }
        for (Map.Entry<String, double[]> e : saved.arrays.entrySet()) {
            Validate.finite("saved state '" + e.getKey() + "'", e.getValue());
            System.arraycopy(e.getValue(), 0, arrays.get(e.getKey()), 0, parameters);
        }
        saved.scalars.forEach((name, box) -> scalars.get(name)[0] = box[0]);
        steps = saved.steps;
    }

    /**
     * A state built from saved numbers (a checkpoint read back from a file): the parameter count,
     * the step count, the arrays (each as long as the parameter vector) and the scalars, by name.
     */
    public static OptimizerState of(int parameters, long steps, Map<String, double[]> arrays,
                                    Map<String, Double> scalars) {
        Validate.notNull("arrays", arrays);
        Validate.notNull("scalars", scalars);
        if (steps < 0 || parameters < 0) {
            throw new IllegalArgumentException("the step and parameter counts must be 0 or more, got " + steps
                    + " and " + parameters);
        }
        int size = parameters;
        OptimizerState state = new OptimizerState(size);
        state.steps = steps;
        arrays.forEach((name, values) -> {
            if (values == null || values.length != size) {
                throw new IllegalArgumentException("the saved state array '" + name + "' has "
                        + (values == null ? 0 : values.length) + " values for " + size + " parameters");
            }
            state.arrays.put(name, values.clone());
        });
        scalars.forEach((name, value) -> state.scalars.put(name, new double[] {value}));
        return state;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OptimizerState(steps=" + steps + ", parameters=" + parameters);
        arrays.keySet().forEach(name -> text.append(", ").append(name).append("[").append(parameters).append("]"));
        scalars.forEach((name, box) -> text.append(", ").append(name).append("=").append(box[0]));
        return text.append(")").toString();
    }
}
