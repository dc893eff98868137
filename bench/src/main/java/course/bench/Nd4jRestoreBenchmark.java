package course.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The gradient restore that {@link Nd4jUpdaterBenchmark} needs, alone, to be subtracted from it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Nd4jRestoreBenchmark {
    @Param({"1000000", "10000000"})
    public int size;

    /** ND4J's native thread count: 1 compares loop with loop; 2 is ND4J's default on this machine. */
    @Param({"1", "2"})
    public int threads;

    private INDArray grad;
    private INDArray savedGrad;

    @Setup
    public void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        savedGrad = Nd4j.randn(DataType.DOUBLE, 1, size);
        grad = savedGrad.dup();
    }

    @Benchmark
    public INDArray restore() {
        return grad.assign(savedGrad);
    }
}
