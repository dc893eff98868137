package course.problems;

import java.util.Arrays;

/** A point where the gradient vanishes, what kind of point it is, and f there. */
public record CriticalPoint(Kind kind, double[] point, double value) {

    public enum Kind {
        /** The lowest value f takes (over the lesson's interval for the 1-D risks). */
        GLOBAL_MINIMUM,
        /** Lower than its neighbourhood, not lowest overall: where descent can get stuck. */
        LOCAL_MINIMUM,
        /** Neither minimum nor maximum: f goes down along some direction and up along another. */
        SADDLE,
        /** Higher than its neighbourhood. */
        LOCAL_MAXIMUM;

        public boolean isMinimum() {
            return this == GLOBAL_MINIMUM || this == LOCAL_MINIMUM;
        }

        /** "global minimum", "saddle", ... */
        public String label() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    public CriticalPoint {
        if (kind == null || point == null) {
            throw new IllegalArgumentException("a critical point needs a kind and a point");
        }
        point = point.clone();
    }

    /** A copy of the coordinates. */
    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CriticalPoint that && kind == that.kind
                && Arrays.equals(point, that.point) && Double.compare(value, that.value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(point)) + Double.hashCode(value);
    }

    /** For example "global minimum at (3, 0.5), f = 0". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.label()).append(" at (");
        for (int i = 0; i < point.length; i++) {
            text.append(i == 0 ? "" : ", ").append(round(point[i]));
        }
        return text.append("), f = ").append(round(value)).toString();
    }

    private static String round(double v) {
        double r = Math.round(v * 1e6) / 1e6;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
