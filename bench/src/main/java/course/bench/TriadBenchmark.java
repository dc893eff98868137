package course.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * STREAM's triad a[i] = b[i] + s·c[i] in the same JVM: the memory-bandwidth baseline (24 bytes per
 * element), on one thread and on two (contiguous halves, the second on the common fork-join pool).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TriadBenchmark {
    @Param({"1000000", "10000000"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup
    public void setUp() {
        a = new double[size];
        b = new double[size];
        c = new double[size];
        Arrays.fill(b, 1.5);
        Arrays.fill(c, 0.25);
    }

    @Benchmark
    public double[] triad() {
        if (threads == 1) {
            triad(0, a.length);
        } else {
            IntStream.range(0, threads).parallel()
                    .forEach(k -> triad((int) ((long) a.length * k / threads), (int) ((long) a.length * (k + 1) / threads)));
        }
        return a;
    }

    private void triad(int from, int to) {
        double s = 3.0;
        double[] a = this.a, b = this.b, c = this.c;
        for (int i = from; i < to; i++) {
            a[i] = b[i] + s * c[i];
        }
    }
}
