package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerMemoryTest {

    @Test
    void eachAlgorithmUsesTheStateItsUpdateNeeds() {
        assertEquals(List.of(), OptimizerMemory.usedState(GradientDescent.keras()));
        assertEquals(List.of("velocity"), OptimizerMemory.usedState(Momentum.keras()));
        assertEquals(List.of("velocity"), OptimizerMemory.usedState(Nesterov.textbook()));
        assertEquals(List.of("sum"), OptimizerMemory.usedState(AdaGrad.keras()), "the sum moves away from Keras's 0.1");
        assertEquals(List.of("square_avg"), OptimizerMemory.usedState(RmsProp.keras()));
        assertEquals(List.of("square_avg", "grad_avg"), OptimizerMemory.usedState(RmsProp.pytorch().centered(true)));
        assertEquals(List.of("square_avg", "momentum_buffer"), OptimizerMemory.usedState(RmsProp.pytorch().momentum(0.9)));
        assertEquals(List.of("square_avg", "velocity"), OptimizerMemory.usedState(RmsPropNesterov.textbook()));
        assertEquals(List.of("square_avg", "acc_delta"), OptimizerMemory.usedState(AdaDelta.pytorch()));
        assertEquals(List.of("m", "v"), OptimizerMemory.usedState(Adam.keras()));
        assertEquals(List.of("m", "v", "v_max"), OptimizerMemory.usedState(AmsGrad.pytorch()));
        assertEquals(List.of("m", "v"), OptimizerMemory.usedState(AdamW.keras()));
        assertEquals(List.of("m", "u"), OptimizerMemory.usedState(AdaMax.textbook()));
        assertEquals(List.of("m", "v"), OptimizerMemory.usedState(NAdam.pytorch()));
    }

    @Test
    void bytesFollowTheArraysAndTheNumberFormat() {
        assertEquals(0, OptimizerMemory.bytesPerParameter(GradientDescent.keras(), 8));
        assertEquals(8, OptimizerMemory.bytesPerParameter(Momentum.pytorch(), 8));
        assertEquals(4, OptimizerMemory.bytesPerParameter(Momentum.pytorch(), 4));
        assertEquals(16, OptimizerMemory.bytesPerParameter(Adam.pytorch(), 8));
        assertEquals(8, OptimizerMemory.bytesPerParameter(Adam.pytorch(), 4));
        assertEquals(12, OptimizerMemory.bytesPerParameter(AmsGrad.keras(), 4));
        // a 7-billion-parameter model in float32: Adam's m and v take 56 GB
        assertEquals(56_000_000_000L, OptimizerMemory.stateBytes(Adam.keras(), 7_000_000_000L, 4));
        assertEquals(0L, OptimizerMemory.stateBytes(GradientDescent.keras(), 7_000_000_000L, 4));
        assertThrows(IllegalArgumentException.class, () -> OptimizerMemory.bytesPerParameter(Adam.keras(), 3));
        assertThrows(IllegalArgumentException.class, () -> OptimizerMemory.stateBytes(Adam.keras(), -1, 4));
    }

    @Test
    void theLibraryAllocatesAtLeastWhatIsUsed() {
        assertEquals(3, OptimizerMemory.allocatedArrays(Adam.keras()), "m, v and v_max even without AMSGrad");
        assertEquals(3, OptimizerMemory.allocatedArrays(RmsProp.keras()));
        for (Optimizer o : List.<Optimizer>of(GradientDescent.keras(), Momentum.keras(), AdaGrad.pytorch(), RmsProp.keras(),
                AdaDelta.keras(), Adam.keras(), AdaMax.keras(), NAdam.keras(), AmsGrad.keras(), AdamW.keras())) {
            assertTrue(OptimizerMemory.allocatedArrays(o) >= OptimizerMemory.stateArrays(o), o.toString());
        }
    }

    @Test
    void theProbeLeavesTheOptimizerAlone() {
        Adam adam = Adam.keras();
        double[] params = {1, 2};
        adam.step(params, new double[]{0.5, -0.5});
        double[] m = adam.state("m");
        OptimizerMemory.stateArrays(adam);
        assertEquals(1, adam.stepCount());
        assertEquals(m[0], adam.state("m")[0], 0.0);
        assertEquals(2, adam.state("m").length, "still bound to two parameters, not the probe's");
    }
}
