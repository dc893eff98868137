package course.bench;

import course.optim.Optimizer;
import course.optim.StepThreads;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of our optimizers on a flat vector (PyTorch convention, default hyperparameters), on the
 * caller's thread alone and split over two threads ({@link StepThreads}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OptimizerStepBenchmark {
    @Param({"1000000", "10000000"})
    public int size;

    @Param({"GradientDescent", "Momentum", "Nesterov", "AdaGrad", "RmsProp", "AdaDelta", "Adam", "AmsGrad", "AdamW",
        "AdaMax", "NAdam"})
    public String algorithm;

    @Param({"1", "2"})
    public int threads;

    private double[] params;
    private double[] grad;
    private Optimizer optimizer;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        params = new double[size];
        grad = new double[size];
        for (int i = 0; i < size; i++) {
            params[i] = random.nextGaussian();
            grad[i] = random.nextGaussian();
        }
        StepThreads.setThreads(threads);
        optimizer = Algorithms.ours(algorithm);
        optimizer.step(params, grad);  // size the state outside the measurement
    }

    @Benchmark
    public double[] step() {
        optimizer.step(params, grad);
        return params;
    }
}
