package course.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes of optimizer state per parameter, counted from the state arrays. */
class StateMemoryTest {

    @Test
    void plainGradientDescentKeepsNothing() {
        StateMemory m = StateMemory.measure(GradientDescent.pytorch(0.1), 100);
        assertEquals(0, m.allocatedBytes());
        assertEquals(0, m.usedBytes());
        assertEquals(List.of(), m.arrays());
    }

    @Test
    void momentumKeepsOneDoublePerParameter() {
        StateMemory m = StateMemory.measure(Momentum.pytorch(), 100);
        assertEquals(800, m.allocatedBytes());
        assertEquals(8.0, m.usedPerParameter(), 0.0);
        assertEquals(List.of("velocity"), m.usedArrays());
    }

    @Test
    void adamUsesTwoArraysAndAmsGradThree() {
        StateMemory adam = StateMemory.measure(Adam.pytorch(), 50);
        assertEquals(List.of("m", "v", "v_max"), adam.arrays());
        assertEquals(List.of("m", "v"), adam.usedArrays(), "v_max stays zero without amsgrad");
        assertEquals(24.0, adam.allocatedPerParameter(), 0.0);
        assertEquals(16.0, adam.usedPerParameter(), 0.0);
        StateMemory ams = StateMemory.measure(AmsGrad.pytorch(), 50);
        assertEquals(24.0, ams.usedPerParameter(), 0.0);
    }

    @Test
    void rmsPropCountsOnlyTheArraysItsOptionsUse() {
        assertEquals(List.of("square_avg"), StateMemory.measure(RmsProp.pytorch(), 10).usedArrays());
        assertEquals(List.of("square_avg", "grad_avg"), StateMemory.measure(RmsProp.pytorch().centered(true), 10).usedArrays());
        assertEquals(List.of("square_avg", "momentum_buffer"),
                StateMemory.measure(RmsProp.pytorch().momentum(0.9), 10).usedArrays());
    }

    @Test
    void anAccumulatorThatStartsAboveZeroIsStillSeenAsWritten() {
        // Keras's AdaGrad starts its sum at 0.1: written means "differs from the initial value"
        assertEquals(List.of("sum"), StateMemory.measure(AdaGrad.keras(), 10).usedArrays());
    }

    @Test
    void lookAheadOptimizersAndClippedAreMeasured() {
        assertEquals(8.0, StateMemory.measure(Nesterov.textbook(), 10).usedPerParameter(), 0.0);
        assertEquals(16.0, StateMemory.measure(RmsPropNesterov.textbook(), 10).usedPerParameter(), 0.0);
        assertEquals(16.0, StateMemory.measure(Clipped.byGlobalNorm(AdaMax.pytorch(), 1.0), 10).usedPerParameter(), 0.0);
    }

    @Test
    void theOriginalIsLeftUntouched() {
        Adam adam = Adam.pytorch();
        StateMemory.measure(adam, 10);
        assertEquals(0, adam.stepCount());
        assertEquals(0, adam.state("m").length);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StateMemory.measure(null, 10));
        assertThrows(IllegalArgumentException.class, () -> StateMemory.measure(Adam.pytorch(), 0));
    }
}
