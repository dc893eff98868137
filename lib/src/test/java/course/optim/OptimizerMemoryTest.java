package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The state each optimizer keeps, per option, as PyTorch allocates it, and the bytes read from it. */
class OptimizerMemoryTest {

    @Test
    void eachOptimizerKeepsOnlyWhatItsOptionsNeed() {
        assertEquals(List.of(), OptimizerMemory.arrays(GradientDescent.keras()));
        assertEquals(List.of(), OptimizerMemory.arrays(Momentum.pytorch()), "momentum 0: no buffer, as PyTorch");
        assertEquals(List.of("velocity"), OptimizerMemory.arrays(Momentum.pytorch().learningRate(0.01).momentum(0.9)));
        assertEquals(List.of("velocity"), OptimizerMemory.arrays(Nesterov.textbook()));
        assertEquals(List.of(), OptimizerMemory.arrays(Nesterov.keras()), "momentum 0: no velocity, as Keras");
        assertEquals(List.of("sum"), OptimizerMemory.arrays(AdaGrad.keras()));
        assertEquals(List.of("square_avg"), OptimizerMemory.arrays(RmsProp.keras()));
        assertEquals(List.of("square_avg", "grad_avg"), OptimizerMemory.arrays(RmsProp.pytorch().centered(true)));
        assertEquals(List.of("square_avg", "momentum_buffer"), OptimizerMemory.arrays(RmsProp.pytorch().momentum(0.9)));
        assertEquals(List.of("square_avg", "velocity"), OptimizerMemory.arrays(RmsPropNesterov.textbook()));
        assertEquals(List.of("square_avg", "acc_delta"), OptimizerMemory.arrays(AdaDelta.pytorch()));
        assertEquals(List.of("m", "v"), OptimizerMemory.arrays(Adam.keras()), "no v_max without AMSGrad");
        assertEquals(List.of("m", "v", "v_max"), OptimizerMemory.arrays(AmsGrad.pytorch()));
        assertEquals(List.of("m", "v"), OptimizerMemory.arrays(AdamW.keras()));
        assertEquals(List.of("m", "u"), OptimizerMemory.arrays(AdaMax.textbook()));
        assertEquals(List.of("m", "v"), OptimizerMemory.arrays(NAdam.pytorch()));
    }

    @Test
    void whatTheStepsWriteIsExactlyTheStateDeclared() {
        for (Cases.Case c : Cases.ALL) {
            Optimizer o = c.make().get();
            double[] params = {0.4, -1.3, 2.2};
            for (int k = 0; k < 3; k++) {
                Cases.quadraticStep(c, o, params);
            }
            OptimizerState state = o.state();
            assertEquals(o.initialState(3).arrayNames(), state.arrayNames(), c.name());
            for (String name : state.arrayNames()) {
                double[] start = o.initialState(3).array(name), now = state.array(name);
                boolean moved = false;
                for (int i = 0; i < now.length; i++) {
                    moved |= Double.compare(start[i], now[i]) != 0;
                }
                assertEquals(true, moved, c.name() + ": the update writes '" + name + "', or it should not be kept");
            }
            assertEquals(8L * (3L * state.arrayCount() + state.scalarNames().size()), state.bytes(), c.name());
        }
    }

    @Test
    void turningAnOptionOnAfterTheFirstStepAddsItsArrayAndKeepsTheRest() {
        RmsProp rms = RmsProp.pytorch();
        double[] params = {1, 2};
        rms.step(params, new double[]{0.5, -0.5});
        double[] squareAvg = rms.state().array("square_avg");
        rms.momentum(0.9);  // what a one-cycle schedule may do
        rms.step(params, new double[]{0.5, -0.5});
        assertEquals(List.of("square_avg", "momentum_buffer"), List.copyOf(rms.state().arrayNames()));
        assertEquals(0.99 * squareAvg[0] + 0.01 * 0.25, rms.state().array("square_avg")[0], 1e-17);
    }

    @Test
    void bytesFollowTheArraysAndTheNumberFormat() {
        assertEquals(0, OptimizerMemory.bytesPerParameter(GradientDescent.keras(), 8));
        assertEquals(8, OptimizerMemory.bytesPerParameter(Momentum.pytorch().learningRate(0.01).momentum(0.9), 8));
        assertEquals(4, OptimizerMemory.bytesPerParameter(Momentum.pytorch().learningRate(0.01).momentum(0.9), 4));
        assertEquals(16, OptimizerMemory.bytesPerParameter(Adam.pytorch(), 8));
        assertEquals(8, OptimizerMemory.bytesPerParameter(Adam.pytorch(), 4));
        assertEquals(12, OptimizerMemory.bytesPerParameter(AmsGrad.keras(), 4));
        // a 7-billion-parameter model in float32: Adam's m and v take 56 GB
        assertEquals(56_000_000_000L, OptimizerMemory.stateBytes(Adam.keras(), 7_000_000_000L, 4));
        assertEquals(0L, OptimizerMemory.stateBytes(GradientDescent.keras(), 7_000_000_000L, 4));
        assertThrows(IllegalArgumentException.class, () -> OptimizerMemory.bytesPerParameter(Adam.keras(), 3));
        assertThrows(IllegalArgumentException.class, () -> OptimizerMemory.stateBytes(Adam.keras(), -1, 4));
    }
}
