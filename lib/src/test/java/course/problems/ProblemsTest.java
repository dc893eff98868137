package course.problems;

import course.NumericChecks;
import course.optim.GradientDescent;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each problem is known for, and the messages for bad input. */
class ProblemsTest {

    private static long count(Problem p, CriticalPoint.Kind kind) {
        return p.criticalPoints().stream().filter(c -> c.kind() == kind).count();
    }

    @Test
    void parabolaHasItsMinimumAtZero() {
        Problem p = new Parabola();
        assertEquals(1, p.dimension());
        assertEquals(2.25, p.value(new double[]{1.5}), 0.0);
        assertArrayEquals(new double[]{3}, p.gradient(new double[]{1.5}), 0.0);
        assertEquals(0, p.minimumValue(), 0.0);
        assertArrayEquals(new double[]{0}, p.minimizers().get(0), 0.0);
    }

    @Test
    void riskHasALocalMinimumLeftAndTheGlobalOneRight() {
        Risk risk = new Risk();
        assertEquals(1, count(risk, CriticalPoint.Kind.GLOBAL_MINIMUM));
        assertEquals(1, count(risk, CriticalPoint.Kind.LOCAL_MINIMUM));
        assertEquals(1, count(risk, CriticalPoint.Kind.LOCAL_MAXIMUM));
        CriticalPoint global = risk.minima().stream().filter(c -> c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM).findFirst().orElseThrow();
        CriticalPoint local = risk.minima().stream().filter(c -> c.kind() == CriticalPoint.Kind.LOCAL_MINIMUM).findFirst().orElseThrow();
        // reference values from SciPy's brentq on f′
        assertEquals(1.090408, global.point()[0], 1e-6);
        assertEquals(-1.0467211246605712, global.value(), 1e-12);
        assertEquals(-0.273853, local.point()[0], 1e-6);
        assertEquals(-0.1786025115477333, local.value(), 1e-12);
        // the interval's ends are higher than the global minimum, so it is the lowest point there
        assertTrue(risk.value(new double[]{-1}) > global.value() && risk.value(new double[]{2}) > global.value());
    }

    @Test
    void gradientDescentFromTheRiskStartGetsStuckInTheLocalMinimum() {
        Risk risk = new Risk();
        double[] x = risk.startPoint();
        GradientDescent gd = GradientDescent.textbook().learningRate(0.05);
        for (int k = 0; k < 500; k++) {
            gd.step(x, risk);
        }
        assertEquals(-0.273853, x[0], 1e-5);
    }

    @Test
    void empiricalRiskMovesTheMinimaAndAddsNewOnes() {
        EmpiricalRisk g = new EmpiricalRisk();
        assertEquals(1, count(g, CriticalPoint.Kind.GLOBAL_MINIMUM));
        assertEquals(6, count(g, CriticalPoint.Kind.LOCAL_MINIMUM));
        assertEquals(6, count(g, CriticalPoint.Kind.LOCAL_MAXIMUM));
        assertEquals(1.016983, g.minimizers().get(0)[0], 1e-6);
        assertEquals(-1.2084614338727626, g.minimumValue(), 1e-12);
        for (double x : new double[]{-1, -0.3, 0.5, 1.7}) {
            assertEquals(g.risk().value(new double[]{x}) + EmpiricalRisk.ripple(x), g.value(new double[]{x}), 1e-15);
        }
        assertTrue(g.value(new double[]{-1}) > g.minimumValue() && g.value(new double[]{2}) > g.minimumValue());
    }

    @Test
    void illConditionedQuadraticIsTheLessonsFunction() {
        Quadratic q = Quadratic.illConditioned();
        assertEquals(0.1 * 9 + 2 * 4, q.value(new double[]{3, -2}), 1e-14);
        assertArrayEquals(new double[]{0.6, -8}, q.gradient(new double[]{3, -2}), 1e-14);
        assertArrayEquals(new double[]{0.2, 4}, q.eigenvalues(), 1e-12);
        assertEquals(20, q.conditionNumber(), 1e-10);
        assertArrayEquals(new double[]{-5, -2}, q.startPoint(), 0.0);
    }

    @Test
    void rotatedQuadraticHasTheChosenConditionNumberAndOrientation() {
        double angle = Math.toRadians(30);
        Quadratic q = Quadratic.rotated(50, angle);
        assertArrayEquals(new double[]{1.0 / 50, 1}, q.eigenvalues(), 1e-12);
        assertEquals(50, q.conditionNumber(), 1e-9);
        assertEquals(50, q.matrix().conditionP2(), 1e-8); // EJML's SVD agrees
        // the valley floor (eigenvalue 1/κ) points along the angle
        SimpleMatrix floor = new SimpleMatrix(new double[]{Math.cos(angle), Math.sin(angle)});
        SimpleMatrix image = q.matrix().mult(floor);
        assertEquals(Math.cos(angle) / 50, image.get(0), 1e-14);
        assertEquals(Math.sin(angle) / 50, image.get(1), 1e-14);
        assertTrue(q.name().contains("κ=50") && q.name().contains("θ=30°"), q.name());
    }

