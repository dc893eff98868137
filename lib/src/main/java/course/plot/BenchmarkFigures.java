package course.plot;

import java.util.Random;

/**
 * The figures whose size and speed the issue bounds, built in one place so that the benchmark
 * ({@code bin/course bench --figures}) measures the very figure the test of the bound checks.
 */
public final class BenchmarkFigures {
    private BenchmarkFigures() {
    }

    /**
     * 5 series × 10,000 points on a log y axis: five losses falling at different rates, each with
     * multiplicative noise; the same numbers every call (seed 5).
     */
    public static LineChart fiveByTenThousand() {
        Random random = new Random(5);
        LineChart chart = LineChart.titled("5 series x 10,000 points").labels("step", "loss").logY();
        for (int s = 0; s < 5; s++) {
            double[] y = new double[10_000];
            double loss = 2;
            for (int i = 0; i < y.length; i++) {
                loss *= 1 - 0.0004 * (s + 1);
                y[i] = loss * Math.exp(0.3 * random.nextGaussian()); // a noisy minibatch loss
            }
            chart.series("optimizer " + (s + 1), y);
        }
        return chart;
    }
}
