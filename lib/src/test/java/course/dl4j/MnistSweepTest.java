package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.mnist.Mnist;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The sweep saves each finished (optimizer, epoch) as it completes and resumes where it stopped:
 * rows already in results.csv are skipped, an unfinished optimizer continues from its last epoch's
 * checkpoint, and the resumed epochs are exactly those of an uninterrupted run. Bad command lines
 * are refused with messages that say what to type.
 */
class MnistSweepTest {
    private static final MnistSweep.Environment HERE = new MnistSweep.Environment("test machine", "test JDK", "1.0.0-M2.1", "abc123");
    private static Mnist.Digits digits;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        digits = TestDigits.digits(96, 40); // 2 steps per epoch: 64 images, then the last 32
    }

    private MnistSweep.Options options(Path out, int epochs, String optimizers) {
        return new MnistSweep.Options(MnistOptimizer.list(optimizers), epochs, 96, 0, DataType.FLOAT, 5, out, false, false, false);
    }

    private String sweep(Path out, int epochs, String optimizers) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new MnistSweep(options(out, epochs, optimizers), new PrintStream(text, true, StandardCharsets.UTF_8), HERE).run(digits);
        return text.toString(StandardCharsets.UTF_8);
    }

    private static List<MnistResults.Row> rows(Path out) {
        return MnistResults.open(out.resolve("results.csv")).rows();
    }

    @Test
    void theMachineIsNamedByItsCpuModelAndAllItsCores() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(cpuinfo), "no /proc/cpuinfo here");
        List<String> lines = Files.readAllLines(cpuinfo);
        String model = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        long cores = Math.max(lines.stream().filter(l -> l.startsWith("processor")).count(),
                Runtime.getRuntime().availableProcessors());
        String machine = MnistSweep.machine();
        assertTrue(machine.startsWith(model + ", " + cores + " cores"), machine);
        assertTrue(machine.endsWith(" GB, " + System.getProperty("os.name")), machine);
    }

    @Test
    void anInterruptedSweepResumesWithTheSameNumbersAsAnUninterruptedOne() throws IOException {
        Path resumed = dir.resolve("resumed");
        Path straight = dir.resolve("straight");

        String first = sweep(resumed, 1, "adam,adagrad");
        assertEquals(2, rows(resumed).size(), first);
        assertTrue(Files.isRegularFile(resumed.resolve("accuracy.png")));
        String html = Files.readString(resumed.resolve("index.html"));
        assertTrue(html.contains("data:image/png;base64,iVBOR"), "the PNG is inlined");
        assertFalse(html.contains("<script"), "no scripts");
        List<String> csv = Files.readAllLines(resumed.resolve("results.csv"));
        assertEquals(String.join(",", MnistResults.COLUMNS), csv.get(0));
        assertTrue(csv.get(1).contains("test machine") && csv.get(1).contains("abc123") && csv.get(1).contains("1.0.0-M2.1"),
                csv.get(1));

        // "interrupted" after epoch 1: the second call continues both optimizers from their checkpoints
        String second = sweep(resumed, 2, "adam,adagrad");
        assertTrue(second.contains("adam: ") && second.contains("resuming after epoch 1"), second);
        assertEquals(4, rows(resumed).size());

        sweep(straight, 2, "adam,adagrad");
        for (String optimizer : List.of("adam", "adagrad")) {
            for (int epoch = 1; epoch <= 2; epoch++) {
                MnistEpoch a = find(resumed, optimizer, epoch);
                MnistEpoch b = find(straight, optimizer, epoch);
                assertEquals(b.trainLoss(), a.trainLoss(), 0.0, optimizer + " epoch " + epoch);
                assertEquals(b.trainAccuracy(), a.trainAccuracy(), 0.0);
                assertEquals(b.validationLoss(), a.validationLoss(), 0.0);
                assertEquals(b.validationAccuracy(), a.validationAccuracy(), 0.0);
            }
        }

        // everything done: nothing is trained again, the rows stay as they are
        String finished = Files.readString(resumed.resolve("results.csv"));
        String third = sweep(resumed, 2, "adam,adagrad");
        assertTrue(third.contains("adam: epochs 1-2 already in") && third.contains("adagrad: epochs 1-2 already in"), third);
        assertEquals(finished, Files.readString(resumed.resolve("results.csv")));
    }

    @Test
    void aMissingCheckpointRestartsThatOptimizerAndAShorterRunKeepsLongerResults() throws IOException {
        sweep(dir, 1, "sgd");
        try (var files = Files.walk(dir.resolve("checkpoints"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ckpt")).toList()) {
                Files.delete(file);
            }
        }
        String again = sweep(dir, 2, "sgd");
        assertFalse(again.contains("resuming"), again);
        assertEquals(2, rows(dir).size());
        String shorter = sweep(dir, 1, "sgd");
        assertTrue(shorter.contains("sgd: epochs 1-1 already in"), shorter);
        assertEquals(2, rows(dir).size(), "the rows of epoch 2 stay in the file");
    }

    @Test
    void nameAtRateRunsThatOptimizerAtAnotherLearningRate() {
        MnistOptimizer adadelta = MnistOptimizer.of("adadelta@1.0");
        assertEquals("adadelta@1.0", adadelta.name());
        assertEquals("Adadelta(learning_rate=1.0, rho=0.95, epsilon=1e-7)", adadelta.keras());
        CourseUpdater ours = (CourseUpdater) adadelta.updater();
        assertEquals(1.0, ours.optimizer().learningRate(), 0.0);
        assertTrue(ours.optimizer().toString().contains("rho=0.95, eps=1.0E-7"), "the rest as adadelta has it: " + ours.optimizer());
        assertTrue(adadelta.implementation().contains("lr=1.0"), adadelta.implementation());
        MnistOptimizer adam = MnistOptimizer.of("adam@0.003");
        assertEquals(0.003, ((org.nd4j.linalg.learning.config.Adam) adam.updater()).getLearningRate(), 0.0);
        assertEquals(0.001, ((org.nd4j.linalg.learning.config.Adam) MnistOptimizer.of("adam").updater()).getLearningRate(),
                0.0, "the named optimizer is unchanged");
        assertMessage("'adagrad@fast': the part after @ must be a learning rate", "--optimizers", "adagrad@fast");
        assertMessage("'adagrad@-1': the learning rate must be a positive number", "--optimizers", "adagrad@-1");
        assertMessage("unknown optimizer 'adagard@0.01'", "--optimizers", "adagard@0.01");
        assertMessage("adadelta-dl4j@1.0: DL4J AdaDelta", "--optimizers", "adadelta-dl4j@1.0");
    }

    private static MnistEpoch find(Path out, String optimizer, int epoch) {
        return rows(out).stream().map(MnistResults.Row::epoch)
                .filter(e -> e.optimizer().equals(optimizer) && e.epoch() == epoch).findFirst().orElseThrow();
    }

    @Test
    void badCommandLinesAreRefusedWithWhatToType() {
        assertMessage("unknown optimizer 'adamm': choose from [sgd, sgd-lib, rmsprop", "--optimizers", "adamm");
        assertMessage("--epochs 0: the number of epochs must be at least 1", "--epochs", "0");
        assertMessage("--limit 0: the number of training images must be at least 1", "--limit", "0");
        assertMessage("--limit -5: the number of training images must be at least 1", "--limit=-5");
        assertMessage("--epochs takes a whole number, got 'ten'", "--epochs", "ten");
        assertMessage("--epochs needs a value, e.g. --epochs 10", "--epochs");
        assertMessage("unknown option '--epoch'", "--epoch", "3");
        assertMessage("no optimizers given", "--optimizers", " ");
        assertMessage("--trace compares adam with adam-lib", "--trace", "--optimizers", "sgd");
        MnistSweep.Options defaults = MnistSweep.parse();
        assertEquals(List.of("adadelta", "adagrad", "adam", "rmsprop", "sgd"),
                defaults.optimizers().stream().map(MnistOptimizer::name).toList());
        assertEquals(10, defaults.epochs());
        assertEquals(60_000, defaults.limit());
        MnistSweep.Options chosen = MnistSweep.parse("--optimizers", "beyond,adam", "--epochs=2", "--limit", "500", "--double");
        assertEquals(List.of("momentum", "nesterov", "adamw", "adam"), chosen.optimizers().stream().map(MnistOptimizer::name).toList());
        assertEquals(DataType.DOUBLE, chosen.dataType());
        assertTrue(chosen.batchedConvolution(), "the course's convolution is the default");
        assertTrue(MnistSweep.parse("--batched-conv").batchedConvolution(), "the old flag still runs");
        assertFalse(MnistSweep.parse("--dl4j-conv").batchedConvolution());
        String key = MnistTraining.on(digits).key();
        assertTrue(key.endsWith(" FLOAT dropout batched-conv") && MnistLesson.FULL_SETTINGS.endsWith(" FLOAT dropout batched-conv"),
                "the lesson reads the default path's sweep: " + key);
        assertEquals(key.replace(" batched-conv", ""), MnistTraining.on(digits).batchedConvolution(false).key(),
                "DL4J's own path's results are kept apart");
        assertEquals(MnistLesson.FULL_SETTINGS.replace(" batched-conv", ""), MnistLesson.DL4J_CONVOLUTION_SETTINGS);
        assertThrows(IllegalArgumentException.class, () -> MnistTraining.on(digits).epochs(0));
        assertThrows(IllegalArgumentException.class, () -> MnistTraining.on(digits).limit(0));
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MnistSweep.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theResultsFileQuotesWhatNeedsQuotingAndRefusesForeignColumns() throws IOException {
        Path file = dir.resolve("results.csv");
        MnistResults results = MnistResults.open(file);
        MnistEpoch epoch = new MnistEpoch("adam", 1, 0.5, 0.8, 0.4, 0.85, 12.5, 100.0, 2.0, 125);
        results.add(new MnistResults.Row("images=8 val=4", "DL4J Adam(learningRate=0.001, beta1=0.9)", epoch, 1,
                "AMD EPYC, 2 cores", "JDK \"17\"", "1.0.0-M2.1", "abc", "2026-01-01T00:00:00Z"));
        MnistResults again = MnistResults.open(file);
        assertEquals(1, again.rows().size());
        assertEquals("DL4J Adam(learningRate=0.001, beta1=0.9)", again.rows().get(0).implementation());
        assertEquals("JDK \"17\"", again.rows().get(0).jdk());
        assertEquals(epoch, again.rows().get(0).epoch());
        assertEquals(1, again.epochsDone("images=8 val=4", "adam"));
        assertEquals(0, again.epochsDone("images=9 val=4", "adam"));
        Files.writeString(file, "a,b,c\n1,2,3\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MnistResults.open(file));
        assertTrue(e.getMessage().contains("move it away"), e.getMessage());
    }
}