    @Test
    void spectrumSortsAndLeavesItsInputAlone() {
        SimpleMatrix m = new SimpleMatrix(new double[][]{{5, 0, 0}, {0, -1, 0}, {0, 0, 2}});
        SimpleMatrix copy = m.copy();
        assertArrayEquals(new double[]{-1, 2, 5}, Spectrum.eigenvalues(m), 1e-12);
        assertTrue(m.isIdentical(copy, 0));
        assertEquals(5, Spectrum.conditionNumber(m), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Spectrum.conditionNumber(SimpleMatrix.diag(1, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spectrum.eigenvalues(new SimpleMatrix(new double[][]{{1, 2}, {0, 1}})));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spectrum.eigenvalues(new SimpleMatrix(2, 3)));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
    }

    @Test
    void badQuadraticsAreRejectedWithReasons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quadratic.of(new double[][]{{1, 0}, {0, -1}}));
        assertTrue(e.getMessage().contains("positive definite") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(new double[][]{{1, 0}, {0, 0}}));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(new double[][]{{1, 2}, {0, 1}}));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(new double[][]{{1, 0}, {0}}));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(new double[0][]));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.rotated(0.5, 0));
        assertTrue(e.getMessage().contains("condition number") && e.getMessage().contains("≥ 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.rotated(10, Double.NaN));
        assertTrue(e.getMessage().contains("angle"), e.getMessage());
    }

    @Test
    void rosenbrockMinimumSitsAtAAndASquared() {
        Rosenbrock r = new Rosenbrock(2, 10);
        assertArrayEquals(new double[]{2, 4}, r.minimizers().get(0), 0.0);
        assertEquals(0, r.value(new double[]{2, 4}), 0.0);
        assertArrayEquals(new double[]{-1.2, 1}, new Rosenbrock().startPoint(), 0.0);
        assertEquals(24.2, new Rosenbrock().value(new double[]{-1.2, 1}), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(-1, 100));
        assertTrue(e.getMessage().contains("a must be a positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1, 0));
        assertTrue(e.getMessage().contains("b must be a positive"), e.getMessage());
    }

    @Test
    void bealeHasOneMinimumAndTwoSaddlesInItsBox() {
        Beale b = new Beale();
        assertEquals(0, b.value(new double[]{3, 0.5}), 0.0);
        assertEquals(1, count(b, CriticalPoint.Kind.GLOBAL_MINIMUM));
        List<CriticalPoint> saddles = b.saddles();
        assertEquals(2, saddles.size());
        assertArrayEquals(new double[]{0.100538, -2.644514}, saddles.get(1).point(), 1e-6); // SciPy's fsolve
        assertEquals(9.864512284760304, saddles.get(1).value(), 1e-9);
    }

    @Test
    void himmelblauHasFourMinimaFourSaddlesAndAMaximum() {
        Himmelblau h = new Himmelblau();
        assertEquals(4, h.minimizers().size());
        assertEquals(4, h.saddles().size());
        assertEquals(1, count(h, CriticalPoint.Kind.LOCAL_MAXIMUM));
        for (double[] m : h.minimizers()) {
            assertEquals(0, h.value(m), 1e-20);
        }
        CriticalPoint max = h.criticalPoints().get(8);
        assertEquals(181.61652152257642, max.value(), 1e-9);
        // from the start (0, 0) gradient descent reaches (3, 2)
        double[] x = h.startPoint();
        GradientDescent gd = GradientDescent.textbook().learningRate(0.01);
        for (int k = 0; k < 2000; k++) {
            gd.step(x, h);
        }
        assertArrayEquals(new double[]{3, 2}, x, 1e-8);
        assertEquals(0, h.distanceToMinimizer(x), 1e-8);
    }

    @Test
    void saddleHasCurvaturesOfBothSignsAndNoMinimum() {
        Saddle s = new Saddle();
        assertArrayEquals(new double[]{-2, 2}, Spectrum.eigenvalues(s.hessian(new double[]{0, 0})), 0.0);
        assertTrue(s.minimizers().isEmpty());
        assertTrue(s.minima().isEmpty());
        assertEquals(Double.NEGATIVE_INFINITY, s.minimumValue());
        assertTrue(Double.isNaN(s.distanceToMinimizer(new double[]{1, 1})));
    }

    @Test
    void monkeySaddleIsDegenerateButGoesDownOneWay() {
        MonkeySaddle m = new MonkeySaddle();
        double[] origin = {0, 0};
        assertArrayEquals(new double[]{0, 0}, Spectrum.eigenvalues(m.hessian(origin)), 0.0);
        assertEquals(CriticalPoint.Kind.SADDLE, m.criticalPoints().get(0).kind());
        // the second-order test is silent; f itself takes both signs in every neighbourhood
        for (double t : new double[]{1e-3, 1e-1}) {
            assertTrue(m.value(new double[]{-t, 0}) < 0 && m.value(new double[]{t, 0}) > 0);
        }
        assertEquals(Double.NEGATIVE_INFINITY, m.minimumValue());
    }

    @Test
    void cliffGradientJumpsByOrdersOfMagnitudeAndCatapultsADescentStep() {
        Cliff cliff = new Cliff();
        double beforeEdge = Math.hypot(cliff.gradient(new double[]{-0.1, 0})[0], cliff.gradient(new double[]{-0.1, 0})[1]);
        double onFace = Math.abs(cliff.gradient(new double[]{0, 0})[0]);
        assertEquals(0.219, beforeEdge, 0.001); // 0.1·(−0.1 − 2) plus the wall's tail
        assertEquals(50 + 0.2, onFace, 1e-9); // H·k/4 plus the gentle slope |0.1·(0 − 2)|
        assertTrue(onFace / beforeEdge > 100);
        assertArrayEquals(new double[]{2, 0}, cliff.minimizers().get(0), 1e-12);
        assertEquals(-2, cliff.minimumValue(), 1e-15);
        double[] x = {0, 0};
        GradientDescent.textbook().learningRate(0.5).step(x, cliff);
        assertTrue(x[0] > 20, "one step from the face lands at x = " + x[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Cliff(0, 100));
        assertTrue(e.getMessage().contains("height"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Cliff(2, -1));
        assertTrue(e.getMessage().contains("steepness"), e.getMessage());
    }

    @Test
    void cliffDoesNotOverflowFarFromTheWall() {
        Cliff cliff = new Cliff(2, 1e6);
        for (double x : new double[]{-1e3, -1, 1, 1e3}) {
            double[] grad = cliff.gradient(new double[]{x, 0});
            assertTrue(Double.isFinite(cliff.value(new double[]{x, 0})) && Double.isFinite(grad[0]));
            assertTrue(Double.isFinite(cliff.hessian(new double[]{x, 0}).get(0, 0)));
        }
    }

    @Test
    void plateauGradientIsTinyAtTheStartAndTheBowlIsInTheMiddle() {
        Plateau p = new Plateau();
        double[] g = p.gradient(p.startPoint());
        double size = Math.hypot(g[0], g[1]);
        assertEquals(5 * Math.exp(-12.5), size, 1e-18);
        assertTrue(size < 2e-5);
        assertTrue(Math.hypot(p.gradient(new double[]{1, 0})[0], 0) > 0.5);
        assertArrayEquals(new double[]{1, 1}, Spectrum.eigenvalues(p.hessian(new double[]{0, 0})), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Plateau(0));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
    }

    @Test
    void problemsAreDifferentiablesForTheOptimizers() {
        Problem q = Quadratic.illConditioned();
        double[] x = q.startPoint();
        GradientDescent gd = GradientDescent.textbook().learningRate(0.4); // below 2 / λmax = 0.5
        double first = gd.step(x, q);
        assertEquals(q.value(new double[]{-5, -2}), first, 0.0);
        for (int k = 0; k < 500; k++) {
            gd.step(x, q);
        }
        assertTrue(q.distanceToMinimizer(x) < 1e-6);
    }

    @Test
    void badPointsAreRejectedWithWhatIsAllowed() {
        Problem r = new Rosenbrock();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.value(new double[3]));
        assertTrue(e.getMessage().contains("x has 3 entries") && e.getMessage().contains("2-dimensional"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.value(null));
        assertTrue(e.getMessage().contains("x must not be null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.value(new double[]{1, Double.NaN}));
        assertTrue(e.getMessage().contains("x[1] is NaN") && e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.gradient(new double[2], new double[1]));
        assertTrue(e.getMessage().contains("grad has 1 entries") && e.getMessage().contains("must have 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.hessian(new double[]{Double.POSITIVE_INFINITY, 0}));
        assertTrue(e.getMessage().contains("x[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.distanceToMinimizer(new double[1]));
        assertTrue(e.getMessage().contains("x must have 2 entries, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PlotBox(1, 0, 0, 1));
        assertTrue(e.getMessage().contains("min < max"), e.getMessage());
    }

    @Test
    void criticalPointsAreImmutableAndReadable() {
        CriticalPoint c = new Beale().minima().get(0);
        c.point()[0] = 99;
        assertEquals(3, c.point()[0], 0.0);
        assertEquals("global minimum at (3, 0.5), f = 0", c.toString());
        assertEquals(12, Problems.all().size());
        assertTrue(new Himmelblau().toString().contains("(x² + y − 11)²"));
    }

    @Test
    void gradientBufferIsOverwrittenNotAddedTo() {
        double[] grad = {100, 100};
        new Himmelblau().gradient(new double[]{3, 2}, grad);
        assertArrayEquals(new double[]{0, 0}, grad, 0.0);
        assertEquals(0, NumericChecks.maxAbs(grad), 0.0);
    }
}
