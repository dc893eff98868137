package course.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @TempDir
    Path dir;

    private static byte[] idx(int[] dimensions, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        return buffer.put(values).array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainAndGzippedIdxFiles() throws IOException {
        byte[] values = {1, 2, 3, 4, 5, (byte) 200};
        Files.write(dir.resolve("a"), idx(new int[] {2, 3}, values));
        Files.write(dir.resolve("b.gz"), gzip(idx(new int[] {2, 3}, values)));
        for (String name : new String[] {"a", "b.gz"}) {
            IdxFile file = IdxFile.read(dir.resolve(name));
            assertArrayEquals(new int[] {2, 3}, file.dimensions());
            assertArrayEquals(values, file.values());
        }
    }

    @Test
    void damagedFilesAreNamedWithWhatIsWrong() throws IOException {
        Path foreign = Files.write(dir.resolve("foreign"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertMessage(() -> IdxFile.read(foreign), "foreign", "not an IDX file", "magic number 50 4b 03 04");
        byte[] full = idx(new int[] {10, 4}, new byte[40]);
        Path truncated = Files.write(dir.resolve("truncated"), java.util.Arrays.copyOf(full, full.length - 7));
        assertMessage(() -> IdxFile.read(truncated), "truncated", "announces 40 values, the file holds 33");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        assertMessage(() -> IdxFile.read(tiny), "tiny is truncated");
    }

    @Test
    void aTruncatedOrCorruptedGzipFileNamesItAndTheFix() throws IOException {
        byte[] compressed = gzip(idx(new int[] {100, 28, 28}, new byte[100 * 784]));
        Path truncated = Files.write(dir.resolve("train-images-idx3-ubyte.gz"),
                java.util.Arrays.copyOf(compressed, compressed.length / 2));
        assertMessage(() -> IdxFile.read(truncated), truncated.toString(), "truncated gzip file", "bin/course data");
        byte[] damaged = compressed.clone();
        for (int i = 10; i < 40; i++) {
            damaged[i] = (byte) 0xff;  // past the 10-byte gzip header: the deflate data itself
        }
        Path corrupted = Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), damaged);
        assertMessage(() -> IdxFile.read(corrupted), corrupted.toString(), "corrupted gzip file", "bin/course data");
        assertMessage(() -> Mnist.load(dir), "bin/course data");
    }

    @Test
    void aTruncatedPlainFileSaysHowToFetchItAgain() throws IOException {
        byte[] full = idx(new int[] {10, 4}, new byte[40]);
        Path truncated = Files.write(dir.resolve("short"), java.util.Arrays.copyOf(full, full.length - 7));
        assertMessage(() -> IdxFile.read(truncated), "truncated", "bin/course data");
    }

    @Test
    void aMissingFileNamesItAndTheCommandThatFetchesIt() {
        MnistException e = assertThrows(MnistException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("train-images-idx3-ubyte").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("bin/course data"), e.getMessage());
        assertTrue(e.getMessage().contains("COURSE_MNIST_DIR"), e.getMessage());
    }

    @Test
    void aCorruptedOfficialFileFailsItsChecksum() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {1, 28, 28}, new byte[784]));
        assertMessage(() -> Mnist.load(dir), "train-images-idx3-ubyte is corrupted", "sha256",
                Mnist.SHA256.get("train-images-idx3-ubyte"), "bin/course data");
    }

    @Test
    void aCompressedCopyOfTheWrongShapeIsRefused() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx(new int[] {2, 28, 28}, new byte[2 * 784])));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(new int[] {2}, new byte[2])));
        assertMessage(() -> Mnist.load(dir), "holds images of shape [2, 28, 28], not MNIST's [60000, 28, 28]");
    }

    @Test
    void theRealDigitsWhenFetched() {
        Path real = Mnist.directory();
        Assumptions.assumeTrue(Files.isRegularFile(real.resolve("t10k-labels-idx1-ubyte")),
                "MNIST not fetched (bin/course data): the real-data check is skipped");
        Mnist.Digits digits = Mnist.load(real);
        assertEquals(60_000, digits.train().count());
        assertEquals(10_000, digits.test().count());
        int[] perClass = new int[10];
        for (int i = 0; i < 10_000; i++) {
            perClass[digits.test().label(i)]++;
        }
        // the test set's published class counts
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, perClass);
        assertEquals(7, digits.test().label(0), "the first test digit is a 7");
        course.data.Dataset small = digits.test().toDataset(100);
        assertEquals(100, small.size());
        assertEquals(784, small.featureCount());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        MnistException e = assertThrows(MnistException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message should contain '" + fragment + "': " + e.getMessage());
        }
    }
}
