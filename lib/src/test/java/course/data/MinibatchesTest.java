package course.data;

import course.NumericChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MinibatchesTest {

    /** Every batch of one epoch, copied. */
    private static List<int[]> epoch(Minibatches batches) {
        List<int[]> epoch = new ArrayList<>();
        while (batches.next()) {
            epoch.add(Arrays.copyOf(batches.rows(), batches.count()));
        }
        return epoch;
    }

    @Test
    void anEpochIsEveryRowOnceWithTheLastPartialBatchKept() {
        Minibatches batches = Minibatches.withoutReplacement(10, 3, 42);
        assertEquals(4, batches.batchesPerEpoch());
        List<int[]> first = epoch(batches);
        assertEquals(List.of(3, 3, 3, 1), first.stream().map(b -> b.length).toList());
        int[] seen = first.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, seen);
        assertEquals(1, batches.epoch());
        assertEquals(0, batches.count());
        int[] order1 = first.stream().flatMapToInt(Arrays::stream).toArray();
        int[] order2 = epoch(batches).stream().flatMapToInt(Arrays::stream).toArray();
        assertFalse(Arrays.equals(order1, order2), "each epoch is reshuffled");
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.stream(order2).sorted().toArray());
        assertFalse(Arrays.equals(order1, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), "the first epoch is shuffled too");
    }

    @Test
    void sameSeedSameBatchesAndResetReplaysThem() {
        Minibatches a = Minibatches.withoutReplacement(50, 8, 5), b = Minibatches.withoutReplacement(50, 8, 5);
        List<int[]> firstEpochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<int[]> ea = epoch(a), eb = epoch(b);
            for (int i = 0; i < ea.size(); i++) {
                assertArrayEquals(ea.get(i), eb.get(i));
            }
            firstEpochs.addAll(ea);
        }
        a.reset();
        assertEquals(0, a.epoch());
        List<int[]> again = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            again.addAll(epoch(a));
        }
        for (int i = 0; i < again.size(); i++) {
            assertArrayEquals(firstEpochs.get(i), again.get(i));
        }
        Minibatches other = Minibatches.withoutReplacement(50, 8, 6);
        other.next();
        a.reset();
        a.next();
        assertFalse(Arrays.equals(a.rows(), other.rows()));
    }

    @Test
    void batchSizeOneIsSgdAndBatchSizeNIsTheFullBatchInOrder() {
        Minibatches sgd = Minibatches.stochastic(5, 1);
        List<int[]> e = epoch(sgd);
        assertEquals(5, e.size());
        assertTrue(e.stream().allMatch(b -> b.length == 1));
        Minibatches full = Minibatches.fullBatch(6);
        for (int k = 0; k < 3; k++) {
            assertTrue(full.next());
            assertEquals(6, full.count());
            assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5}, full.rows());
            assertFalse(full.next());
        }
        assertEquals(3, full.epoch());
        assertTrue(full.toString().startsWith("full batch"));
        assertTrue(sgd.toString().startsWith("stochastic"));
    }

    @Test
    void withReplacementDrawsIndependentlyInEpochsOfNRows() {
        Minibatches batches = Minibatches.withReplacement(10, 4, 3);
        assertTrue(batches.withReplacement());
        boolean repeatSeen = false;
        int[] hits = new int[10];
        for (int e = 0; e < 200; e++) {
            List<int[]> epoch = epoch(batches);
            assertEquals(List.of(4, 4, 2), epoch.stream().map(b -> b.length).toList());
            int[] all = epoch.stream().flatMapToInt(Arrays::stream).toArray();
            repeatSeen |= Arrays.stream(all).distinct().count() < 10;
            for (int r : all) {
                hits[r]++;
            }
        }
        assertTrue(repeatSeen);
        for (int h : hits) {
            assertEquals(200, h, 60, "each row is drawn about once per epoch");
        }
        Minibatches again = Minibatches.withReplacement(10, 4, 3);
        batches.reset();
        for (int k = 0; k < 20; k++) {
            assertEquals(batches.next(), again.next());
            assertArrayEquals(batches.rows(), again.rows());
        }
    }

    @Test
    void badBatchSizesAreRejectedWithWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Minibatches.withoutReplacement(10, 0, 1));
        assertTrue(e.getMessage().contains("batch size must lie between 1 (SGD) and the data set size 10 (full batch), got 0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Minibatches.withReplacement(10, 11, 1));
        assertTrue(e.getMessage().contains("got 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Minibatches.withoutReplacement(0, 1, 1));
        assertTrue(e.getMessage().contains("data set size must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Minibatches.withoutReplacement((Dataset) null, 1, 1));
        assertTrue(e.getMessage().contains("data set must not be null"), e.getMessage());
    }

    @Test
    void nextAllocatesNothing() {
        Minibatches without = Minibatches.withoutReplacement(1000, 32, 1);
        Minibatches with = Minibatches.withReplacement(1000, 32, 1);
        for (int k = 0; k < 20_000; k++) { // warm up: let the JIT compile next()
            without.next();
            with.next();
        }
        long before = NumericChecks.allocatedBytes();
        assumeTrue(before >= 0, "this JVM does not report allocated bytes");
        long batches = 0;
        for (int k = 0; k < 20_000; k++) {
            if (without.next()) {
                batches++;
            }
            with.next();
        }
        long allocated = NumericChecks.allocatedBytes() - before;
        assertNotEquals(0, batches);
        assertTrue(allocated < 4096, allocated + " bytes for 40 000 calls");
    }
}
