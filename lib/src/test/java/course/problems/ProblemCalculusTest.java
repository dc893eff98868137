package course.problems;

import course.NumericChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem's gradient and Hessian against finite differences, and its critical points. */
class ProblemCalculusTest {

    /** The catalogue plus non-default parameters. */
    static Stream<Problem> problems() {
        List<Problem> all = new ArrayList<>(Problems.all());
        all.add(new Rosenbrock(2, 10));
        all.add(Quadratic.rotated(100, 1.0));
        all.add(Quadratic.of(new double[][]{{3, 1, 0}, {1, 2, 0.5}, {0, 0.5, 1}}));
        all.add(new Cliff(1, 30));
        all.add(new Plateau(0.5));
        return all.stream();
    }

    /** The start, six seeded points of the box, and points next to every critical point. */
    private static List<double[]> probePoints(Problem problem) {
        List<double[]> points = new ArrayList<>();
        points.add(problem.startPoint());
        PlotBox box = problem.plotBox();
        Random random = new Random(problem.name().hashCode());
        for (int k = 0; k < 6; k++) {
            double[] p = new double[problem.dimension()];
            for (int i = 0; i < p.length; i++) {
                double from = i == 1 ? box.yMin() : box.xMin(), to = i == 1 ? box.yMax() : box.xMax();
                p[i] = from + (to - from) * random.nextDouble();
            }
            points.add(p);
        }
        for (CriticalPoint c : problem.criticalPoints()) {
            double[] p = c.point();
            for (int i = 0; i < p.length; i++) {
                p[i] += i % 2 == 0 ? 0.1 : -0.07;
            }
            points.add(p);
        }
        if (problem instanceof Cliff) { // on the wall's face, where the gradient is largest
            points.add(new double[]{-0.01, 0.2});
            points.add(new double[]{0, 0});
            points.add(new double[]{0.02, -0.3});
        }
        return points;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void gradientMatchesCentralDifferences(Problem problem) {
        for (double[] x : probePoints(problem)) {
            double[] analytic = problem.gradient(x);
            double[] numeric = NumericChecks.centralDifferences(problem::value, x, 1e-6);
            double f = Math.abs(problem.value(x));
            for (int i = 0; i < x.length; i++) {
                // FD rounding is about ε·|f|/h; truncation is relative to the gradient's size
                double tolerance = 1e-6 * Math.abs(numeric[i]) + 1e-8 * (1 + f);
                assertEquals(numeric[i], analytic[i], tolerance,
                        problem.name() + ": ∂f/∂x" + i + " at " + java.util.Arrays.toString(x));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void valueAndGradientAgreesWithValueAndGradient(Problem problem) {
        double[] x = problem.startPoint(), grad = new double[problem.dimension()];
        assertEquals(problem.value(x), problem.valueAndGradient(x, grad), 0.0);
        assertEquals(0, NumericChecks.relativeError(problem.gradient(x), grad), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void hessianMatchesDifferencesOfTheGradient(Problem problem) {
        int n = problem.dimension();
        for (double[] x : probePoints(problem)) {
            SimpleMatrix h = problem.hessian(x);
            double gradientSize = NumericChecks.maxAbs(problem.gradient(x));
            for (int j = 0; j < n; j++) {
                int column = j;
                for (int i = 0; i < n; i++) {
                    int row = i;
                    double[] numeric = NumericChecks.centralDifferences(p -> problem.gradient(p)[row], x, 1e-6);
                    double tolerance = 1e-6 * Math.abs(numeric[column]) + 1e-8 * (1 + gradientSize);
                    assertEquals(numeric[column], h.get(row, column), tolerance,
                            problem.name() + ": H[" + row + "][" + column + "] at " + java.util.Arrays.toString(x));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(h.get(i, j), h.get(j, i), 0.0, problem.name() + ": the Hessian must be symmetric");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void criticalPointsHaveZeroGradientAndTheirStatedValues(Problem problem) {
        assertFalse(problem.criticalPoints().isEmpty());
        for (CriticalPoint c : problem.criticalPoints()) {
            double[] grad = problem.gradient(c.point());
            assertTrue(NumericChecks.maxAbs(grad) < 1e-9, problem.name() + ": gradient " + java.util.Arrays.toString(grad)
                    + " at " + c);
            assertEquals(c.value(), problem.value(c.point()), 1e-12 * (1 + Math.abs(c.value())), problem.name() + ": " + c);
            assertTrue(problem.plotBox().contains(c.point()), problem.name() + ": " + c + " outside the plot box");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void hessianEigenvalueSignsMatchTheKinds(Problem problem) {
        for (CriticalPoint c : problem.criticalPoints()) {
            double[] lambda = Spectrum.eigenvalues(problem.hessian(c.point()));
            double scale = Math.max(1, NumericChecks.maxAbs(lambda));
            switch (c.kind()) {
                case GLOBAL_MINIMUM, LOCAL_MINIMUM -> assertTrue(lambda[0] > 1e-9 * scale, problem.name() + ": " + c
                        + " needs a positive definite Hessian, eigenvalues " + java.util.Arrays.toString(lambda));
                case LOCAL_MAXIMUM -> assertTrue(lambda[lambda.length - 1] < -1e-9 * scale, problem.name() + ": " + c);
                case SADDLE -> {
                    if (problem instanceof MonkeySaddle) {
                        continue; // degenerate, checked on its own
                    }
                    assertTrue(lambda[0] < -1e-9 * scale && lambda[lambda.length - 1] > 1e-9 * scale,
                            problem.name() + ": " + c + " needs eigenvalues of both signs, got "
                                    + java.util.Arrays.toString(lambda));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theGlobalMinimumIsTheLowestCriticalValueAndTheStartLiesInTheBox(Problem problem) {
        double min = problem.minimumValue();
        for (CriticalPoint c : problem.criticalPoints()) {
            assertTrue(c.value() >= min - 1e-12, problem.name() + ": " + c + " lies below the minimum " + min);
            if (c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                assertEquals(min, c.value(), 1e-12);
            }
        }
        assertTrue(problem.plotBox().contains(problem.startPoint()), problem.name());
        assertEquals(problem.minimizers().isEmpty(), min == Double.NEGATIVE_INFINITY, problem.name());
    }
}
