package course.problems;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.simple.SimpleMatrix;

/**
 * Eigenvalues and condition numbers of symmetric matrices (Hessians, quadratic forms) with EJML.
 * The signs of a Hessian's eigenvalues say what a critical point is; the ratio of the largest to
 * the smallest says how hard the problem is for gradient descent.
 */
public final class Spectrum {
    private Spectrum() {
    }

    /**
     * The eigenvalues of a symmetric matrix, smallest first. EJML returns them unsorted and its
     * decomposition may overwrite its input, so this works on a copy and sorts.
     */
    public static double[] eigenvalues(SimpleMatrix symmetric) {
        checkSymmetric(symmetric);
        int n = symmetric.getNumRows();
        DMatrixRMaj copy = symmetric.getDDRM().copy();
        EigenDecomposition_F64<DMatrixRMaj> evd = DecompositionFactory_DDRM.eig(n, false, true);
        if (!evd.decompose(copy)) {
            throw new IllegalArgumentException("the eigenvalue decomposition failed: the matrix is not usable ("
                    + symmetric + ")");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = evd.getEigenvalue(i).real; // symmetric: every eigenvalue is real
        }
        Arrays.sort(values);
        return values;
    }

    /**
     * The spectral condition number max|λ| / min|λ| of a symmetric matrix; +∞ when it is singular.
     * For a positive definite Hessian this is L/μ, the ratio that slows gradient descent down.
     */
    public static double conditionNumber(SimpleMatrix symmetric) {
        double largest = 0, smallest = Double.POSITIVE_INFINITY;
        for (double lambda : eigenvalues(symmetric)) {
            largest = Math.max(largest, Math.abs(lambda));
            smallest = Math.min(smallest, Math.abs(lambda));
        }
        return smallest == 0 ? Double.POSITIVE_INFINITY : largest / smallest;
    }

    static void checkSymmetric(SimpleMatrix m) {
        if (m == null) {
            throw new IllegalArgumentException("matrix must not be null");
        }
        int n = m.getNumRows();
        if (n == 0 || m.getNumCols() != n) {
            throw new IllegalArgumentException("matrix must be square and non-empty, got "
                    + n + " × " + m.getNumCols());
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + m.get(i, j)
                            + ": entries must be finite");
                }
                scale = Math.max(scale, Math.abs(m.get(i, j)));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m.get(i, j) - m.get(j, i)) > 1e-12 * scale) {
                    throw new IllegalArgumentException("matrix must be symmetric, but entry (" + i + ", " + j + ") is "
                            + m.get(i, j) + " and (" + j + ", " + i + ") is " + m.get(j, i));
                }
            }
        }
    }
}
