package course.train;

import course.display.NumberText;
import course.display.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What a training run recorded: one row per optimizer step (loss on the step's batch, learning
 * rate, gradient norm, elapsed seconds) and one row per epoch (mean training loss over the epoch's
 * batches, validation loss and metric, learning rate at the epoch's end, elapsed seconds). Columns
 * come back as arrays for plots; {@link #epochTable()} and {@link #stepTable()} for display;
 * {@link #table(History...)} and {@link #stepsTable(History...)} as tablesaw tables with a "run"
 * column, to plot or compare runs by group.
 */
public final class History {
    private final String label;
    private final String metricName;
    private int steps;
    private int[] stepEpoch = new int[64];
    private double[] stepLoss = new double[64];
    private double[] stepLearningRate = new double[64];
    private double[] stepGradientNorm = new double[64];
    private double[] stepSeconds = new double[64];
    private int epochs;
    private double[] epochTrainLoss = new double[8];
    private double[] epochTrainMetric = new double[8];
    private boolean trainMetricRecorded;
    private double[] epochValidationLoss = new double[8];
    private double[] epochValidationMetric = new double[8];
    private double[] epochLearningRate = new double[8];
    private double[] epochSeconds = new double[8];

    public History(String label, String metricName) {
        this.label = label == null ? "run" : label;
        this.metricName = metricName == null ? "metric" : metricName;
    }

    void addStep(int epoch, double loss, double learningRate, double gradientNorm, double seconds) {
        if (steps == stepLoss.length) {
            int capacity = steps * 2;
            stepEpoch = Arrays.copyOf(stepEpoch, capacity);
            stepLoss = Arrays.copyOf(stepLoss, capacity);
            stepLearningRate = Arrays.copyOf(stepLearningRate, capacity);
            stepGradientNorm = Arrays.copyOf(stepGradientNorm, capacity);
            stepSeconds = Arrays.copyOf(stepSeconds, capacity);
        }
        stepEpoch[steps] = epoch;
        stepLoss[steps] = loss;
        stepLearningRate[steps] = learningRate;
        stepGradientNorm[steps] = gradientNorm;
        stepSeconds[steps] = seconds;
        steps++;
    }

    void addEpoch(double trainLoss, double validationLoss, double validationMetric, double learningRate, double seconds) {
        addEpoch(trainLoss, Double.NaN, validationLoss, validationMetric, learningRate, seconds);
    }

    /**
     * Records one optimizer step of a training loop other than {@link Trainer} (the DL4J runs of
     * {@code course.dl4j}): {@code epoch} from 0, the loss on the step's batch, the learning rate, the
     * gradient norm (NaN if not computed) and the seconds since training started.
     */
    public void recordStep(int epoch, double loss, double learningRate, double gradientNorm, double seconds) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch counts from 0, got " + epoch);
        }
        addStep(epoch, loss, learningRate, gradientNorm, seconds);
    }

    /**
     * Records one epoch of a training loop other than {@link Trainer}: the mean training loss and
     * training metric over the epoch's batches (the metric NaN if not measured), the validation loss
     * and metric, the learning rate and the seconds since training started. A recorded training
     * metric adds a "train ..." column to {@link #epochTable()}.
     */
    public void recordEpoch(double trainLoss, double trainMetric, double validationLoss, double validationMetric,
                            double learningRate, double seconds) {
        addEpoch(trainLoss, trainMetric, validationLoss, validationMetric, learningRate, seconds);
    }

    private void addEpoch(double trainLoss, double trainMetric, double validationLoss, double validationMetric,
                          double learningRate, double seconds) {
        if (epochs == epochTrainLoss.length) {
            int capacity = epochs * 2;
            epochTrainLoss = Arrays.copyOf(epochTrainLoss, capacity);
            epochTrainMetric = Arrays.copyOf(epochTrainMetric, capacity);
            epochValidationLoss = Arrays.copyOf(epochValidationLoss, capacity);
            epochValidationMetric = Arrays.copyOf(epochValidationMetric, capacity);
            epochLearningRate = Arrays.copyOf(epochLearningRate, capacity);
            epochSeconds = Arrays.copyOf(epochSeconds, capacity);
        }
        epochTrainLoss[epochs] = trainLoss;
        epochTrainMetric[epochs] = trainMetric;
        trainMetricRecorded |= !Double.isNaN(trainMetric);
        epochValidationLoss[epochs] = validationLoss;
        epochValidationMetric[epochs] = validationMetric;
        epochLearningRate[epochs] = learningRate;
        epochSeconds[epochs] = seconds;
        epochs++;
    }

    /** The run's name in legends, e.g. the optimizer's. */
    public String label() {
        return label;
    }

    public String metricName() {
        return metricName;
    }

    public int stepCount() {
        return steps;
    }

    public int epochCount() {
        return epochs;
    }

    /** 1, 2, …, stepCount(): the x axis of per-step plots. */
    public double[] stepNumbers() {
        double[] x = new double[steps];
        for (int k = 0; k < steps; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    /** 1, 2, …, epochCount(). */
    public double[] epochNumbers() {
        double[] x = new double[epochs];
        for (int k = 0; k < epochs; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    /** The loss on each step's batch, before the step. */
    public double[] stepLosses() {
        return Arrays.copyOf(stepLoss, steps);
    }

    public double[] stepLearningRates() {
        return Arrays.copyOf(stepLearningRate, steps);
    }

    /** The Euclidean norm of each step's gradient (before any clipping). */
    public double[] stepGradientNorms() {
        return Arrays.copyOf(stepGradientNorm, steps);
    }

    /** Seconds since the start of training at the end of each step. */
    public double[] stepSeconds() {
        return Arrays.copyOf(stepSeconds, steps);
    }

    public int[] stepEpochs() {
        return Arrays.copyOf(stepEpoch, steps);
    }

    /** The mean of the step losses of each epoch. */
    public double[] trainLosses() {
        return Arrays.copyOf(epochTrainLoss, epochs);
    }

    /** The metric on the training batches of each epoch (NaN where the loop did not measure it). */
    public double[] trainMetrics() {
        return Arrays.copyOf(epochTrainMetric, epochs);
    }

    /** The loss on the validation set after each epoch (NaN without a validation set). */
    public double[] validationLosses() {
        return Arrays.copyOf(epochValidationLoss, epochs);
    }

    /** The metric (accuracy or RMSE) on the validation set after each epoch. */
    public double[] validationMetrics() {
        return Arrays.copyOf(epochValidationMetric, epochs);
    }

    public double[] epochLearningRates() {
        return Arrays.copyOf(epochLearningRate, epochs);
    }

    public double[] epochSeconds() {
        return Arrays.copyOf(epochSeconds, epochs);
    }

    /** The last recorded step loss (NaN before the first step). */
    public double lastLoss() {
        return steps == 0 ? Double.NaN : stepLoss[steps - 1];
    }

    public Table epochTable() {
        if (trainMetricRecorded) {
            Table table = Table.of("epoch", "train loss", "train " + metricName, "validation loss", metricName,
                    "learning rate", "seconds");
            for (int e = 0; e < epochs; e++) {
                table.row(e + 1, epochTrainLoss[e], epochTrainMetric[e], epochValidationLoss[e], epochValidationMetric[e],
                        epochLearningRate[e], epochSeconds[e]);
            }
            return table;
        }
        Table table = Table.of("epoch", "train loss", "validation loss", metricName, "learning rate", "seconds");
        for (int e = 0; e < epochs; e++) {
            table.row(e + 1, epochTrainLoss[e], epochValidationLoss[e], epochValidationMetric[e], epochLearningRate[e],
                    epochSeconds[e]);
        }
        return table;
    }

    public Table stepTable() {
        Table table = Table.of("step", "epoch", "loss", "learning rate", "gradient norm", "seconds");
        for (int k = 0; k < steps; k++) {
            table.row(k + 1, stepEpoch[k] + 1, stepLoss[k], stepLearningRate[k], stepGradientNorm[k], stepSeconds[k]);
        }
        return table;
    }

    /**
     * The epochs of several runs in one tablesaw table, a "run" column holding each run's label:
     * run, epoch, train loss, validation loss, the metric, learning rate, seconds. Missing values
     * (no validation set) are missing cells. Plot it by run with
     * {@code LineChart.of(table, "epoch", "validation loss", "run")}.
     */
    public static tech.tablesaw.api.Table table(History... runs) {
        String metric = commonMetricName(runs);
        StringColumn run = StringColumn.create("run");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn train = DoubleColumn.create("train loss"), validation = DoubleColumn.create("validation loss"),
                metricColumn = DoubleColumn.create(metric), rate = DoubleColumn.create("learning rate"),
                seconds = DoubleColumn.create("seconds");
        for (History h : runs) {
            for (int e = 0; e < h.epochs; e++) {
                run.append(h.label);
                epoch.append(e + 1);
                appendOrMissing(train, h.epochTrainLoss[e]);
                appendOrMissing(validation, h.epochValidationLoss[e]);
                appendOrMissing(metricColumn, h.epochValidationMetric[e]);
                appendOrMissing(rate, h.epochLearningRate[e]);
                appendOrMissing(seconds, h.epochSeconds[e]);
            }
        }
        return formatted(tech.tablesaw.api.Table.create(name(runs) + " epochs", run, epoch, train, validation,
                metricColumn, rate, seconds));
    }

    /** The steps of several runs in one tablesaw table: run, step, epoch, loss, learning rate, gradient norm, seconds. */
    public static tech.tablesaw.api.Table stepsTable(History... runs) {
        checkRuns(runs);
        StringColumn run = StringColumn.create("run");
        IntColumn step = IntColumn.create("step"), epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss"), rate = DoubleColumn.create("learning rate"),
                norm = DoubleColumn.create("gradient norm"), seconds = DoubleColumn.create("seconds");
        for (History h : runs) {
            for (int k = 0; k < h.steps; k++) {
                run.append(h.label);
                step.append(k + 1);
                epoch.append(h.stepEpoch[k] + 1);
                appendOrMissing(loss, h.stepLoss[k]);
                appendOrMissing(rate, h.stepLearningRate[k]);
                appendOrMissing(norm, h.stepGradientNorm[k]);
                appendOrMissing(seconds, h.stepSeconds[k]);
            }
        }
        return formatted(tech.tablesaw.api.Table.create(name(runs) + " steps", run, step, epoch, loss, rate, norm, seconds));
    }

    /** This run's epochs as a tablesaw table (see {@link #table(History...)}). */
    public tech.tablesaw.api.Table toTable() {
        return table(this);
    }

    private static void checkRuns(History... runs) {
        if (runs == null || runs.length == 0) {
            throw new IllegalArgumentException("give at least one History");
        }
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] == null) {
                throw new IllegalArgumentException("run " + (i + 1) + " of " + runs.length + " is null");
            }
        }
    }

    private static String commonMetricName(History... runs) {
        checkRuns(runs);
        String metric = runs[0].metricName;
        for (History h : runs) {
            if (!h.metricName.equals(metric)) {
                return "validation metric";
            }
        }
        return metric;
    }

    private static String name(History... runs) {
        return runs.length == 1 ? runs[0].label : runs.length + " runs";
    }

    private static void appendOrMissing(DoubleColumn column, double value) {
        if (Double.isNaN(value)) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }

    /** Six significant digits when a tablesaw table prints itself, as the course's tables do. */
    private static tech.tablesaw.api.Table formatted(tech.tablesaw.api.Table table) {
        for (var column : table.columns()) {
            if (column instanceof DoubleColumn doubles) {
                doubles.setPrintFormatter(new NumberColumnFormatter(NumberText.format(), ""));
            }
        }
        return table;
    }

    /** Renders in a notebook as the epoch table (or the steps of a run shorter than an epoch). */
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        Table table = epochs > 0 ? epochTable() : stepTable();
        bundle.put("text/plain", toString() + "\n" + table);
        bundle.put("text/html", "<p><b>" + escape(toString()) + "</b></p>" + table.toHtml());
        return bundle;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "History(%s: %d steps, %d epochs, last loss %.6g)", label, steps, epochs,
                lastLoss());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
