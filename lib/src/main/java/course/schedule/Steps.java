package course.schedule;

/**
 * Checks on step counts and periods (whole numbers), in the style of {@link course.Validate}:
 * each failure is an {@link IllegalArgumentException} saying what was wrong and what is allowed.
 */
final class Steps {
    private Steps() {
    }

    /** A step index: 0 for the first optimizer step. */
    static long check(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0 (steps count from 0: step 0 is the first "
                    + "optimizer step), got " + step);
        }
        return step;
    }

    /** A period or horizon in steps: at least 1. */
    static long positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 step, got " + value);
        }
        return value;
    }

    /** A count of steps or epochs that may be zero. */
    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0, got " + value);
        }
        return value;
    }

    /** A multiplicative decay factor such as γ: in (0, 1]. */
    static double decayFactor(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1] (1 keeps the learning rate constant, "
                    + "a value above 1 would make it grow, 0 would stop training), got " + value);
        }
        return value;
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
