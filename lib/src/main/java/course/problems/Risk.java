package course.problems;

/**
 * The "risk" of the optimization-intro literature, f(x) = x·cos(πx), on the interval [−1, 2]: a
 * local minimum near x ≈ −0.274 (f ≈ −0.179), a local maximum near 0.274 and the global minimum near
 * x ≈ 1.090 (f ≈ −1.047). On the whole line f is unbounded below; the lessons only look at the
 * interval, so the critical points are those inside it.
 *
 * <p>f′ = cos(πx) − πx·sin(πx), f″ = −2π·sin(πx) − π²x·cos(πx). The suggested start, x = −0.8, runs
 * downhill into the local minimum: the picture of "stuck in a local minimum".
 *
 * @see EmpiricalRisk the same curve with the wiggles a finite sample adds
 */
public final class Risk extends Curve {

    public Risk() {
        super("risk", "x·cos(πx)", new PlotBox(-1, 2, -1.5, 2.5), -0.8);
    }

    @Override
    double f(double x) {
        return x * Math.cos(Math.PI * x);
    }

    @Override
    double slope(double x) {
        return Math.cos(Math.PI * x) - Math.PI * x * Math.sin(Math.PI * x);
    }

    @Override
    double curvature(double x) {
        return -2 * Math.PI * Math.sin(Math.PI * x) - Math.PI * Math.PI * x * Math.cos(Math.PI * x);
    }
}
