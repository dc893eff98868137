package course.schedule;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every step of every case in golden/torch-schedules.json (written by
 * tools/golden/torch_schedules.py with PyTorch 2.x's torch.optim.lr_scheduler) against the Java schedules: to
 * 1e-10 relative, with an absolute floor of 1e-15 for values at or near 0. Options absent from a
 * case took PyTorch's default, and the Java side is then built with its own default too.
 */
class TorchGoldenTest {
    static final double RELATIVE = 1e-10;
    static final double ABSOLUTE_FLOOR = 1e-15;

    static Golden golden;
    static final Map<String, String> worst = new LinkedHashMap<>();

    static final class Golden {
        String torch_version;
        List<Case> cases;
    }

    static final class Case {
        String name;
        String scheduler;
        double lr0;
        JsonObject options;
        int steps;
        double[] lr;
        double[] momentum;
        double[] metrics;
        double[] factors;
    }

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = TorchGoldenTest.class.getResourceAsStream("/golden/torch-schedules.json")) {
            assertNotNull(in, "golden/torch-schedules.json is missing: run tools/golden/torch_schedules.py");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                golden = new Gson().fromJson(reader, Golden.class);
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("PyTorch " + golden.torch_version + " golden schedules: worst relative error per case");
        worst.forEach((name, line) -> System.out.println("  " + name + ": " + line));
    }

    @TestFactory
    Stream<DynamicTest> everyStepMatchesPyTorch() {
        return golden.cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
    }

    private static void check(Case c) {
        assertEquals(c.steps, c.lr.length, c.name + ": steps and lr list disagree");
        LearningRateSchedule schedule = build(c);
        String lrReport = compare(c.name + " lr", c.lr, schedule::learningRate);
        String line = "lr " + lrReport;
        if (c.momentum != null && Double.isNaN(schedule.momentum(0))) {
            // the schedule leaves the momentum alone (CyclicLR with cycle_momentum=False): so did PyTorch
            for (int k = 0; k < c.momentum.length; k++) {
                assertEquals(c.momentum[0], c.momentum[k], 0.0, c.name + ": PyTorch changed the momentum at step " + k);
                assertTrue(Double.isNaN(schedule.momentum(k)), c.name + ": the Java schedule sets a momentum at " + k);
            }
            line += "; momentum left alone, as in PyTorch";
        } else if (c.momentum != null) {
            line += "; momentum " + compare(c.name + " momentum", c.momentum, schedule::momentum);
        }
        worst.put(c.name, line);
    }

    interface StepFunction {
        double at(long step);
    }

    /** Fails on the first step out of tolerance; returns the worst relative error (and where). */
    static String compare(String what, double[] expected, StepFunction actual) {
        double worstRelative = 0;
        long worstStep = 0;
        double worstAbsoluteAtZero = 0;
        for (int k = 0; k < expected.length; k++) {
            double e = expected[k];
            double a = actual.at(k);
            double error = Math.abs(a - e);
            if (!(error <= Math.max(RELATIVE * Math.abs(e), ABSOLUTE_FLOOR))) {
                fail(String.format(Locale.ROOT, "%s at step %d: PyTorch %s, Java %s (relative error %.3g)", what, k,
                        e, a, error / Math.abs(e)));
            }
            if (e != 0) {
                double relative = error / Math.abs(e);
                if (relative > worstRelative) {
                    worstRelative = relative;
                    worstStep = k;
                }
            } else {
                worstAbsoluteAtZero = Math.max(worstAbsoluteAtZero, error);
            }
        }
        return String.format(Locale.ROOT, "%.2e (step %d)%s", worstRelative, worstStep,
                worstAbsoluteAtZero > 0 ? String.format(Locale.ROOT, ", abs %.1e where 0", worstAbsoluteAtZero) : "");
    }

    // ---- building the Java schedule from a case's PyTorch options ----

    static LearningRateSchedule build(Case c) {
        JsonObject o = c.options;
        double lr = c.lr0;
        switch (c.scheduler) {
            case "StepLR":
            case "MultiStepLR":
            case "ExponentialLR":
            case "PolynomialLR":
            case "CosineAnnealingLR":
            case "CosineAnnealingWarmRestarts":
            case "LinearLR":
                return simple(c.scheduler, lr, o);
            case "ChainedScheduler": {
                JsonObject linear = o.getAsJsonObject("linear");
                LearningRateSchedule inner = simple(o.get("inner").getAsString(), lr, o.getAsJsonObject("inner_options"));
                return LinearWarmup.scaling(inner, linear.get("start_factor").getAsDouble(),
                        linear.get("total_iters").getAsLong());
            }
            case "SequentialLR": {
                JsonObject linear = o.getAsJsonObject("linear");
                long milestone = o.get("milestone").getAsLong();
                long totalIters = linear.has("total_iters") ? linear.get("total_iters").getAsLong()
                        : LinearWarmup.DEFAULT_TOTAL_ITERS;
                assertEquals(totalIters, milestone, "the Java warm-up ends where the SequentialLR milestone is");
                LearningRateSchedule inner = simple(o.get("inner").getAsString(), lr, o.getAsJsonObject("inner_options"));
                return linear.has("start_factor")
                        ? LinearWarmup.before(inner, linear.get("start_factor").getAsDouble(), milestone)
                        : LinearWarmup.before(inner);
            }
            case "ConstantLR":
                return o.size() == 0 ? new ConstantWarmup(lr) : new ConstantWarmup(lr,
                        o.has("factor") ? d(o, "factor") : ConstantWarmup.DEFAULT_FACTOR,
                        o.has("total_iters") ? l(o, "total_iters") : ConstantWarmup.DEFAULT_TOTAL_ITERS);
            case "MultiplicativeLR": {
                double[] factors = c.factors;
                assertEquals(c.steps - 1, factors.length, c.name + ": one factor per step from step 1");
                return new MultiplicativeDecay(lr, k -> factors[(int) k - 1]);
            }
            case "CyclicLR":
                return cyclic(o);
            case "OneCycleLR":
                return oneCycle(o);
            case "ReduceLROnPlateau":
                return plateau(c);
            default:
                throw new AssertionError("no Java schedule for PyTorch's " + c.scheduler);
        }
    }

    static LearningRateSchedule simple(String scheduler, double lr, JsonObject o) {
        switch (scheduler) {
            case "StepLR":
                return o.has("gamma") ? new StepDecay(lr, l(o, "step_size"), d(o, "gamma"))
                        : new StepDecay(lr, l(o, "step_size"));
            case "MultiStepLR": {
                long[] milestones = new Gson().fromJson(o.get("milestones"), long[].class);
                return o.has("gamma") ? new MultiStepDecay(lr, milestones, d(o, "gamma"))
                        : new MultiStepDecay(lr, milestones);
            }
            case "ExponentialLR":
                return ExponentialDecay.pytorch(lr, d(o, "gamma"));
            case "PolynomialLR":
                if (o.has("total_iters") || o.has("power")) {
                    return PolynomialDecay.pytorch(lr, o.has("total_iters") ? l(o, "total_iters") : 5,
                            o.has("power") ? d(o, "power") : 1.0);
                }
                return PolynomialDecay.pytorch(lr);
            case "CosineAnnealingLR":
                return o.has("eta_min") ? new CosineAnnealing(lr, l(o, "T_max"), d(o, "eta_min"))
                        : new CosineAnnealing(lr, l(o, "T_max"));
            case "CosineAnnealingWarmRestarts":
                if (o.has("T_mult") || o.has("eta_min")) {
                    return new CosineWarmRestarts(lr, l(o, "T_0"), o.has("T_mult") ? l(o, "T_mult") : 1,
                            o.has("eta_min") ? d(o, "eta_min") : 0);
                }
                return new CosineWarmRestarts(lr, l(o, "T_0"));
            case "LinearLR":
                if (o.size() == 0) {
                    return LinearWarmup.linearLR(lr);
                }
                return LinearWarmup.linearLR(lr, o.has("start_factor") ? d(o, "start_factor") : 1.0 / 3,
                        o.has("end_factor") ? d(o, "end_factor") : 1.0, o.has("total_iters") ? l(o, "total_iters") : 5);
            default:
                throw new AssertionError("no Java schedule for PyTorch's " + scheduler);
        }
    }

    static Cyclic cyclic(JsonObject o) {
        Cyclic s = o.has("step_size_up") ? new Cyclic(d(o, "base_lr"), d(o, "max_lr"), l(o, "step_size_up"))
                : new Cyclic(d(o, "base_lr"), d(o, "max_lr"));
        for (String key : o.keySet()) {
            switch (key) {
                case "base_lr":
                case "max_lr":
                case "step_size_up":
                case "base_momentum":
                case "max_momentum":
                    break;
                case "step_size_down":
                    s = s.stepSizeDown(l(o, key));
                    break;
                case "mode":
                    s = s.mode(o.get(key).getAsString());
                    break;
                case "gamma":
                    s = s.gamma(d(o, key));
                    break;
                case "cycle_momentum":
                    s = s.cycleMomentum(o.get(key).getAsBoolean());
                    break;
                default:
                    throw new AssertionError("CyclicLR option " + key + " is not handled");
            }
        }
        if (o.has("base_momentum") || o.has("max_momentum")) {
            s = s.momentum(o.has("base_momentum") ? d(o, "base_momentum") : 0.8,
                    o.has("max_momentum") ? d(o, "max_momentum") : 0.9);
        }
        return s;
    }

    static OneCycle oneCycle(JsonObject o) {
        OneCycle s = new OneCycle(d(o, "max_lr"), l(o, "total_steps"));
        for (String key : o.keySet()) {
            switch (key) {
                case "max_lr":
                case "total_steps":
                case "base_momentum":
                case "max_momentum":
                    break;
                case "pct_start":
                    s = s.pctStart(d(o, key));
                    break;
                case "anneal_strategy":
                    s = s.annealStrategy(o.get(key).getAsString());
                    break;
                case "div_factor":
                    s = s.divFactor(d(o, key));
                    break;
                case "final_div_factor":
                    s = s.finalDivFactor(d(o, key));
                    break;
                case "three_phase":
                    s = s.threePhase(o.get(key).getAsBoolean());
                    break;
                default:
                    throw new AssertionError("OneCycleLR option " + key + " is not handled");
            }
        }
        if (o.has("base_momentum") || o.has("max_momentum")) {
            s = s.momentum(o.has("base_momentum") ? d(o, "base_momentum") : 0.85,
                    o.has("max_momentum") ? d(o, "max_momentum") : 0.95);
        }
        return s;
    }

    static ReduceLROnPlateau plateau(Case c) {
        JsonObject o = c.options;
        ReduceLROnPlateau s = new ReduceLROnPlateau(c.lr0);
        for (String key : o.keySet()) {
            switch (key) {
                case "mode":
                    s = s.mode(o.get(key).getAsString());
                    break;
                case "factor":
                    s = s.factor(d(o, key));
                    break;
                case "patience":
                    s = s.patience(o.get(key).getAsInt());
                    break;
                case "threshold":
                    s = s.threshold(d(o, key));
                    break;
                case "threshold_mode":
                    s = s.thresholdMode(o.get(key).getAsString());
                    break;
                case "cooldown":
                    s = s.cooldown(o.get(key).getAsInt());
                    break;
                case "min_lr":
                    s = s.minLr(d(o, key));
                    break;
                case "eps":
                    s = s.eps(d(o, key));
                    break;
                default:
                    throw new AssertionError("ReduceLROnPlateau option " + key + " is not handled");
            }
        }
        assertEquals(c.lr.length, c.metrics.length + 1, c.name + ": one lr per epoch, before and after each metric");
        for (double metric : c.metrics) {
            s.step(metric);
        }
        return s;
    }

    static double d(JsonObject o, String key) {
        return o.get(key).getAsDouble();
    }

    static long l(JsonObject o, String key) {
        return o.get(key).getAsLong();
    }

    // ---- the golden file covers what the brief asks of it ----

    @Test
    void goldenFileCoversEverySchedulerWithTwoConfigurationsOfAtLeast100Steps() {
        Map<String, Integer> perScheduler = new LinkedHashMap<>();
        for (Case c : golden.cases) {
            assertTrue(c.lr.length >= 100, c.name + " has only " + c.lr.length + " steps");
            perScheduler.merge(c.scheduler, 1, Integer::sum);
        }
        Set<String> expected = new TreeSet<>(List.of("StepLR", "MultiStepLR", "ExponentialLR", "PolynomialLR",
                "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "LinearLR", "ChainedScheduler", "SequentialLR",
                "OneCycleLR", "ReduceLROnPlateau", "ConstantLR", "MultiplicativeLR", "CyclicLR"));
        assertEquals(expected, new TreeSet<>(perScheduler.keySet()));
        perScheduler.forEach((name, count) -> assertTrue(count >= 2, name + " has " + count + " case(s)"));
    }

    @Test
    void theGoldenFileIsPyTorch2AndCyclicCoversEveryMode() {
        assertTrue(golden.torch_version.startsWith("2."), "regenerate with PyTorch 2.x, found " + golden.torch_version);
        Set<String> modes = new TreeSet<>();
        for (Case c : golden.cases) {
            if (c.scheduler.equals("CyclicLR")) {
                modes.add(c.options.has("mode") ? c.options.get("mode").getAsString() : "triangular");
                assertNotNull(c.momentum, c.name + " records the momentum");
            }
        }
        assertEquals(Set.of("triangular", "triangular2", "exp_range"), modes);
    }

    @Test
    void oneCycleCasesCoverBothStrategiesThreePhaseAndDefaults() {
        List<Case> cycles = new ArrayList<>();
        for (Case c : golden.cases) {
            if (c.scheduler.equals("OneCycleLR")) {
                cycles.add(c);
                assertNotNull(c.momentum, c.name + " records the momentum");
            }
        }
        assertTrue(cycles.stream().anyMatch(c -> c.options.size() == 2), "a case with only max_lr and total_steps");
        assertTrue(cycles.stream().anyMatch(c -> c.options.has("anneal_strategy")
                && c.options.get("anneal_strategy").getAsString().equals("linear")));
        assertTrue(cycles.stream().anyMatch(c -> !c.options.has("anneal_strategy")));
        assertTrue(cycles.stream().anyMatch(c -> c.options.has("three_phase")));
        // the momentum really cycles: from 0.95 down to 0.85 and back in the default case
        Case defaults = cycles.stream().filter(c -> c.options.size() == 2).findFirst().orElseThrow();
        double min = Double.MAX_VALUE;
        for (double m : defaults.momentum) {
            min = Math.min(min, m);
        }
        assertEquals(0.95, defaults.momentum[0], 1e-15);
        assertEquals(0.85, min, 1e-12);
        assertEquals(0.95, defaults.momentum[defaults.momentum.length - 1], 1e-12);
    }

    @Test
    void plateauCasesReduceSeveralTimesAndCoolDown() {
        int mostReductions = 0;
        boolean cooldown = false;
        for (Case c : golden.cases) {
            if (!c.scheduler.equals("ReduceLROnPlateau")) {
                continue;
            }
            ReduceLROnPlateau s = plateau(c);
            int changes = 0;
            for (int k = 1; k < c.lr.length; k++) {
                if (c.lr[k] != c.lr[k - 1]) {
                    changes++;
                }
            }
            assertEquals(changes, s.reductions(), c.name + ": the Java scheduler counts the reductions PyTorch made");
            mostReductions = Math.max(mostReductions, changes);
            cooldown |= c.options.has("cooldown") && changes >= 2;
        }
        assertTrue(mostReductions >= 3, "some metric sequence triggers several reductions");
        assertTrue(cooldown, "some case with a cooldown reduces at least twice");
    }

    @Test
    void chainableAndClosedFormsAgreePastTMaxForCosineAnnealing() {
        Case c = golden.cases.stream().filter(x -> x.name.equals("CosineAnnealingLR/T_max=100")).findFirst()
                .orElseThrow();
        assertTrue(c.lr.length > 200);
        // PyTorch climbs back after T_max: at 2*T_max it is at the initial rate again
        assertEquals(c.lr0, c.lr[200], 1e-12);
        assertEquals(0.0, c.lr[100], 1e-15);
        assertFalse(c.lr[150] < c.lr[120]);
    }
}
