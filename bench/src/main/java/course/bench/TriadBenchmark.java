package course.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** STREAM's triad a[i] = b[i] + s·c[i] in the same JVM: the memory-bandwidth baseline (24 bytes per element). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TriadBenchmark {
    @Param({"1000000", "10000000"})
    public int size;

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
        double s = 3.0;
        double[] a = this.a, b = this.b, c = this.c;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a;
    }
}
