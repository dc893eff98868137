package course;

/**
 * Course-wide switches. Quick mode ({@code COURSE_QUICK=1}, set by {@code bin/course test}) makes
 * notebooks use small data and few steps; it never changes what a notebook checks, only how much
 * work it does.
 */
public final class Course {
    /** The environment variable (or system property {@code course.quick}) that turns quick mode on. */
    public static final String QUICK_VARIABLE = "COURSE_QUICK";

    private Course() {
    }

    /** True when quick mode is on: {@code COURSE_QUICK} set to 1, true or yes. */
    public static boolean quick() {
        String property = System.getProperty("course.quick");
        String source = property != null ? "the system property course.quick (the Java form of " + QUICK_VARIABLE + ")" : QUICK_VARIABLE;
        String value = property != null ? property : System.getenv(QUICK_VARIABLE);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(source + " = " + value
                    + " is not understood: use 1 (quick mode) or 0 (full mode)");
        };
    }

    /** {@code full} in full mode, {@code quick} in quick mode: for sizes, step counts and epochs. */
    public static int pick(int full, int quick) {
        if (full <= 0 || quick <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got full=" + full + ", quick=" + quick);
        }
        return quick() ? quick : full;
    }

    /** "quick" or "full", to print in a notebook. */
    public static String mode() {
        return quick() ? "quick" : "full";
    }
}
