package course.schedule;

import course.optim.GradientDescent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad argument is refused with an IllegalArgumentException that says what is wrong. */
class BadInputTest {

    static void refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void learningRates() {
        refused(() -> new ConstantSchedule(-0.1), "learning rate must be a positive finite number", "-0.1");
        refused(() -> new ConstantSchedule(Double.NaN), "learning rate", "NaN");
        refused(() -> new ConstantSchedule(0), "learning rate", "0.0");
        refused(() -> new StepDecay(Double.POSITIVE_INFINITY, 10), "learning rate", "Infinity");
        refused(() -> new OneCycle(-0.1, 100), "max_lr must be a positive finite number", "-0.1");
        refused(() -> new ReduceLROnPlateau(Double.NaN), "learning rate", "NaN");
        refused(() -> new CosineDecay(0.0, 10), "initial learning rate must be a positive finite number", "0.0");
        refused(() -> new CosineDecay(-0.1, 10, 0, 0.1, 5), "initial learning rate must be a finite number ≥ 0");
    }

    @Test
    void steps() {
        refused(() -> new ConstantSchedule(0.1).learningRate(-1), "step must be ≥ 0", "got -1");
        refused(() -> new CosineAnnealing(0.1, 10).learningRate(-5), "step must be ≥ 0", "got -5");
        refused(() -> ExponentialDecay.keras(0.1, 10, 0.9).learningRate(Long.MIN_VALUE), "step must be ≥ 0");
        refused(() -> new OneCycle(0.1, 100).learningRate(100), "step 100 is past the cycle", "steps 0 to 99");
        refused(() -> new OneCycle(0.1, 100).momentum(-1), "step must be ≥ 0");
        refused(() -> new ConstantSchedule(0.1).learningRates(-1), "steps must be ≥ 0", "got -1");
    }

    @Test
    void periods() {
        refused(() -> new LinearDecay(0.1, 0.001, 0), "τ", "must be at least 1 step, got 0");
        refused(() -> new StepDecay(0.1, 0), "step_size must be at least 1 step, got 0");
        refused(() -> ExponentialDecay.keras(0.1, 0, 0.9), "decay_steps must be at least 1 step, got 0");
        refused(() -> new InverseTimeDecay(0.1, -3, 0.5), "decay_steps must be at least 1 step, got -3");
        refused(() -> PolynomialDecay.pytorch(0.1, 0, 1.0), "total_iters must be at least 1 step, got 0");
        refused(() -> PolynomialDecay.keras(0.1, 0), "decay_steps must be at least 1 step");
        refused(() -> new CosineAnnealing(0.1, 0), "T_max must be at least 1 step, got 0");
        refused(() -> new CosineDecay(0.1, 0), "decay_steps must be at least 1 step");
        refused(() -> new CosineDecay(0.0, 10, 0, 0.1, 0), "warmup_steps must be at least 1 step, got 0");
        refused(() -> new CosineWarmRestarts(0.1, 0), "T_0 must be at least 1 step, got 0");
        refused(() -> new CosineWarmRestarts(0.1, 10, 0, 0), "T_mult must be a whole number ≥ 1", "got 0");
        refused(() -> LinearWarmup.linearLR(0.1, 0.5, 1, 0), "total_iters must be at least 1 step, got 0");
        refused(() -> LinearWarmup.before(new ConstantSchedule(0.1), 0.5, -2), "total_iters must be at least 1");
        refused(() -> new OneCycle(0.1, 0), "total_steps must be at least 1 step, got 0");
    }

    @Test
    void decayFactors() {
        refused(() -> new StepDecay(0.1, 10, 1.5), "gamma must lie in (0, 1]", "got 1.5");
        refused(() -> new StepDecay(0.1, 10, 0), "gamma must lie in (0, 1]", "got 0.0");
        refused(() -> new MultiStepDecay(0.1, new long[] {10}, -0.1), "gamma must lie in (0, 1]");
        refused(() -> ExponentialDecay.pytorch(0.1, 1.01), "gamma must lie in (0, 1]", "1.01");
        refused(() -> ExponentialDecay.keras(0.1, 10, Double.NaN), "decay_rate must lie in (0, 1]", "NaN");
        refused(() -> new InverseTimeDecay(0.1, 1, -0.5), "decay_rate must be a finite number ≥ 0", "-0.5");
        refused(() -> PolynomialDecay.pytorch(0.1, 10, 0.0), "power must be a positive finite number", "0.0");
        refused(() -> PolynomialDecay.keras(0.1, 10, -1e-4, 1, false), "end_learning_rate must be a finite number ≥ 0");
        refused(() -> new CosineDecay(0.1, 10, 1.5), "alpha must lie in [0, 1]", "1.5");
        refused(() -> new CosineDecay(0.0, 10, 0, -0.1, 5), "warmup_target must be a positive finite number");
        refused(() -> new LinearDecay(0.1, -0.001, 10), "final learning rate ε_τ must be a positive finite number");
    }

    @Test
    void milestones() {
        refused(() -> new MultiStepDecay(0.1, 30, 20), "milestones must be strictly increasing", "[30, 20]");
        refused(() -> new MultiStepDecay(0.1, 30, 30), "milestones must be strictly increasing", "[30, 30]");
        refused(() -> new MultiStepDecay(0.1), "milestones must list at least one step", "none");
        refused(() -> new MultiStepDecay(0.1, (long[]) null, 0.1), "milestones must list at least one step", "null");
        refused(() -> new MultiStepDecay(0.1, -5, 10), "milestones[0] must be ≥ 0, got -5");
    }

