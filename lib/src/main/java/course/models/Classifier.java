package course.models;

import course.data.Dataset;

/**
 * A model of {@code classes} classes, labels 0 … classes − 1, trained on the mean cross-entropy and
 * reported by its accuracy: the fraction of rows whose predicted class is the label. A subclass gives
 * the predicted class of a row.
 */
abstract class Classifier extends AbstractModel {
    private final int classes;

    Classifier(String name, int featureCount, int parameterCount, int classes) {
        super(name, featureCount, parameterCount);
        this.classes = classes;
    }

    /** The predicted class of one row of checked arguments. */
    abstract int predictedClass(double[] params, Dataset data, int row);

    /** The predicted class of one row. */
    public final int predictLabel(double[] params, Dataset data, int row) {
        check(params, data);
        return predictedClass(params, data, row);
    }

    /** The fraction of rows classified correctly. */
    public final double accuracy(double[] params, Dataset data) {
        int correct = correctlyClassified(params, data); // checks the arguments first
        return (double) correct / data.size();
    }

    /** How many rows get their label as the predicted class; checks the arguments first. */
    final int correctlyClassified(double[] params, Dataset data) {
        check(params, data);
        int correct = 0;
        for (int r = 0; r < data.size(); r++) {
            if (predictedClass(params, data, r) == data.label(r)) {
                correct++;
            }
        }
        return correct;
    }

    @Override
    protected final void checkTargets(Dataset data) {
        requireClasses(data, classes);
    }

    @Override
    public final String metricName() {
        return "accuracy";
    }

    /** The fraction of rows classified correctly. */
    @Override
    public final double metric(double[] params, Dataset data) {
        return accuracy(params, data);
    }
}
