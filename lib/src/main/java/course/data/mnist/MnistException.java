package course.data.mnist;

/** MNIST files that are missing, damaged or not MNIST; the message says which and how to fix it. */
public final class MnistException extends RuntimeException {
    static final String FETCH = "run `bin/course data` to fetch MNIST again (or set COURSE_MNIST_DIR to a folder "
            + "holding the four IDX files, .gz or not)";

    MnistException(String message) {
        super(message);
    }

    MnistException(String message, Throwable cause) {
        super(message, cause);
    }
}
