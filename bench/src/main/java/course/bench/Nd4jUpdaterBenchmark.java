package course.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ND4J's own updater on the same sizes, as DL4J applies it: {@code applyUpdater} turns the gradient
 * into the update in place, then {@code params.subi(update)}. Because the updater overwrites the
 * gradient, each invocation first restores it from a saved copy; {@link Nd4jRestoreBenchmark}
 * measures that copy alone so the report can subtract it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Nd4jUpdaterBenchmark {
    @Param({"1000000", "10000000"})
    public int size;

    /** ND4J's native thread count: 1 compares loop with loop; 2 is ND4J's default on this machine. */
    @Param({"1", "2"})
    public int threads;

    @Param({"GradientDescent", "Nesterov", "AdaGrad", "RmsProp", "AdaDelta", "Adam", "AmsGrad", "AdaMax", "NAdam"})
    public String algorithm;

    private INDArray params;
    private INDArray grad;
    private INDArray savedGrad;
    private GradientUpdater<?> updater;
    private int iteration;

    @Setup
    public void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getRandom().setSeed(42);
        params = Nd4j.randn(DataType.DOUBLE, 1, size);
        savedGrad = Nd4j.randn(DataType.DOUBLE, 1, size);
        grad = savedGrad.dup();
        IUpdater config = Algorithms.nd4j(algorithm);
        long stateSize = config.stateSize(size);
        INDArray state = stateSize > 0 ? Nd4j.zeros(DataType.DOUBLE, 1, stateSize) : null;
        updater = config.instantiate(state, true);
    }

    @Benchmark
    public INDArray step() {
        grad.assign(savedGrad);
        updater.applyUpdater(grad, iteration++, 0);
        return params.subi(grad);
    }
}
