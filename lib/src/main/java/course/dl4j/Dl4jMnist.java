package course.dl4j;

import course.Validate;
import course.data.mnist.Mnist;
import java.nio.file.Path;
import org.deeplearning4j.common.resources.DL4JResources;

/**
 * DL4J's own way to MNIST, on the files {@code bin/course data} fetched. DL4J 1.0.0-M2.1's
 * {@code MnistDataSetIterator} looks for the four uncompressed IDX files directly in its resources
 * folder, the system property {@value #RESOURCES_PROPERTY} (default {@code ~/.deeplearning4j/}, which
 * DL4J creates as soon as the class that reads the property loads); it only checks that they exist,
 * never their content, and downloads any that is missing from DL4J's server (offline:
 * {@code UnknownHostException}). {@link #useCourseData(Path)} checks the files first and points the
 * property at the course's folder, so nothing is downloaded and nothing is written in the home folder.
 */
public final class Dl4jMnist {
    /** DL4J's resources folder ({@code DL4JSystemProperties.DL4J_RESOURCES_DIR_PROPERTY}). */
    public static final String RESOURCES_PROPERTY = "org.deeplearning4j.resources.directory";

    private Dl4jMnist() {
    }

    /** {@link #useCourseData(Path)} on {@link MnistLesson#mnistDirectory()}, where lesson 11 reads MNIST. */
    public static Path useCourseData() {
        return useCourseData(MnistLesson.mnistDirectory());
    }

    /**
     * Checks that {@code directory} holds the four official files uncompressed (sha256, as
     * {@link Mnist#plainFiles(Path)}), then makes it DL4J's resources folder for this JVM: sets
     * {@value #RESOURCES_PROPERTY}, replacing any earlier value, and has DL4J read it again. DL4J's
     * other loaders (EMNIST, Iris) then keep their files there too. Returns the folder, absolute.
     *
     * @throws course.data.mnist.MnistException naming the missing or corrupted file and the fix
     */
    public static Path useCourseData(Path directory) {
        Validate.notNull("directory", directory);
        Path folder = directory.toAbsolutePath().normalize();
        Mnist.plainFiles(folder);
        System.setProperty(RESOURCES_PROPERTY, folder.toString());
        // DL4J reads the property once, when DL4JResources loads: a JVM that loaded it earlier keeps the
        // old folder unless told to read it again
        DL4JResources.resetBaseDirectoryLocation();
        return folder;
    }
}
