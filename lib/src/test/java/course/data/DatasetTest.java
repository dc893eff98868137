package course.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    /** n rows of 2 features: (i, 10·i), target i/2; feature 0 identifies the row. */
    private static Dataset numbered(int n) {
        double[] x = new double[2 * n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i / 2.0;
        }
        return Dataset.regression(x, 2, y, "id", "ten");
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void storesRowsRowMajorWithNamesAndTargets() {
        Dataset d = numbered(4);
        assertEquals(4, d.size());
        assertEquals(2, d.featureCount());
        assertFalse(d.isClassification());
        assertEquals(0, d.classCount());
        assertEquals(30, d.feature(3, 1), 0.0);
        assertEquals(1.5, d.target(3), 0.0);
        assertArrayEquals(new double[]{2, 20}, d.row(2), 0.0);
        assertEquals(java.util.List.of("id", "ten"), d.featureNames());
        assertEquals(2 * 1 + 20 * 0.5, d.dot(2, new double[]{9, 1, 0.5}, 1), 0.0);
        double[] into = {1, 1, 1};
        d.addScaledRow(3, 2, into, 1);
        assertArrayEquals(new double[]{1, 7, 61}, into, 0.0);
        assertEquals("regression data set: 4 rows × 2 features", d.toString());
    }

    @Test
    void isImmutableAgainstTheCallersArraysAndItsCopies() {
        double[] x = {1, 2}, y = {3};
        Dataset d = Dataset.regression(x, 2, y);
        x[0] = 99;
        y[0] = 99;
        d.features()[1] = 99;
        d.targets()[0] = 99;
        assertArrayEquals(new double[]{1, 2}, d.features(), 0.0);
        assertEquals(3, d.target(0), 0.0);
        assertEquals(java.util.List.of("x0", "x1"), d.featureNames());
    }

    @Test
    void classificationKeepsLabels() {
        Dataset d = Dataset.classification(new double[]{0, 1, 2}, 1, new int[]{2, 0, 1}, 3);
        assertTrue(d.isClassification());
        assertEquals(3, d.classCount());
        assertEquals(2, d.label(0));
        assertEquals(2.0, d.target(0), 0.0);
        assertArrayEquals(new int[]{2, 0, 1}, d.labels());
        assertEquals("classification data set: 3 rows × 1 features, 3 classes", d.toString());
    }

    @Test
    void badDataSetsAreRejectedWithWhatIsAllowed() {
        assertTrue(message(() -> Dataset.regression(new double[0], 2, new double[0])).contains("empty"));
        assertTrue(message(() -> Dataset.regression(null, 2, new double[0])).contains("features must not be null"));
        assertTrue(message(() -> Dataset.regression(new double[4], 0, new double[4])).contains("feature count must be at least 1"));
        String m = message(() -> Dataset.regression(new double[5], 2, new double[2]));
        assertTrue(m.contains("5 values") && m.contains("multiple"), m);
        m = message(() -> Dataset.regression(new double[4], 2, new double[3]));
        assertTrue(m.contains("2 rows") && m.contains("targets has 3") && m.contains("one target per row"), m);
        m = message(() -> Dataset.regression(new double[]{0, 1, Double.NaN, 3}, 2, new double[2]));
        assertTrue(m.contains("features[row 1, column 0] is NaN") && m.contains("finite"), m);
        m = message(() -> Dataset.regression(new double[]{0, 1}, 1, new double[]{0, Double.POSITIVE_INFINITY}));
        assertTrue(m.contains("targets[1] is Infinity"), m);
        m = message(() -> Dataset.classification(new double[]{0, 1}, 1, new int[]{0, 2}, 2));
        assertTrue(m.contains("labels[1] is 2") && m.contains("0 … 1"), m);
        m = message(() -> Dataset.classification(new double[]{0, 1}, 1, new int[]{0, 0}, 1));
        assertTrue(m.contains("class count must be at least 2"), m);
        m = message(() -> Dataset.classification(new double[]{0, 1}, 1, new int[]{0}, 2));
        assertTrue(m.contains("one label per row"), m);
        m = message(() -> Dataset.regression(new double[]{0, 1}, 2, new double[1], "only one"));
        assertTrue(m.contains("1 feature names given for 2 features"), m);
    }

    @Test
    void outOfRangeRowsAndColumnsAreRejected() {
        Dataset d = numbered(3);
        String m = message(() -> d.feature(3, 0));
        assertTrue(m.contains("row 3 is out of range") && m.contains("0 … 2"), m);
        m = message(() -> d.feature(0, 2));
        assertTrue(m.contains("column 2 is out of range") && m.contains("0 … 1"), m);
        assertTrue(message(() -> d.target(-1)).contains("row -1"));
        assertTrue(message(() -> d.dot(5, new double[2], 0)).contains("row 5"));
        assertTrue(message(() -> d.label(0)).contains("regression data set"));
        m = message(() -> d.subset(0, 7));
        assertTrue(m.contains("rows[1] is 7") && m.contains("0 … 2"), m);
        assertTrue(message(() -> d.subset()).contains("empty"));
    }

    @Test
    void subsetKeepsOrderAndRepeats() {
        Dataset s = numbered(5).subset(4, 1, 4);
        assertEquals(3, s.size());
        assertArrayEquals(new double[]{4, 40, 1, 10, 4, 40}, s.features(), 0.0);
        assertArrayEquals(new double[]{2, 0.5, 2}, s.targets(), 0.0);
        assertEquals(java.util.List.of("id", "ten"), s.featureNames());
    }

    @Test
    void splitPartitionsTheRowsReproducibly() {
        Dataset d = numbered(100);
        Dataset.Split a = d.split(0.8, 7), b = d.split(0.8, 7), c = d.split(0.8, 8);
        assertEquals(80, a.train().size());
        assertEquals(20, a.validation().size());
        Set<Double> ids = new HashSet<>();
        for (Dataset part : new Dataset[]{a.train(), a.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(ids.add(part.feature(i, 0)), "row used twice");
                assertEquals(part.feature(i, 0) / 2, part.target(i), 0.0); // targets travel with their rows
            }
        }
        assertEquals(100, ids.size());
        assertArrayEquals(a.train().features(), b.train().features(), 0.0);
        assertFalse(Arrays.equals(a.train().features(), c.train().features()));
        int[] first80 = java.util.stream.IntStream.range(0, 80).toArray();
        assertFalse(Arrays.equals(d.subset(first80).features(), a.train().features()), "the rows are shuffled");
    }

    @Test
    void badSplitsAreRejected() {
        Dataset d = numbered(10);
        for (double f : new double[]{0, 1, -0.5, 1.5, Double.NaN}) {
            String m = message(() -> d.split(f, 1));
            assertTrue(m.contains("train fraction") && m.contains("strictly between 0 and 1"), m);
        }
        String m = message(() -> d.split(0.01, 1));
        assertTrue(m.contains("training") && m.contains("empty"), m);
        m = message(() -> d.split(0.99, 1));
        assertTrue(m.contains("validation") && m.contains("empty"), m);
        m = message(() -> numbered(1).split(0.5, 1));
        assertTrue(m.contains("one row cannot be split"), m);
    }

    @Test
    void standardizerUsesTrainingStatisticsOnly() {
        double[] x = {1, 5, 3, 5, 5, 5, 7, 5};   // feature 0: 1 3 5 7; feature 1 constant
        Dataset train = Dataset.regression(x, 2, new double[4]);
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[]{4, 5}, s.means(), 1e-15);
        assertArrayEquals(new double[]{Math.sqrt(5), 1}, s.scales(), 1e-15);
        Dataset t = s.transform(train);
        double mean = 0, square = 0;
        for (int i = 0; i < 4; i++) {
            mean += t.feature(i, 0) / 4;
            square += t.feature(i, 0) * t.feature(i, 0) / 4;
            assertEquals(0, t.feature(i, 1), 0.0); // the constant feature becomes 0, not NaN
        }
        assertEquals(0, mean, 1e-15);
        assertEquals(1, square, 1e-15);
        Dataset other = Dataset.regression(new double[]{9, 6}, 2, new double[]{1});
        assertArrayEquals(new double[]{5 / Math.sqrt(5), 1}, s.transform(other).features(), 1e-15);
        assertEquals(1, s.transform(other).target(0), 0.0);
        String m = message(() -> s.transform(Dataset.regression(new double[]{1}, 1, new double[1])));
        assertTrue(m.contains("fitted on 2 features") && m.contains("has 1"), m);
        Dataset.Split both = Standardizer.standardize(numbered(10).split(0.5, 3));
        assertEquals(5, both.train().size());
    }
}
