package course.problems;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * f(x) = ½·xᵀAx with A symmetric positive definite: the model of every smooth minimum, and the
 * problem on which the effect of the condition number κ = λmax/λmin on gradient descent can be seen
 * exactly. ∇f = Ax, ∇²f = A, the only critical point is the global minimum 0 at the origin.
 *
 * <p>Three ways to get one: {@link #illConditioned()}, the lessons' f = 0.1x² + 2y²;
 * {@link #rotated(double, double)}, a 2-D bowl with chosen κ and orientation; {@link #of}, any A.
 */
public final class Quadratic extends AbstractProblem {
    private final int n;
    private final double[] a; // row-major n × n, read in the gradient's single loop
    private final double[] eigenvalues;

    private Quadratic(String name, String formula, double[][] matrix, PlotBox box, double... start) {
        super(name, formula, checkSquare(matrix), box, start);
        this.n = matrix.length;
        this.a = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a, i * n, n);
        }
        this.eigenvalues = Spectrum.eigenvalues(matrix());
        if (!(eigenvalues[0] > 0)) {
            throw new IllegalArgumentException("A must be positive definite (every eigenvalue > 0) so that the origin is "
                    + "a minimum, but its smallest eigenvalue is " + eigenvalues[0]
                    + (eigenvalues[0] == 0 ? " (singular: the minima would fill a line)" : ""));
        }
    }

    /**
     * f = 0.1·x² + 2·y² = ½·xᵀ·diag(0.2, 4)·x: κ = 20, the valley lies along x. Start (−5, −2):
     * gradient descent zig-zags across y while it crawls along x.
     */
    public static Quadratic illConditioned() {
        return new Quadratic("ill-conditioned quadratic", "0.1·x² + 2·y²",
                new double[][]{{0.2, 0}, {0, 4}}, new PlotBox(-6, 6, -3, 3), -5, -2);
    }

    /**
     * A 2-D bowl with condition number κ whose valley floor runs at {@code angleRadians} from the x
     * axis: A = R(θ)·diag(1/κ, 1)·R(θ)ᵀ. The largest eigenvalue is 1 whatever κ, so gradient descent
     * is stable for every learning rate below 2 and only the crawl along the floor (eigenvalue 1/κ)
     * gets slower as κ grows. The start lies 2.5 down the floor and 1.5 up the steep wall:
     * −2.5·u + 1.5·v with u = (cos θ, sin θ) and v = (−sin θ, cos θ).
     */
    public static Quadratic rotated(double conditionNumber, double angleRadians) {
        if (!(conditionNumber >= 1) || Double.isInfinite(conditionNumber)) {
            throw new IllegalArgumentException("condition number must be a finite number ≥ 1, got " + conditionNumber);
        }
        if (!Double.isFinite(angleRadians)) {
            throw new IllegalArgumentException("angle must be a finite number of radians, got " + angleRadians);
        }
        double c = Math.cos(angleRadians), s = Math.sin(angleRadians), small = 1 / conditionNumber;
        double[][] matrix = {
                {small * c * c + s * s, (small - 1) * c * s},
                {(small - 1) * c * s, small * s * s + c * c}};
        String name = "quadratic (κ=" + format(conditionNumber) + ", θ=" + format(Math.toDegrees(angleRadians)) + "°)";
        return new Quadratic(name, "½·xᵀAx, A = R(θ)·diag(1/κ, 1)·R(θ)ᵀ", matrix,
                new PlotBox(-3, 3, -3, 3), -2.5 * c - 1.5 * s, -2.5 * s + 1.5 * c);
    }

    /** ½·xᵀAx for any symmetric positive definite A (any size); the start is (2, 2, …, 2). */
    public static Quadratic of(double[][] matrix) {
        double[] start = new double[checkSquare(matrix)];
        java.util.Arrays.fill(start, 2);
        return new Quadratic("quadratic (n=" + start.length + ")", "½·xᵀAx", matrix,
                new PlotBox(-3, 3, -3, 3), start);
    }

    @Override
    protected double f(double[] x) {
        double twiceF = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += a[i * n + j] * x[j];
            }
            twiceF += x[i] * row;
        }
        return 0.5 * twiceF;
    }

    @Override
    protected void fillGradient(double[] x, double[] grad) {
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += a[i * n + j] * x[j];
            }
            grad[i] = row;
        }
    }

    @Override
    protected void fillHessian(double[] x, SimpleMatrix h) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, a[i * n + j]);
            }
        }
    }

    @Override
    protected List<CriticalPoint> locateCriticalPoints() {
        return List.of(new CriticalPoint(CriticalPoint.Kind.GLOBAL_MINIMUM, new double[n], 0));
    }

    /** A copy of A. */
    public SimpleMatrix matrix() {
        SimpleMatrix m = new SimpleMatrix(n, n);
        fillHessian(null, m);
        return m;
    }

    /** The eigenvalues of A (the curvatures along its axes), smallest first, computed by EJML. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** κ = λmax / λmin. */
    public double conditionNumber() {
        return eigenvalues[n - 1] / eigenvalues[0];
    }

    private static int checkSquare(double[][] matrix) {
        if (matrix == null || matrix.length == 0) {
            throw new IllegalArgumentException("A must be a non-empty square matrix, got "
                    + (matrix == null ? "null" : "0 rows"));
        }
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i] == null || matrix[i].length != matrix.length) {
                throw new IllegalArgumentException("A must be square: it has " + matrix.length + " rows but row " + i
                        + " has " + (matrix[i] == null ? "no" : String.valueOf(matrix[i].length)) + " entries");
            }
        }
        return matrix.length;
    }

    private static String format(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
