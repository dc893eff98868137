package course;

import java.util.Arrays;

/**
 * The few array helpers every lesson needs, written once with one meaning each (lessons use them through
 * {@code import static course.Numbers.*;}). Ranges are half-open, as Java's {@code IntStream.range} and
 * Python's {@code range}: {@code range(0, 3)} is 0, 1, 2.
 */
public final class Numbers {
    private Numbers() {
    }

    /** The Euclidean length ‖v‖ = √(Σ vᵢ²). */
    public static double norm(double[] v) {
        Validate.notNull("the vector", v);
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** from, from + 1, …, to − 1 as doubles (an axis for a plot); empty when {@code to == from}. */
    public static double[] range(int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("range(" + from + ", " + to + "): the end must not lie before the start "
                    + "(the end is excluded: range(0, 3) is 0, 1, 2)");
        }
        double[] values = new double[to - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /** The mean of all values. */
    public static double mean(double[] values) {
        return mean(values, 0, Validate.notNull("the values", values).length);
    }

    /** The mean of values[from], …, values[to − 1]. */
    public static double mean(double[] values, int from, int to) {
        checkRange(values, from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** The median (the mean of the two middle values for an even count); the array is not changed. */
    public static double median(double[] values) {
        checkRange(values, 0, Validate.notNull("the values", values).length);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Column j of a table of rows: {@code column(path, 0)} is the x of every point of a path. */
    public static double[] column(double[][] rows, int j) {
        Validate.notNull("the rows", rows);
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            if (j < 0 || j >= rows[k].length) {
                throw new IllegalArgumentException("column " + j + " does not exist: row " + k + " has "
                        + rows[k].length + " values (columns count from 0)");
            }
            values[k] = rows[k][j];
        }
        return values;
    }

    private static void checkRange(double[] values, int from, int to) {
        Validate.notNull("the values", values);
        if (from < 0 || to > values.length || from >= to) {
            throw new IllegalArgumentException("the values from index " + from + " to " + to + " (excluded) of an array of "
                    + values.length + " are not a non-empty part of it: a mean or median needs at least one value");
        }
    }
}
