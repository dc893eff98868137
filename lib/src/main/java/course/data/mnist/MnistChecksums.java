package course.data.mnist;

import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the sha256 of the four official MNIST files that {@link Mnist} checks, one {@code NAME SHA256}
 * line each, sorted by name. {@code bin/course data} reads the same table from {@code Mnist.java}'s source
 * (so that fetching needs no build); its test runs this to check that the two readings agree.
 */
public final class MnistChecksums {
    private MnistChecksums() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("MnistChecksums takes no arguments: it prints NAME SHA256 for each MNIST file");
            System.exit(2);
        }
        for (Map.Entry<String, String> file : new TreeMap<>(Mnist.SHA256).entrySet()) {
            System.out.println(file.getKey() + " " + file.getValue());
        }
    }
}
