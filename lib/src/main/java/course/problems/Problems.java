package course.problems;

import java.util.List;

/** The catalogue of test functions with their default settings, in the order the lessons meet them. */
public final class Problems {
    private Problems() {
    }

    /** One fresh instance of every problem with default parameters. */
    public static List<Problem> all() {
        return List.of(
                new Parabola(),
                new Risk(),
                new EmpiricalRisk(),
                Quadratic.illConditioned(),
                Quadratic.rotated(10, Math.PI / 6),
                new Rosenbrock(),
                new Beale(),
                new Himmelblau(),
                new Saddle(),
                new MonkeySaddle(),
                new Cliff(),
                new Plateau());
    }
}
