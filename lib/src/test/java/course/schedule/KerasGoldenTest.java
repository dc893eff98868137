package course.schedule;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every step of every case in golden/keras-schedules.json (tools/golden/keras_schedules.py: the rate a
 * real keras.optimizers.SGD read and applied at each step, Keras 3 on JAX, float64) against the Java
 * schedules in Keras's form, to 1e-10 relative with an absolute floor of 1e-15. Options absent from a
 * case took Keras's default, and the Java side is then built with its own default too.
 */
class KerasGoldenTest {
    static final double RELATIVE = 1e-10;
    static final double ABSOLUTE_FLOOR = 1e-15;

    static Golden golden;
    static final Map<String, String> worst = new LinkedHashMap<>();

    static final class Golden {
        String keras;
        String backend;
        String dtype;
        List<Case> cases;
    }

    static final class Case {
        String name;
        String schedule;
        JsonObject options;
        int steps;
        double[] lr;
        String jax_dtype;
        double[] lr_jax;
    }

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = KerasGoldenTest.class.getResourceAsStream("/golden/keras-schedules.json")) {
            assertNotNull(in, "golden/keras-schedules.json is missing: run tools/golden/keras_schedules.py");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                golden = new Gson().fromJson(reader, Golden.class);
            }
        }
        assertEquals("float64", golden.dtype);
    }

    @AfterAll
    static void report() {
        System.out.println("Keras " + golden.keras + " (" + golden.backend + ") golden schedules: worst relative error");
        worst.forEach((name, line) -> System.out.println("  " + name + ": " + line));
    }

    @TestFactory
    Stream<DynamicTest> everyStepMatchesKeras() {
        return golden.cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
    }

    private static void check(Case c) {
        assertEquals(c.steps, c.lr.length, c.name + ": steps and lr list disagree");
        LearningRateSchedule schedule = build(c);
        double worstRelative = 0;
        for (int k = 0; k < c.lr.length; k++) {
            double expected = c.lr[k], actual = schedule.learningRate(k);
            double error = Math.abs(actual - expected);
            if (!(error <= Math.max(RELATIVE * Math.abs(expected), ABSOLUTE_FLOOR))) {
                fail(String.format(Locale.ROOT, "%s at step %d: Keras %s, Java %s (relative error %.3g)", c.name, k,
                        expected, actual, error / Math.abs(expected)));
            }
            if (expected != 0) {
                worstRelative = Math.max(worstRelative, error / Math.abs(expected));
            }
        }
        String line = String.format(Locale.ROOT, "%.2e over %d steps", worstRelative, c.steps);
        if (c.lr_jax != null) {
            line += String.format(Locale.ROOT, "; Keras-on-JAX as shipped (%s inside) within %.1e of the peak",
                    c.jax_dtype, shippedDifference(c, schedule));
        }
        worst.put(c.name, line);
    }

    /**
     * Keras on JAX computes the cosine in float32 (its promotion maps float64 to float32): the shipped
     * rates differ from the float64 ones by float32 rounding, a few units of 2⁻²⁴ ≈ 6e-8 of the peak, no more.
     */
    private static double shippedDifference(Case c, LearningRateSchedule schedule) {
        double peak = 0;
        for (double v : c.lr) {
            peak = Math.max(peak, v);
        }
        double worstDifference = 0;
        for (int k = 0; k < c.lr_jax.length; k++) {
            worstDifference = Math.max(worstDifference, Math.abs(schedule.learningRate(k) - c.lr_jax[k]) / peak);
        }
        assertTrue(worstDifference < 1e-6, c.name + ": Java is " + worstDifference
                + " of the peak away from Keras-on-JAX, more than float32 rounding");
        return worstDifference;
    }

    static LearningRateSchedule build(Case c) {
        JsonObject o = c.options;
        switch (c.schedule) {
            case "ExponentialDecay":
                return ExponentialDecay.keras(d(o, "initial_learning_rate"), l(o, "decay_steps"), d(o, "decay_rate"),
                        flag(o, "staircase"));
            case "InverseTimeDecay":
                return o.has("staircase")
                        ? new InverseTimeDecay(d(o, "initial_learning_rate"), l(o, "decay_steps"), d(o, "decay_rate"),
                                flag(o, "staircase"))
                        : new InverseTimeDecay(d(o, "initial_learning_rate"), l(o, "decay_steps"), d(o, "decay_rate"));
            case "PiecewiseConstantDecay":
                return new PiecewiseConstantDecay(new Gson().fromJson(o.get("boundaries"), long[].class),
                        new Gson().fromJson(o.get("values"), double[].class));
            case "PolynomialDecay":
                if (o.keySet().equals(Set.of("initial_learning_rate", "decay_steps"))) {
                    return PolynomialDecay.keras(d(o, "initial_learning_rate"), l(o, "decay_steps"));
                }
                return PolynomialDecay.keras(d(o, "initial_learning_rate"), l(o, "decay_steps"),
                        o.has("end_learning_rate") ? d(o, "end_learning_rate") : 0.0001,
                        o.has("power") ? d(o, "power") : 1.0, flag(o, "cycle"));
            case "CosineDecay":
                if (o.has("warmup_target")) {
                    return new CosineDecay(d(o, "initial_learning_rate"), l(o, "decay_steps"),
                            o.has("alpha") ? d(o, "alpha") : 0.0, d(o, "warmup_target"), l(o, "warmup_steps"));
                }
                return o.has("alpha") ? new CosineDecay(d(o, "initial_learning_rate"), l(o, "decay_steps"), d(o, "alpha"))
                        : new CosineDecay(d(o, "initial_learning_rate"), l(o, "decay_steps"));
            case "CosineDecayRestarts":
                if (o.keySet().equals(Set.of("initial_learning_rate", "first_decay_steps"))) {
                    return new CosineDecayRestarts(d(o, "initial_learning_rate"), l(o, "first_decay_steps"));
                }
                return new CosineDecayRestarts(d(o, "initial_learning_rate"), l(o, "first_decay_steps"),
                        o.has("t_mul") ? d(o, "t_mul") : 2.0, o.has("m_mul") ? d(o, "m_mul") : 1.0,
                        o.has("alpha") ? d(o, "alpha") : 0.0);
            default:
                throw new AssertionError("no Java schedule for Keras's " + c.schedule);
        }
    }

    static double d(JsonObject o, String key) {
        return o.get(key).getAsDouble();
    }

    static long l(JsonObject o, String key) {
        return o.get(key).getAsLong();
    }

    static boolean flag(JsonObject o, String key) {
        return o.has(key) && o.get(key).getAsBoolean();
    }

    // ---- the golden file covers what the brief asks of it ----

    @Test
    void goldenFileCoversEveryKerasScheduleAndItsBranches() {
        Map<String, Integer> perSchedule = new LinkedHashMap<>();
        for (Case c : golden.cases) {
            assertTrue(c.lr.length >= 100, c.name + " has only " + c.lr.length + " steps");
            perSchedule.merge(c.schedule, 1, Integer::sum);
        }
        assertEquals(new TreeSet<>(List.of("ExponentialDecay", "InverseTimeDecay", "PiecewiseConstantDecay",
                "PolynomialDecay", "CosineDecay", "CosineDecayRestarts")), new TreeSet<>(perSchedule.keySet()));
        perSchedule.forEach((name, count) -> assertTrue(count >= 2, name + " has " + count + " case(s)"));
        assertTrue(has("ExponentialDecay", "staircase") && has("InverseTimeDecay", "staircase"));
        assertTrue(has("PolynomialDecay", "cycle") && has("PolynomialDecay", "power"));
        assertTrue(has("CosineDecay", "warmup_target") && has("CosineDecay", "alpha"));
        assertTrue(has("CosineDecayRestarts", "t_mul") && has("CosineDecayRestarts", "m_mul")
                && has("CosineDecayRestarts", "alpha"));
        // the defaults are exercised too: a case with nothing but the required arguments
        assertTrue(golden.cases.stream().anyMatch(c -> c.schedule.equals("CosineDecayRestarts") && c.options.size() == 2));
        assertTrue(golden.cases.stream().anyMatch(c -> c.schedule.equals("PolynomialDecay") && c.options.size() == 2));
    }

    private static boolean has(String schedule, String option) {
        return golden.cases.stream().anyMatch(c -> c.schedule.equals(schedule) && c.options.has(option)
                && !c.options.get(option).toString().equals("false"));
    }

    @Test
    void piecewiseConstantChangesOneStepAfterEachBoundary() {
        Case c = golden.cases.stream().filter(x -> x.name.equals("PiecewiseConstantDecay/[10,25,60]")).findFirst()
                .orElseThrow();
        assertEquals(0.1, c.lr[10], 0.0, "Keras keeps values[0] at the boundary step itself");
        assertEquals(0.05, c.lr[11], 0.0, "and changes at boundary + 1");
        assertEquals(0.001, c.lr[61], 0.0);
        // PyTorch's MultiStepLR changes at the milestone: the Keras boundaries are the milestones minus 1
        MultiStepDecay torch = new MultiStepDecay(0.1, new long[] {11, 26, 61}, 0.5);
        PiecewiseConstantDecay keras = new PiecewiseConstantDecay(new long[] {10, 25, 60}, 0.1, 0.05, 0.025, 0.0125);
        for (int k = 0; k < 100; k++) {
            assertEquals(torch.learningRate(k), keras.learningRate(k), 1e-17, "step " + k);
        }
    }

    @Test
    void restartsPeaksShrinkByMMulButTheFloorDoesNot() {
        Case c = golden.cases.stream()
                .filter(x -> x.name.equals("CosineDecayRestarts/0.1,S=10,t_mul=1,m_mul=0.8,alpha=0.1")).findFirst()
                .orElseThrow();
        // cycle i starts at 0.1 * (0.9 * 0.8^i + 0.1); each ends near the floor 0.1 * 0.1, unscaled
        for (int i = 0; i < 10; i++) {
            assertEquals(0.1 * (0.9 * Math.pow(0.8, i) + 0.1), c.lr[10 * i], 1e-15, "peak of cycle " + i);
        }
        double floor = 0.01;
        assertTrue(c.lr[99] > floor && c.lr[99] - floor < 0.1 * 0.9 * Math.pow(0.8, 9) * 0.03, "last step near the floor");
    }

    @Test
    void restartsEqualPyTorchsWarmRestartsWhenThePeaksDoNotShrink() {
        // m_mul = 1, whole t_mul: Keras's SGDR is PyTorch's CosineAnnealingWarmRestarts with eta_min = alpha * lr0
        CosineDecayRestarts keras = new CosineDecayRestarts(0.1, 10, 2, 1, 0.05);
        CosineWarmRestarts torch = new CosineWarmRestarts(0.1, 10, 2, 0.005);
        for (int k = 0; k < 700; k++) {
            assertEquals(torch.learningRate(k), keras.learningRate(k), 1e-15, "step " + k);
        }
        assertEquals(0.1, keras.learningRate(30), 1e-15, "a restart at 10 + 20");
        assertEquals(0.1, keras.learningRate(310), 1e-15, "and at 10 + 20 + 40 + 80 + 160");
    }
}
