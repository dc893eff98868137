package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLessonTest {
    @Test
    void sourceLogsHoldTheIssuesHeadlineNumbers() {
        assertEquals(50, MnistLesson.source().size());
        assertEquals(Map.of("adadelta", 0.8337, "adagrad", 0.9282, "adam", 0.9886, "rmsprop", 0.9860, "sgd", 0.9681),
                MnistLesson.sourceFinalAccuracy());
        assertEquals(0.9788, MnistLesson.sourceAccuracy("adam", 1));
        // the source's totals, by hand from its logs: RMSprop 435 s, Adam 347 s, SGD 335 s
        assertEquals(435, MnistLesson.sourceSeconds("rmsprop", 1, 10), 1e-9);
        assertEquals(347, MnistLesson.sourceSeconds("adam", 1, 10), 1e-9);
        assertEquals(335, MnistLesson.sourceSeconds("sgd", 1, 10), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MnistLesson.source("momentum"));
    }

    @Test
    void rankingAndComparisonTable() {
        Map<String, Double> ours = Map.of("adam", 0.99, "sgd", 0.97, "adadelta", 0.80);
        assertEquals(List.of("adam", "sgd", "adadelta"), MnistLesson.ranking(ours));
        var table = MnistLesson.comparison(ours, "ours");
        assertEquals(3, table.rowCount());
        assertEquals("adadelta", table.get(0, 0));
        assertEquals(-3.37, (double) table.get(0, 3), 1e-9);
        assertEquals(3, table.get(0, 4));
        assertEquals(5, table.get(0, 5));
    }

    @Test
    void aSweepCountsOnlyWhenEveryOptimizerHasTenFullEpochs(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("bin/course"), "#!/bin/sh\n");
        Path file = dir.resolve("target/mnist/results.csv");
        Files.createDirectories(file.getParent());
        MnistResults results = MnistResults.open(file);
        for (String name : List.of("adam", "sgd")) {
            for (int e = 1; e <= (name.equals("sgd") ? 9 : 10); e++) {
                results.add(row(MnistLesson.FULL_SETTINGS, name, e));
            }
        }
        results.add(row("images=5000 val=10000 batch=64 seed=1 FLOAT dropout", "sgd", 10));
        assertEquals(dir, MnistLesson.checkoutAbove(dir.resolve("notebooks")).orElseThrow());
        assertEquals(file, MnistLesson.resultsFile(dir).orElseThrow());
        assertTrue(MnistLesson.completeSweep(file, List.of("adam", "sgd")).isEmpty(), "sgd has 9 full epochs");
        assertEquals(10, MnistLesson.completeSweep(file, List.of("adam")).orElseThrow().size());
        assertEquals(Map.of("adam", 10, "sgd", 9), MnistLesson.progress(file));
        assertTrue(MnistLesson.completeSweep(file, MnistLesson.DL4J_CONVOLUTION_SETTINGS, List.of("adam")).isEmpty(),
                "the default path's rows are not DL4J's own path's");
        for (int e = 1; e <= 10; e++) {
            results.add(row(MnistLesson.DL4J_CONVOLUTION_SETTINGS, "adam", e));
        }
        assertEquals(MnistLesson.DL4J_CONVOLUTION_SETTINGS,
                MnistLesson.completeSweep(file, MnistLesson.DL4J_CONVOLUTION_SETTINGS, List.of("adam")).orElseThrow().get(0).settings());

        results.add(row(MnistLesson.FULL_SETTINGS, "sgd", 10));
        List<MnistResults.Row> rows = MnistLesson.completeSweep(file, List.of("adam", "sgd")).orElseThrow();
        assertEquals(20, rows.size());
        assertEquals("sgd", rows.get(19).epoch().optimizer());
        assertEquals(10, rows.get(19).epoch().epoch());

        Path committed = dir.resolve("data/results/mnist-results.csv");
        Files.createDirectories(committed.getParent());
        Files.copy(file, committed);
        assertEquals(committed, MnistLesson.resultsFile(dir).orElseThrow(),
                "the committed results come first");
    }

    @Test
    void theCheckoutIsFoundFromLibsOwnClassesWhenTheWorkingDirectoryIsElsewhere() {
        // the tests run inside the checkout, so either way it is the folder with bin/course
        Path root = MnistLesson.checkout();
        assertTrue(Files.isRegularFile(root.resolve("bin/course")), root.toString());
        assertTrue(MnistLesson.checkoutAbove(Path.of("/")).isEmpty());
    }

    private static MnistResults.Row row(String settings, String optimizer, int epoch) {
        MnistEpoch e = new MnistEpoch(optimizer, epoch, 0.5, 0.8, 0.4, 0.9 + epoch / 1000.0, 90, 96, 4, 938);
        return new MnistResults.Row(settings, "test", e, 1, "machine", "jdk", "dl4j", "git", "2026-01-01T00:00:00Z");
    }
}
