package course.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.data.mnist.Mnist;
import course.data.mnist.MnistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

class Dl4jMnistTest {
    @TempDir
    Path dir;

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Dl4jMnist.RESOURCES_PROPERTY);
    }

    @AfterEach
    void restore() {
        // the property only: resetting DL4J with none set would create ~/.deeplearning4j
        if (before == null) {
            System.clearProperty(Dl4jMnist.RESOURCES_PROPERTY);
        } else {
            System.setProperty(Dl4jMnist.RESOURCES_PROPERTY, before);
        }
    }

    @Test
    void aMissingOrCompressedFileIsNamedBeforeDl4jWouldDownloadIt() throws IOException {
        MnistException missing = assertThrows(MnistException.class, () -> Dl4jMnist.useCourseData(dir));
        assertTrue(missing.getMessage().contains("uncompressed MNIST file " + dir.resolve("train-images-idx3-ubyte")
                + " is missing"), missing.getMessage());
        assertTrue(missing.getMessage().contains("bin/course data"), missing.getMessage());
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b});
        MnistException compressed = assertThrows(MnistException.class, () -> Dl4jMnist.useCourseData(dir));
        assertTrue(compressed.getMessage().contains("only train-images-idx3-ubyte.gz is there: gunzip it"),
                compressed.getMessage());
        assertEquals(before, System.getProperty(Dl4jMnist.RESOURCES_PROPERTY), "a refused folder must not become DL4J's");
    }

    @Test
    void aCorruptedFileIsRefusedThoughDl4jWouldReadIt() throws IOException {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            Files.write(dir.resolve(name), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        }
        MnistException e = assertThrows(MnistException.class, () -> Dl4jMnist.useCourseData(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte is corrupted"), e.getMessage());
        assertEquals(before, System.getProperty(Dl4jMnist.RESOURCES_PROPERTY));
    }

    @Test
    void dl4jsIteratorReadsTheFetchedFilesAsTheCourseDoes() throws IOException {
        Path real = MnistLesson.mnistDirectory();
        Assumptions.assumeTrue(Files.isRegularFile(real.resolve("t10k-labels-idx1-ubyte")),
                "MNIST not fetched (bin/course data): DL4J's MnistDataSetIterator is not compared");
        Path home = Path.of(System.getProperty("user.home"), ".deeplearning4j");
        boolean homeFolderBefore = Files.exists(home);

        Path folder = Dl4jMnist.useCourseData(real);
        assertEquals(real.toAbsolutePath().normalize(), folder);
        assertEquals(folder.toString(), System.getProperty(Dl4jMnist.RESOURCES_PROPERTY));
        assertEquals(folder.toFile(), DL4JResources.getBaseDirectory());

        Mnist.Digits digits = Mnist.load(real);
        DataSet dl4j = new MnistDataSetIterator(64, 64).next();   // training set, file order, pixels / 255
        DataSet ours = new MnistBatches(digits.train(), 64, 64, DataType.FLOAT).batch(0);
        assertArrayEquals(new long[] {64, Mnist.PIXELS}, dl4j.getFeatures().shape());
        assertEquals(DataType.FLOAT, dl4j.getFeatures().dataType());
        assertArrayEquals(ours.getFeatures().ravel().toFloatVector(), dl4j.getFeatures().ravel().toFloatVector(),
                0f, "DL4J's pixels are byte / 255 in float, as the course's");
        assertArrayEquals(ours.getLabels().ravel().toFloatVector(), dl4j.getLabels().ravel().toFloatVector(), 0f, "one-hot labels");

        DataSet test = new MnistDataSetIterator(8, 8, false, false, false, 0).next();
        for (int i = 0; i < 8; i++) {
            assertEquals(digits.test().label(i), test.getLabels().getRow(i).argMax().getInt(0), "test label " + i);
        }
        assertEquals(7, test.getLabels().getRow(0).argMax().getInt(0), "the first test digit is a 7");
        if (!homeFolderBefore) {
            assertFalse(Files.exists(home), "DL4J must not have created " + home);
        }
    }
}