    @Test
    void etaMin() {
        refused(() -> new CosineAnnealing(0.1, 10, 0.2), "eta_min (0.2) must not exceed the learning rate (0.1)");
        refused(() -> new CosineAnnealing(0.1, 10, -0.01), "eta_min must be a finite number ≥ 0", "-0.01");
        refused(() -> new CosineWarmRestarts(0.1, 10, 1, 0.5), "eta_min (0.5) must not exceed the learning rate");
    }

    @Test
    void warmup() {
        refused(() -> LinearWarmup.linearLR(0.1, 0, 1, 5), "start_factor must lie in (0, 1]", "got 0.0");
        refused(() -> LinearWarmup.linearLR(0.1, 1.5, 1, 5), "start_factor must lie in (0, 1]", "got 1.5");
        refused(() -> LinearWarmup.linearLR(0.1, 0.5, 0, 5), "end_factor must lie in (0, 1]");
        refused(() -> LinearWarmup.scaling(null, 0.1, 5), "the schedule to warm up must not be null");
        refused(() -> LinearWarmup.linearLR(0.1).factor(-1), "step must be ≥ 0");
    }

    @Test
    void oneCycle() {
        OneCycle ok = new OneCycle(0.1, 100);
        for (double pct : new double[] {0, 1, 1.5, -0.3, Double.NaN}) {
            refused(() -> ok.pctStart(pct), "pct_start must lie strictly between 0 and 1", "got " + pct);
        }
        refused(() -> new OneCycle(0.1, 10).pctStart(0.05), "pct_start × total_steps must exceed 1",
                "0.05 × 10 = 0.5");
        refused(() -> new OneCycle(0.1, 2), "pct_start × total_steps must exceed 1", "0.3 × 2");
        refused(() -> ok.threePhase(true).pctStart(0.6), "with three_phase", "2 × pct_start × total_steps − 2 = 118",
                "pct_start below about 0.5");
        refused(() -> ok.annealStrategy("cosine"), "anneal_strategy must be 'cos' or 'linear', got 'cosine'");
        refused(() -> ok.annealStrategy((OneCycle.Anneal) null), "anneal_strategy must not be null");
        refused(() -> ok.momentum(0.95, 0.85), "base_momentum (0.95) must not exceed max_momentum (0.85)");
        refused(() -> ok.momentum(0.85, 1.0), "max_momentum must lie in [0, 1)", "1.0");
        refused(() -> ok.momentum(-0.1, 0.9), "base_momentum must lie in [0, 1)");
        refused(() -> ok.divFactor(0), "div_factor must be a positive finite number");
        refused(() -> ok.finalDivFactor(-1e4), "final_div_factor must be a positive finite number");
    }

    @Test
    void plateau() {
        ReduceLROnPlateau ok = new ReduceLROnPlateau(0.1);
        refused(() -> ok.factor(1.0), "factor must lie strictly between 0 and 1", "got 1.0");
        refused(() -> ok.factor(1.5), "factor must lie strictly between 0 and 1", "got 1.5");
        refused(() -> ok.factor(0), "factor must lie strictly between 0 and 1", "got 0.0");
        refused(() -> ok.mode("minimum"), "mode must be 'min'", "'max'", "got 'minimum'");
        refused(() -> ok.mode((ReduceLROnPlateau.Mode) null), "mode must not be null");
        refused(() -> ok.thresholdMode("relative"), "threshold_mode must be 'rel'", "'abs'", "got 'relative'");
        refused(() -> ok.patience(-1), "patience must be ≥ 0, got -1");
        refused(() -> ok.cooldown(-2), "cooldown must be ≥ 0, got -2");
        refused(() -> ok.threshold(-1e-4), "threshold must be a finite number ≥ 0");
        refused(() -> ok.threshold(1.0), "threshold must be below 1 with threshold_mode 'rel'");
        refused(() -> ok.minLr(-1), "min_lr must be a finite number ≥ 0");
        refused(() -> ok.eps(Double.NaN), "eps must be a finite number ≥ 0");
        refused(() -> ok.step(Double.NaN), "metric is NaN", "finite");
        refused(() -> ok.step(Double.POSITIVE_INFINITY), "metric is Infinity");
        ReduceLROnPlateau fed = new ReduceLROnPlateau(0.1);
        fed.step(1.0);
        fed.step(0.9);
        refused(() -> fed.learningRate(5), "epoch 5 is not known yet", "fed 2 metric value(s)", "epochs 0 to 2");
        refused(() -> fed.step(1.0, null), "optimizer must not be null");
    }

    @Test
    void applying() {
        GradientDescent gd = GradientDescent.textbook().learningRate(0.1);
        refused(() -> new ConstantSchedule(0.1).applyTo(null, 0), "optimizer must not be null");
        LearningRateSchedule negative = k -> -0.1;
        refused(() -> negative.applyTo(gd, 0), "learning rate -0.1 at step 0", "finite learning rate ≥ 0");
        LearningRateSchedule broken = k -> Double.NaN;
        refused(() -> broken.applyTo(gd, 3), "learning rate NaN at step 3");
    }

    @Test
    void robbinsMonro() {
        refused(() -> RobbinsMonro.check(new ConstantSchedule(0.1), 2), "decades must be between 3 and 9", "got 2");
        refused(() -> RobbinsMonro.check(new ConstantSchedule(0.1), 10), "decades must be between 3 and 9", "got 10");
        refused(() -> RobbinsMonro.check(new ConstantSchedule(0.1), 3, 0), "tolerance must lie strictly between 0 and 1");
        refused(() -> RobbinsMonro.check(null), "schedule must not be null");
        refused(() -> RobbinsMonro.check(k -> k == 7 ? Double.NaN : 0.1, 3), "learning rate NaN at step 7");
        refused(() -> RobbinsMonro.check(new OneCycle(0.1, 100), 3), "step 100 is past the cycle");
    }
}
