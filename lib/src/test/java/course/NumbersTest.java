package course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void normIsTheEuclideanLength() {
        assertEquals(5.0, Numbers.norm(new double[] {3, -4}), 0.0);
        assertEquals(0.0, Numbers.norm(new double[0]), 0.0);
    }

    @Test
    void rangesAreHalfOpen() {
        assertArrayEquals(new double[] {0, 1, 2}, Numbers.range(0, 3), 0.0);
        assertArrayEquals(new double[] {-2, -1}, Numbers.range(-2, 0), 0.0);
        assertEquals(0, Numbers.range(4, 4).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.range(3, 1));
        assertTrue(e.getMessage().contains("the end is excluded"), e.getMessage());
    }

    @Test
    void meansAndMedians() {
        double[] v = {5, 1, 4, 2};
        assertEquals(3.0, Numbers.mean(v), 0.0);
        assertEquals(2.5, Numbers.mean(v, 1, 3), 0.0);
        assertEquals(3.0, Numbers.median(v), 0.0, "the mean of the two middle values, 2 and 4");
        assertEquals(4.0, Numbers.median(new double[] {9, 4, 1}), 0.0);
        assertArrayEquals(new double[] {5, 1, 4, 2}, v, 0.0, "the median sorts a copy");
        assertThrows(IllegalArgumentException.class, () -> Numbers.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Numbers.mean(v, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Numbers.mean(v, 0, 5));
    }

    @Test
    void columnsOfAPath() {
        double[][] path = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(new double[] {2, 4, 6}, Numbers.column(path, 1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.column(path, 2));
        assertTrue(e.getMessage().contains("row 0 has 2 values"), e.getMessage());
    }
}
