package course.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import course.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/** Reads the golden reference files under src/test/resources/golden and records parity results. */
public final class Golden {
    private Golden() {
    }

    public static JsonObject load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " is missing from src/test/resources/golden: "
                        + "regenerate it with the script under tools/golden/");
            }
            return new JsonParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonElement element) {
        JsonArray array = element.getAsJsonArray();
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsDouble();
        }
        return values;
    }

    public static double[][] matrix(JsonElement element) {
        JsonArray array = element.getAsJsonArray();
        double[][] rows = new double[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(array.get(i));
        }
        return rows;
    }

    /** One test per case of a golden file's "cases" array; fails if the file holds fewer than {@code minimum}. */
    public static List<DynamicTest> caseTests(String file, int minimum, Consumer<JsonObject> replay) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement element : load(file).getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> replay.accept(c)));
        }
        Assertions.assertTrue(tests.size() >= minimum, "expected the full golden set of " + file + ", found "
                + tests.size() + " cases");
        return tests;
    }

    /**
     * Replays a recorded optimizer case (start, then per step the learning rate, the gradient the
     * framework saw and its parameters after the step) through {@code optimizer}; fails at the first
     * coordinate off by more than {@code tolerance} relative (absolute below {@code floor}); returns
     * the worst error over every step and coordinate.
     */
    public static double replaySteps(JsonObject c, Optimizer optimizer, String framework, double tolerance, double floor) {
        double[] params = vector(c.get("start"));
        double[] lrs = vector(c.get("lr"));
        double[][] grads = matrix(c.get("grad"));
        double[][] expected = matrix(c.get("params"));
        double worst = 0;
        for (int k = 0; k < grads.length; k++) {
            optimizer.setLearningRate(lrs[k]);
            optimizer.step(params, grads[k]);
            for (int i = 0; i < params.length; i++) {
                double error = relativeError(params[i], expected[k][i], floor);
                worst = Math.max(worst, error);
                if (!(error <= tolerance)) {
                    Assertions.fail(c.get("name").getAsString() + " with " + optimizer + ": step " + (k + 1)
                            + ", coordinate " + i + ": ours " + params[i] + ", " + framework + " " + expected[k][i]
                            + " (relative error " + error + ")");
                }
            }
        }
        return worst;
    }

    /** |actual − expected| relative to |expected|, with an absolute floor for values near zero. */
    public static double relativeError(double actual, double expected, double floor) {
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
    }

    /** Collects the worst error per group and writes a table under target/parity/ for the notes. */
    public static final class Report {
        private final String title;
        private final Map<String, double[]> worst = new TreeMap<>();  // group -> {cases, steps, worst}

        public Report(String title) {
            this.title = title;
        }

        public synchronized void add(String group, int steps, double worstError) {
            double[] row = worst.computeIfAbsent(group, g -> new double[3]);
            row[0] += 1;
            row[1] += steps;
            row[2] = Math.max(row[2], worstError);
        }

        public synchronized String table() {
            StringBuilder text = new StringBuilder(title + "\n");
            text.append(String.format("%-28s %6s %7s %12s%n", "group", "cases", "steps", "worst rel."));
            worst.forEach((group, row) -> text.append(String.format("%-28s %6d %7d %12.2e%n",
                    group, (long) row[0], (long) row[1], row[2])));
            return text.toString();
        }

        public synchronized void write(String fileName) {
            try {
                Path dir = Path.of("target", "parity");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(fileName), table());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
