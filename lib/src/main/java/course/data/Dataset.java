package course.data;

import course.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An immutable table of examples: n rows of d features, stored as one flat row-major array (feature
 * j of row i at {@code i·d + j}), and per row either a real target (regression) or a class label in
 * 0 … k−1 (classification). Feature names are optional ("x0", "x1", … by default).
 *
 * <p>Every value is checked once here (finite features and targets, labels in range), so models can
 * read rows in their loops without checking them again. Models read rows through
 * {@link #dot(int, double[], int)} and {@link #addScaledRow(int, double, double[], int)}, the two
 * loops a linear layer needs forwards and backwards, so the storage stays private.
 */
public final class Dataset {
    private final double[] features;
    private final int rows;
    private final int featureCount;
    private final double[] targets;
    private final int[] labels; // null for regression
    private final int classCount;
    private final List<String> featureNames;

    private Dataset(double[] features, int featureCount, double[] targets, int[] labels, int classCount,
                    List<String> featureNames) {
        this.features = features;
        this.featureCount = featureCount;
        this.rows = features.length / featureCount;
        this.targets = targets;
        this.labels = labels;
        this.classCount = classCount;
        this.featureNames = featureNames;
    }

    /**
     * A regression set: {@code features} holds n·d values row after row, {@code targets} the n real
     * targets. The arrays are copied.
     */
    public static Dataset regression(double[] features, int featureCount, double[] targets, String... featureNames) {
        int n = checkFeatures(features, featureCount);
        Validate.notNull("targets", targets);
        if (targets.length != n) {
            throw new IllegalArgumentException("features hold " + n + " rows but targets has " + targets.length
                    + " entries: there must be one target per row");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("targets[" + i + "] is " + targets[i]
                        + ": targets must be finite (drop or impute missing values first)");
            }
        }
        return new Dataset(features.clone(), featureCount, targets.clone(), null, 0,
                names(featureNames, featureCount));
    }

    /**
     * A classification set with labels in 0 … classCount−1 (binary: 0 and 1, classCount 2). The
     * arrays are copied.
     */
    public static Dataset classification(double[] features, int featureCount, int[] labels, int classCount,
                                         String... featureNames) {
        int n = checkFeatures(features, featureCount);
        Validate.notNull("labels", labels);
        if (classCount < 2) {
            throw new IllegalArgumentException("class count must be at least 2, got " + classCount);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("features hold " + n + " rows but labels has " + labels.length
                    + " entries: there must be one label per row");
        }
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + ": labels must lie in 0 … "
                        + (classCount - 1) + " for " + classCount + " classes");
            }
            targets[i] = labels[i];
        }
        return new Dataset(features.clone(), featureCount, targets, labels.clone(), classCount,
                names(featureNames, featureCount));
    }

    private static int checkFeatures(double[] features, int featureCount) {
        Validate.notNull("features", features);
        if (featureCount < 1) {
            throw new IllegalArgumentException("feature count must be at least 1, got " + featureCount);
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("the data set is empty: features must hold at least one row of "
                    + featureCount + " values");
        }
        if (features.length % featureCount != 0) {
            throw new IllegalArgumentException("features has " + features.length + " values, not a multiple of the "
                    + "feature count " + featureCount + ": it must hold rows × " + featureCount + " values, row after row");
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new IllegalArgumentException("features[row " + i / featureCount + ", column " + i % featureCount
                        + "] is " + features[i] + ": features must be finite (drop or impute missing values first)");
            }
        }
        return features.length / featureCount;
    }

    private static List<String> names(String[] given, int featureCount) {
        List<String> names = new ArrayList<>(featureCount);
        if (given == null || given.length == 0) {
            for (int j = 0; j < featureCount; j++) {
                names.add("x" + j);
            }
        } else {
            if (given.length != featureCount) {
                throw new IllegalArgumentException(given.length + " feature names given for " + featureCount
                        + " features: give one name per feature, or none");
            }
            for (String name : given) {
                names.add(Validate.notNull("feature name", name));
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** n, the number of rows (examples). */
    public int size() {
        return rows;
    }

    /** d, the number of features per row. */
    public int featureCount() {
        return featureCount;
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** k for a classification set, 0 for a regression set. */
    public int classCount() {
        return classCount;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Feature {@code column} of {@code row}. */
    public double feature(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= featureCount) {
            throw outside(row, column);
        }
        return features[row * featureCount + column];
    }

    /** The regression target of a row, or for classification its label as a double (0.0, 1.0, …). */
    public double target(int row) {
        checkRow(row);
        return targets[row];
    }

    /** The class label of a row; only for classification sets. */
    public int label(int row) {
        if (labels == null) {
            throw new IllegalArgumentException("this is a regression data set: it has real targets, not labels; use target(row)");
        }
        checkRow(row);
        return labels[row];
    }

    /** Σⱼ x[row, j]·w[offset + j]: the weighted sum of one row, the forward pass of a linear unit. */
    public double dot(int row, double[] w, int offset) {
        checkRow(row);
        int base = row * featureCount;
        double sum = 0;
        for (int j = 0; j < featureCount; j++) {
            sum += features[base + j] * w[offset + j];
        }
        return sum;
    }

    /** into[offset + j] += scale · x[row, j] for every j: a linear unit's weight gradient from one row. */
    public void addScaledRow(int row, double scale, double[] into, int offset) {
        checkRow(row);
        int base = row * featureCount;
        for (int j = 0; j < featureCount; j++) {
            into[offset + j] += scale * features[base + j];
        }
    }

    /** A copy of one row's features. */
    public double[] row(int row) {
        checkRow(row);
        double[] copy = new double[featureCount];
        System.arraycopy(features, row * featureCount, copy, 0, featureCount);
        return copy;
    }

    /** A copy of all features, n·d values row after row. */
    public double[] features() {
        return features.clone();
    }

    /** A copy of all targets (for classification, the labels as doubles). */
    public double[] targets() {
        return targets.clone();
    }

    /** A copy of all labels; only for classification sets. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalArgumentException("this is a regression data set: it has real targets, not labels; use targets()");
        }
        return labels.clone();
    }

    /** The given rows, in the given order (repeats allowed), as a new data set. */
    public Dataset subset(int... rowsToKeep) {
        Validate.notNull("rows", rowsToKeep);
        if (rowsToKeep.length == 0) {
            throw new IllegalArgumentException("rows is empty: a subset needs at least one row");
        }
        double[] f = new double[rowsToKeep.length * featureCount];
        double[] t = new double[rowsToKeep.length];
        int[] l = labels == null ? null : new int[rowsToKeep.length];
        for (int i = 0; i < rowsToKeep.length; i++) {
            int r = rowsToKeep[i];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("rows[" + i + "] is " + r + ": rows must lie in 0 … " + (rows - 1));
            }
            System.arraycopy(features, r * featureCount, f, i * featureCount, featureCount);
            t[i] = targets[r];
            if (l != null) {
                l[i] = labels[r];
            }
        }
        return new Dataset(f, featureCount, t, l, classCount, featureNames);
    }

    /** The same targets with new features (same shape): what {@link Standardizer} returns. */
    Dataset withFeatures(double[] newFeatures) {
        checkFeatures(newFeatures, featureCount);
        return new Dataset(newFeatures, featureCount, targets, labels, classCount, featureNames);
    }

    /** A training part and a validation part of one data set. */
    public record Split(Dataset train, Dataset validation) {
    }

    /**
     * Shuffles the rows with {@code seed} and keeps round(trainFraction·n) of them for training, the
     * rest for validation. The same seed gives the same split. Not stratified: with few rows a class
     * can end up missing from one side.
     */
    public Split split(double trainFraction, long seed) {
        Validate.openUnitInterval("train fraction", trainFraction);
        int trainSize = (int) Math.round(trainFraction * rows);
        if (trainSize < 1 || trainSize > rows - 1) {
            throw new IllegalArgumentException("a train fraction of " + trainFraction + " of " + rows + " rows leaves "
                    + (trainSize < 1 ? "the training" : "the validation") + " part empty: both parts need at least one row"
                    + (rows < 2 ? " (a data set of one row cannot be split)" : ""));
        }
        int[] order = permutation(rows, new Random(seed));
        int[] train = new int[trainSize], validation = new int[rows - trainSize];
        System.arraycopy(order, 0, train, 0, trainSize);
        System.arraycopy(order, trainSize, validation, 0, rows - trainSize);
        return new Split(subset(train), subset(validation));
    }

    /** 0 … n−1 in a random order: Fisher–Yates with java.util.Random, whose sequence is fixed by its spec. */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, n, random);
        return order;
    }

    static void shuffle(int[] order, int n, Random random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw outside(row, 0);
        }
    }

    private IllegalArgumentException outside(int row, int column) {
        if (row < 0 || row >= rows) {
            return new IllegalArgumentException("row " + row + " is out of range: this data set has rows 0 … " + (rows - 1));
        }
        return new IllegalArgumentException("column " + column + " is out of range: this data set has columns 0 … "
                + (featureCount - 1));
    }

    /** For example "classification data set: 200 rows × 2 features, 3 classes". */
    @Override
    public String toString() {
        return (labels == null ? "regression" : "classification") + " data set: " + rows + " rows × " + featureCount
                + " features" + (labels == null ? "" : ", " + classCount + " classes");
    }
}
