package course.problems;

/**
 * The empirical risk beside {@link Risk}: what we can actually minimize, the average loss on a finite
 * training sample, differs from the risk (the expected loss) by sampling noise. We stand that noise in
 * with one fixed, deterministic ripple, so the picture is the same on every run:
 *
 * <pre>  g(x) = x·cos(πx) + 0.2·cos(5πx)</pre>
 *
 * <p>The ripple has five times the risk's frequency and a fifth of its amplitude, small enough that
 * the curves look alike, large enough to move every minimum and to add several new ones: on [−1, 2]
 * g has seven minima, and its lowest (x ≈ 1.017, g ≈ −1.208) is not where the risk's lowest is
 * (x ≈ 1.090). g′ = f′ − π·sin(5πx), g″ = f″ − 5π²·cos(5πx).
 */
public final class EmpiricalRisk extends Curve {
    /** Height of the ripple. */
    public static final double RIPPLE_AMPLITUDE = 0.2;
    /** The ripple's frequency as a multiple of the risk's: cos(5πx). */
    public static final double RIPPLE_FREQUENCY = 5;

    private final Risk risk = new Risk();

    public EmpiricalRisk() {
        super("empirical risk", "x·cos(πx) + 0.2·cos(5πx)", new PlotBox(-1, 2, -1.5, 2.5), -0.8);
    }

    /** The ripple alone, g(x) − f(x). */
    public static double ripple(double x) {
        return RIPPLE_AMPLITUDE * Math.cos(RIPPLE_FREQUENCY * Math.PI * x);
    }

    /** The risk this is the empirical twin of. */
    public Risk risk() {
        return risk;
    }

    @Override
    double f(double x) {
        return risk.f(x) + ripple(x);
    }

    @Override
    double slope(double x) {
        double w = RIPPLE_FREQUENCY * Math.PI;
        return risk.slope(x) - RIPPLE_AMPLITUDE * w * Math.sin(w * x);
    }

    @Override
    double curvature(double x) {
        double w = RIPPLE_FREQUENCY * Math.PI;
        return risk.curvature(x) - RIPPLE_AMPLITUDE * w * w * Math.cos(w * x);
    }
}
