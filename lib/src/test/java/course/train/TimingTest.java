package course.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keepsTheFastestTryAndRunsTheWorkRepsTimesTries() {
        AtomicInteger runs = new AtomicInteger();
        // only the first try is slow (2 ms a run): the best of three must be a fast one
        double best = Timing.bestNanosPer(5, 3, () -> {
            if (runs.incrementAndGet() <= 5) sleep(2);
        });
        assertEquals(15, runs.get());
        assertTrue(best < 1e6, "the fast tries' mean, not the slow one's: " + best + " ns");
        double slow = Timing.bestNanosPer(3, 2, () -> sleep(1));
        assertTrue(slow >= 1e6, "a 1 ms sleep takes at least 1 ms: " + slow + " ns");
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.bestNanosPer(0, 3, () -> { })).getMessage().contains("reps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.bestNanosPer(5, 0, () -> { })).getMessage().contains("tries"));
    }
}
