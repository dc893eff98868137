package course.plot;

/**
 * Thins a long curve for display with "largest triangle three buckets" (Steinarsson, 2013): the
 * first and last points stay, the points in between are split into equal buckets and each bucket
 * keeps the point that spans the largest triangle with its neighbours, so peaks, dips and the
 * zig-zag of an oscillating loss survive. The areas are measured as the curve is drawn (on a log
 * axis, in logarithms), so the choice matches what the eye sees.
 */
final class Downsample {
    private Downsample() {
    }

    /** Indices of the points to keep (all of them if there are at most {@code max}). */
    static int[] lttb(double[] x, double[] y, int max, boolean logX, boolean logY) {
        int n = x.length;
        if (max < 3) {
            throw new IllegalArgumentException("keep at least 3 points, got " + max);
        }
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        double[] px = logX ? logs(x) : x;
        double[] py = logY ? logs(y) : y;
        int[] kept = new int[max];
        int count = 0;
        kept[count++] = 0;
        double bucket = (double) (n - 2) / (max - 2);
        int previous = 0;
        for (int b = 0; b < max - 2; b++) {
            int start = (int) Math.floor(b * bucket) + 1;
            int end = Math.min((int) Math.floor((b + 1) * bucket) + 1, n - 1);
            // The average of the next bucket stands in for the point not chosen yet.
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((b + 2) * bucket) + 1, n);
            double avgX = 0, avgY = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                avgX += px[j];
                avgY += py[j];
            }
            int span = Math.max(1, nextEnd - nextStart);
            avgX /= span;
            avgY /= span;
            double best = -1;
            int chosen = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((px[previous] - avgX) * (py[j] - py[previous])
                        - (px[previous] - px[j]) * (avgY - py[previous]));
                if (area > best) {
                    best = area;
                    chosen = j;
                }
            }
            kept[count++] = chosen;
            previous = chosen;
        }
        kept[count++] = n - 1;
        return kept;
    }

    static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = values[i] > 0 ? Math.log10(values[i]) : 0;
        }
        return logs;
    }
}
