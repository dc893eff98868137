package course;

/**
 * Argument checks shared by every public entry point of the library. Each failure is an
 * {@link IllegalArgumentException} whose message says what was wrong and what is allowed.
 */
public final class Validate {
    private Validate() {
    }

    /** A learning rate, step size or scale: positive and finite. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /** A count, epsilon, decay or penalty that may be zero: finite and not negative. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
        }
        return value;
    }

    /** A decay rate such as β, ρ or the momentum α: in [0, 1). */
    public static double unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1), got " + value
                    + (value == 1 ? " (1 would never forget: use a value such as 0.9 or 0.999)" : ""));
        }
        return value;
    }

    /** A probability-like fraction in [0, 1]. */
    public static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
        return value;
    }

    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    public static double[] notEmpty(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: it needs at least one entry");
        }
        return values;
    }

    /** Two arrays that must pair up entry by entry. */
    public static void sameLength(String nameA, double[] a, String nameB, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? nameA : nameB) + " must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameA + " has " + a.length + " entries but " + nameB + " has "
                    + b.length + ": they must have the same length");
        }
    }

    /** Every entry finite; the message names the first bad index. */
    public static double[] finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + ": " + name
                        + " must be finite (training has diverged? lower the learning rate or clip the gradient)");
            }
        }
        return values;
    }

    /** A reference that must be given. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** A whole number in [min, max], both ends allowed. */
    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must lie between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A fraction strictly between 0 and 1, such as the share of a data set kept for training. */
    public static double openUnitInterval(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie strictly between 0 and 1, got " + value);
        }
        return value;
    }
}
