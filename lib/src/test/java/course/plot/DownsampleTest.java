package course.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsampleTest {
    @Test
    void shortSeriesAreKeptWhole() {
        assertArrayEquals(new int[]{0, 1, 2, 3}, Downsample.lttb(new double[]{0, 1, 2, 3}, new double[]{4, 3, 2, 1}, 10, false, false));
    }

    @Test
    void keepsEndsSpikesAndDipsInIncreasingOrder() {
        int n = 5000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1;
        }
        y[1234] = 50;
        y[3000] = -40;
        int[] kept = Downsample.lttb(x, y, 100, false, false);
        assertEquals(100, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[99]);
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1], "indices increase");
        }
        assertTrue(java.util.Arrays.stream(kept).anyMatch(i -> i == 1234), "the spike is kept");
        assertTrue(java.util.Arrays.stream(kept).anyMatch(i -> i == 3000), "the dip is kept");
    }

    @Test
    void onALogAxisSmallValuesCountAsMuchAsLargeOnes() {
        int n = 3000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.pow(10, -i / 500.0);
        }
        y[2800] = y[2800] * 100; // a jump late, in tiny values: invisible linearly, two decades on a log axis
        int[] log = Downsample.lttb(x, y, 60, false, true);
        assertTrue(java.util.Arrays.stream(log).anyMatch(i -> i == 2800));
    }

    @Test
    void needsAtLeastThreePoints() {
        assertThrows(IllegalArgumentException.class, () -> Downsample.lttb(new double[5], new double[5], 2, false, false));
    }
}
